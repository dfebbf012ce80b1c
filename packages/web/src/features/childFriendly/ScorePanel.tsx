import { type CfAssessmentScore, type CfCatalogue, cfUnitCategories } from '@tuoitho/domain';
import { Alert, Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../children/ChildTags';
import { PassedTag } from './CfTags';
import { isShortfallEmpty, shortfallOf } from './cfForm';

/** The total against the threshold of the unit's category, and whether the commune passes. */
export function ScoreSummary({ score, isLive }: { score: CfAssessmentScore; isLive: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const category = cfUnitCategories[score.category];
  return (
    <Card size="small">
      <Row gutter={[16, 16]} align="middle">
        <Col xs={12} md={6}>
          <Statistic
            title={t('childFriendly.assessment.total')}
            value={score.total}
            suffix={`/ ${score.maxTotal}`}
            data-testid="cf-total"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('childFriendly.assessment.threshold')}
            value={score.threshold}
            data-testid="cf-threshold"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {category.label[language]}
          </Typography.Text>
        </Col>
        <Col xs={24} md={12}>
          <Flex vertical gap={6}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text>{t('childFriendly.assessment.result')}</Typography.Text>
              <PassedTag passed={score.passed} testId="cf-passed" />
              {isLive ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('childFriendly.assessment.liveHint')}
                </Typography.Text>
              ) : null}
            </Flex>
            <Progress
              percent={Math.min(100, Math.round((score.total / score.maxTotal) * 100))}
              success={{ percent: 0 }}
              status={score.passed ? 'success' : 'normal'}
              format={() => `${score.total}`}
              aria-label={t('childFriendly.assessment.total')}
            />
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}

/**
 * "Còn thiếu gì": the criteria not met (and by how many points), the criteria at 0 (which fail the
 * commune whatever its total), the points the total lacks, and the indicators with nothing entered.
 */
export function MissingPanel({ score, catalogue }: { score: CfAssessmentScore; catalogue: CfCatalogue }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shortfall = shortfallOf(score);
  const nameOf = (number: number) =>
    catalogue.criteria.find((c) => c.number === number)?.name[language] ?? String(number);
  if (isShortfallEmpty(shortfall)) {
    return (
      <Alert type="success" showIcon title={t('childFriendly.missing.nothing')} data-testid="cf-missing" />
    );
  }
  return (
    <Alert
      type={score.passed ? 'info' : 'warning'}
      showIcon
      data-testid="cf-missing"
      title={t('childFriendly.missing.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {shortfall.totalShort > 0 ? (
            <li data-testid="cf-missing-total">
              {t('childFriendly.missing.totalShort', {
                short: shortfall.totalShort,
                total: score.total,
                threshold: score.threshold,
              })}
            </li>
          ) : null}
          {shortfall.atZero.map((number) => (
            <li key={`zero-${number}`} data-testid={`cf-missing-zero-${number}`}>
              <a href={`#cf-criterion-${number}`}>
                {t('childFriendly.missing.atZero', { number, name: nameOf(number) })}
              </a>
            </li>
          ))}
          {shortfall.notMet.map((row) => (
            <li key={`not-met-${row.number}`} data-testid={`cf-missing-criterion-${row.number}`}>
              <a href={`#cf-criterion-${row.number}`}>
                {t('childFriendly.missing.notMet', {
                  number: row.number,
                  name: nameOf(row.number),
                  points: row.points,
                  pass: row.passPoints,
                  short: row.short,
                })}
              </a>
            </li>
          ))}
          {shortfall.missing.length > 0 ? (
            <li data-testid="cf-missing-indicators">
              {t('childFriendly.missing.notEntered', {
                codes: shortfall.missing.flatMap((row) => row.codes).join(', '),
              })}
            </li>
          ) : null}
        </ul>
      }
    />
  );
}
