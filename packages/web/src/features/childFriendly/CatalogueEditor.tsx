import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type CfCatalogueResponse,
  type CfCriterion,
  type CfIndicator,
  type CfScoringRule,
  checkCatalogueEdit,
} from '@tuoitho/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Flex,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage } from '../children/ChildTags';
import { useUpdateCfCatalogue } from './api';
import { UnverifiedTag } from './CfTags';
import { criteriaSum, describeRule, indicatorsSum, issueLocation, ruleOfKind } from './cfCatalogue';

type Bands = Extract<CfScoringRule, { kind: 'bands' }>;

function BandsEditor({ rule, onChange }: { rule: Bands; onChange: (rule: Bands) => void }) {
  const { t } = useTranslation();
  const setBand = (index: number, band: Bands['bands'][number]) =>
    onChange({ ...rule, bands: rule.bands.map((b, i) => (i === index ? band : b)) });
  return (
    <Flex vertical gap={6}>
      <Flex gap={8} wrap>
        <Select<Bands['measure']>
          value={rule.measure}
          onChange={(measure) => onChange({ ...rule, measure })}
          aria-label={t('childFriendly.editor.measure')}
          options={[
            { value: 'percent', label: t('childFriendly.editor.percent') },
            { value: 'count', label: t('childFriendly.editor.count') },
          ]}
          style={{ width: 140 }}
        />
        <Select<Bands['direction']>
          value={rule.direction}
          onChange={(direction) => onChange({ ...rule, direction })}
          aria-label={t('childFriendly.editor.direction')}
          options={[
            { value: 'at_least', label: t('childFriendly.editor.atLeast') },
            { value: 'at_most', label: t('childFriendly.editor.atMost') },
          ]}
          style={{ width: 200 }}
        />
        <InputNumber<number>
          value={rule.noCasePoints}
          min={0}
          onChange={(value) => onChange({ ...rule, noCasePoints: value ?? null })}
          placeholder={t('childFriendly.editor.noCasePoints')}
          aria-label={t('childFriendly.editor.noCasePoints')}
          style={{ width: 220 }}
        />
      </Flex>
      {rule.bands.map((band, index) => (
        // Bands have no identity of their own; their position is their key while editing.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Flex key={index} gap={8} align="center" wrap>
          <Typography.Text>{rule.direction === 'at_least' ? '≥' : '≤'}</Typography.Text>
          <InputNumber<number>
            value={band.threshold}
            min={0}
            onChange={(value) => setBand(index, { ...band, threshold: value ?? 0 })}
            suffix={rule.measure === 'percent' ? '%' : undefined}
            aria-label={t('childFriendly.editor.threshold')}
            style={{ width: 120 }}
          />
          <Typography.Text>→</Typography.Text>
          <InputNumber<number>
            value={band.points}
            min={0}
            onChange={(value) => setBand(index, { ...band, points: value ?? 0 })}
            suffix={t('childFriendly.editor.pointsSuffix')}
            aria-label={t('childFriendly.editor.bandPoints')}
            style={{ width: 130 }}
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            disabled={rule.bands.length === 1}
            aria-label={t('childFriendly.editor.removeBand')}
            onClick={() => onChange({ ...rule, bands: rule.bands.filter((_, i) => i !== index) })}
          />
        </Flex>
      ))}
      <div>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={rule.bands.length >= 10}
          onClick={() => onChange({ ...rule, bands: [...rule.bands, { threshold: 0, points: 0 }] })}
        >
          {t('childFriendly.editor.addBand')}
        </Button>
      </div>
    </Flex>
  );
}

