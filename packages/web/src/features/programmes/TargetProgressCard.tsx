import { InfoCircleOutlined } from '@ant-design/icons';
import { programmeIndicators, type TargetProgress, type TargetStatus } from '@tuoitho/domain';
import { Card, Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../children/ChildTags';
import { formatGoal, formatMeasure, formatNumber } from './programmeText';
import { TrendChart } from './TrendChart';

const statusColors: Record<TargetStatus, string> = { met: 'success', not_met: 'warning', no_data: 'default' };
const progressColors: Record<TargetStatus, string> = {
  met: '#389e0d',
  not_met: '#d46b08',
  no_data: '#bfbfbf',
};

export function TargetStatusTag({ status, testId }: { status: TargetStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t(`programmes.progress.status.${status}`)}
    </Tag>
  );
}

/**
 * One target against its measured value for the chosen unit: the figure, the goal, whether it is
 * met, how far it has come, how it is defined (tooltip) and its yearly trend.
 */
export function TargetProgressCard({ target }: { target: TargetProgress }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = target.targetId;
  const indicator = target.indicatorCode ? programmeIndicators[target.indicatorCode] : undefined;
  const definition = indicator
    ? indicator.definition[language]
    : t('programmes.progress.manualDefinition', { note: target.note ?? t('programmes.progress.noNote') });
  const shown = formatMeasure(target.value, target.unitOfMeasure, language);
  const hasTrend = target.series.filter((point) => point.value !== null).length > 1;
  return (
    <Card size="small" data-testid={`target-${id}`} style={{ height: '100%' }}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text strong>
            {target.label}{' '}
            <Tooltip title={definition}>
              <InfoCircleOutlined
                aria-label={t('programmes.progress.definition')}
                style={{ color: '#8c8c8c' }}
              />
            </Tooltip>
          </Typography.Text>
          <TargetStatusTag status={target.status} testId={`target-status-${id}`} />
        </Flex>
        <Flex align="baseline" gap={12} wrap>
          <Typography.Text
            data-testid={`target-value-${id}`}
            style={{ fontSize: shown ? 26 : 16, fontWeight: 600, lineHeight: 1.2 }}
            type={shown ? undefined : 'secondary'}
          >
            {shown ?? t('programmes.progress.noData')}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('programmes.progress.goal')}{' '}
            <span data-testid={`target-goal-${id}`}>{formatGoal(target, language)}</span>
          </Typography.Text>
        </Flex>
        <Progress
          percent={target.achievement ?? 0}
          strokeColor={progressColors[target.status]}
          format={() =>
            target.achievement === null ? '—' : `${formatNumber(target.achievement, language)} %`
          }
          aria-label={t('programmes.progress.achievement')}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            t('programmes.progress.measuredYear', { year: target.measuredYear }),
            target.numerator !== null && target.denominator !== null
              ? t('programmes.progress.fraction', {
                  numerator: formatNumber(target.numerator, language),
                  denominator: formatNumber(target.denominator, language),
                })
              : null,
            target.source === 'manual' ? t('programmes.progress.manualSource') : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        {hasTrend ? (
          <TrendChart
            series={target.series}
            target={target.target}
            unitOfMeasure={target.unitOfMeasure}
            language={language}
            label={t('programmes.progress.trend', { label: target.label })}
          />
        ) : null}
      </Flex>
    </Card>
  );
}