function IndicatorEditor({
  indicator,
  onChange,
}: {
  indicator: CfIndicator;
  onChange: (indicator: CfIndicator) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (indicator.verified) {
    return (
      <Typography.Paragraph style={{ margin: 0 }}>
        <strong>{indicator.code}</strong> {indicator.name[language]} — {indicator.maxPoints}{' '}
        {t('childFriendly.editor.pointsSuffix')} (
        {describeRule(indicator.rule, indicator.maxPoints, language)}) ·{' '}
        <Typography.Text type="secondary">{t('childFriendly.editor.verifiedLocked')}</Typography.Text>
      </Typography.Paragraph>
    );
  }
  const rule = indicator.rule;
  return (
    <Card size="small" data-testid={`cf-editor-indicator-${indicator.code}`}>
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap>
          <strong>{indicator.code}</strong>
          <UnverifiedTag />
        </Flex>
        <Row gutter={[8, 8]}>
          <Col xs={24} md={12}>
            <Input
              value={indicator.name.vi}
              onChange={(event) =>
                onChange({ ...indicator, name: { ...indicator.name, vi: event.target.value } })
              }
              aria-label={t('childFriendly.editor.nameVi')}
              prefix="VI"
              maxLength={300}
            />
          </Col>
          <Col xs={24} md={12}>
            <Input
              value={indicator.name.en}
              onChange={(event) =>
                onChange({ ...indicator, name: { ...indicator.name, en: event.target.value } })
              }
              aria-label={t('childFriendly.editor.nameEn')}
              prefix="EN"
              maxLength={300}
            />
          </Col>
        </Row>
        <Flex gap={8} wrap align="center">
          <Typography.Text>{t('childFriendly.catalogue.maxPoints')}</Typography.Text>
          <InputNumber<number>
            value={indicator.maxPoints}
            min={0}
            max={1000}
            onChange={(value) => onChange({ ...indicator, maxPoints: value ?? 0 })}
            aria-label={t('childFriendly.catalogue.maxPoints')}
            style={{ width: 100 }}
          />
          <Select<CfScoringRule['kind']>
            value={rule.kind}
            onChange={(kind) => onChange({ ...indicator, rule: ruleOfKind(kind, indicator.maxPoints) })}
            aria-label={t('childFriendly.catalogue.rule')}
            // A system figure is a number: its rule stays banded.
            disabled={indicator.systemFigure !== null}
            options={[
              { value: 'yes_no', label: t('childFriendly.editor.kindYesNo') },
              { value: 'bands', label: t('childFriendly.editor.kindBands') },
              { value: 'manual', label: t('childFriendly.editor.kindManual') },
            ]}
            style={{ width: 220 }}
          />
          {rule.kind === 'yes_no' ? (
            <InputNumber<number>
              value={rule.points}
              min={0}
              onChange={(value) => onChange({ ...indicator, rule: { kind: 'yes_no', points: value ?? 0 } })}
              suffix={t('childFriendly.editor.pointsSuffix')}
              aria-label={t('childFriendly.editor.yesPoints')}
              style={{ width: 130 }}
            />
          ) : null}
        </Flex>
        {rule.kind === 'bands' ? (
          <BandsEditor rule={rule} onChange={(next) => onChange({ ...indicator, rule: next })} />
        ) : null}
        <Typography.Text type="secondary">
          {describeRule(rule, indicator.maxPoints, language)}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

function CriterionEditor({
  criterion,
  onChange,
}: {
  criterion: CfCriterion;
  onChange: (criterion: CfCriterion) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sum = indicatorsSum(criterion);
  return (
    <Card
      size="small"
      data-testid={`cf-editor-criterion-${criterion.number}`}
      title={`${criterion.number}. ${criterion.name[language]}`}
      extra={
        <Typography.Text type={sum === criterion.maxPoints ? 'secondary' : 'danger'}>
          {t('childFriendly.editor.indicatorSum', { sum, max: criterion.maxPoints })}
        </Typography.Text>
      }
    >
      <Flex vertical gap={8}>
        <Flex gap={16} wrap align="center">
          <Flex gap={6} align="center">
            <Typography.Text>{t('childFriendly.catalogue.maxPoints')}</Typography.Text>
            <InputNumber<number>
              value={criterion.maxPoints}
              min={0}
              max={1000}
              disabled={criterion.maxPointsVerified}
              onChange={(value) => onChange({ ...criterion, maxPoints: value ?? 0 })}
              aria-label={t('childFriendly.catalogue.maxPoints')}
              style={{ width: 100 }}
            />
            {criterion.maxPointsVerified ? null : <UnverifiedTag />}
          </Flex>
          <Flex gap={6} align="center">
            <Typography.Text>{t('childFriendly.catalogue.passPoints')}</Typography.Text>
            <InputNumber<number>
              value={criterion.passPoints}
              min={1}
              max={criterion.maxPoints}
              disabled={criterion.passPointsVerified}
              onChange={(value) => onChange({ ...criterion, passPoints: value ?? 0 })}
              aria-label={t('childFriendly.catalogue.passPoints')}
              style={{ width: 100 }}
              data-testid={`cf-editor-pass-${criterion.number}`}
            />
            {criterion.passPointsVerified ? null : <UnverifiedTag />}
          </Flex>
        </Flex>
        {criterion.indicators.map((indicator, index) => (
          <IndicatorEditor
            key={indicator.code}
            indicator={indicator}
            onChange={(next) =>
              onChange({
                ...criterion,
                indicators: criterion.indicators.map((item, i) => (i === index ? next : item)),
              })
            }
          />
        ))}
      </Flex>
    </Card>
  );
}

/**
 * Edits the unverified items of the catalogue: maxima, pass points and indicators not confirmed
 * against the Decision. Verified items are shown locked. The domain's own check runs as the
 * administrator types (indicators add up to their criterion, criteria to 1000), and the server
 * repeats it; a stale version answers 409.
 */
export function CatalogueEditor({
  catalogue,
  onClose,
}: {
  catalogue: CfCatalogueResponse;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const update = useUpdateCfCatalogue();
  const [criteria, setCriteria] = useState<CfCriterion[]>(() => structuredClone(catalogue.criteria));
  const issues = useMemo(
    () => checkCatalogueEdit(catalogue, { ...catalogue, criteria }),
    [catalogue, criteria],
  );
  const total = criteriaSum(criteria);

  const save = () =>
    update.mutate(
      { version: catalogue.version, criteria },
      {
        onSuccess: () => {
          void message.success(t('childFriendly.editor.saved'));
          onClose();
        },
      },
    );

  return (
    <Drawer
      open
      size={980}
      title={t('childFriendly.editor.title')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={save}
            loading={update.isPending}
            disabled={issues.length > 0}
            data-testid="cf-catalogue-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Alert type="warning" showIcon title={t('childFriendly.editor.help')} />
        <Typography.Text type={total === catalogue.maxTotal ? undefined : 'danger'} strong>
          {t('childFriendly.editor.total', { total, max: catalogue.maxTotal })}
        </Typography.Text>
        {issues.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={t('childFriendly.editor.issuesTitle')}
            data-testid="cf-catalogue-issues"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {issues.map((issue) => (
                  <li key={`${issue.path}-${issue.message}`}>
                    {issueLocation(issue, criteria, language)}:{' '}
                    {t(`childFriendly.editor.issues.${issue.message}`, { defaultValue: issue.message })}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        {update.error ? <ErrorAlert error={update.error} /> : null}
        {criteria.map((criterion, index) => (
          <CriterionEditor
            key={criterion.number}
            criterion={criterion}
            onChange={(next) => setCriteria((all) => all.map((item, i) => (i === index ? next : item)))}
          />
        ))}
      </Flex>
    </Drawer>
  );
}
