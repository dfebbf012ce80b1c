import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type CfAssessmentValue,
  type CfIndicator,
  type CfIndicatorScore,
  cfSystemFigureLabels,
} from '@tuoitho/domain';
import {
  App,
  Button,
  Col,
  Flex,
  Input,
  InputNumber,
  Radio,
  Row,
  Switch,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/dates';
import { describeError } from '../../lib/errors';
import { useLanguage } from '../children/ChildTags';
import { labelOf } from '../children/childText';
import { formatNumber } from '../outreach/outreachCharts';
import { formatFileSize } from '../programmes/programmeText';
import { cfEvidenceUrl, useDeleteCfEvidence, useUploadCfEvidence } from './api';
import { UnverifiedTag } from './CfTags';
import { describeRule } from './cfCatalogue';
import { type CfDraftEntry, isSystemIndicator } from './cfForm';

const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp';

function evidenceContentType(file: File): string {
  if (file.type) return file.type;
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.pdf')) return 'application/pdf';
  if (lower.endsWith('.png')) return 'image/png';
  if (lower.endsWith('.webp')) return 'image/webp';
  if (lower.endsWith('.jpg') || lower.endsWith('.jpeg')) return 'image/jpeg';
  return 'application/octet-stream';
}

/** The evidence files of an indicator: links, and for the commune an upload and a removal. */
function EvidenceFiles({
  assessmentId,
  code,
  files,
  canEdit,
}: {
  assessmentId: string;
  code: string;
  files: CfAssessmentValue['files'];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const upload = useUploadCfEvidence();
  const remove = useDeleteCfEvidence(assessmentId);
  return (
    <Flex gap={6} wrap align="center">
      {files.map((file) => (
        <Tag key={file.id} style={{ marginInlineEnd: 0 }}>
          <a href={cfEvidenceUrl(file.id)} download={file.fileName}>
            <PaperClipOutlined /> {file.fileName}
          </a>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            ({formatFileSize(file.size, language)})
          </Typography.Text>
          {canEdit ? (
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('childFriendly.evidence.remove', { name: file.fileName })}
              onClick={() =>
                void modal.confirm({
                  title: t('childFriendly.evidence.removeTitle'),
                  content: file.fileName,
                  okText: t('childFriendly.evidence.removeOk'),
                  okButtonProps: { danger: true },
                  cancelText: t('common.cancel'),
                  onOk: () => remove.mutateAsync(file.id),
                })
              }
            />
          ) : null}
        </Tag>
      ))}
      {canEdit ? (
        <Upload
          accept={EVIDENCE_ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(
              { id: assessmentId, indicator: code, file, contentType: evidenceContentType(file) },
              {
                onSuccess: () =>
                  void message.success(t('childFriendly.evidence.uploaded', { name: file.name })),
                onError: (error) =>
                  void message.error({
                    content: `${t('childFriendly.evidence.rejected')} ${describeError(error, t)}`,
                    duration: 8,
                  }),
              },
            );
            return false;
          }}
        >
          <Button
            size="small"
            icon={<UploadOutlined />}
            loading={upload.isPending}
            data-testid={`cf-evidence-upload-${code}`}
          >
            {t('childFriendly.evidence.upload')}
          </Button>
        </Upload>
      ) : null}
    </Flex>
  );
}

export interface IndicatorRowProps {
  assessmentId: string;
  indicator: CfIndicator;
  saved: CfAssessmentValue | undefined;
  entry: CfDraftEntry;
  score: CfIndicatorScore | undefined;
  canEdit: boolean;
  onChange: (entry: CfDraftEntry) => void;
}

/**
 * One indicator: its scoring in words, the value (yes/no, a figure, or points), the points it
 * earns as the commune types, the system's figure with what it is computed from, and evidence.
 */
export function IndicatorRow({
  assessmentId,
  indicator,
  saved,
  entry,
  score,
  canEdit,
  onChange,
}: IndicatorRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rule = indicator.rule;
  const system = saved?.system ?? null;
  const isSystem = isSystemIndicator(indicator) && entry.hasSystemFigure && system !== null;
  const isPercent = rule.kind === 'bands' && rule.measure === 'percent';
  const figure = (value: number) => `${formatNumber(value, language, 1)}${isPercent ? '%' : ''}`;
  const set = (change: Partial<CfDraftEntry>) => onChange({ ...entry, ...change });
  const needsReason = isSystem && entry.isOverridden && !entry.note.trim();

  // Read-only (submitted, or the province's view): plain text reads better than disabled inputs.
  const shown = (text: string | null) =>
    text === null ? (
      <Typography.Text type="warning">{t('childFriendly.assessment.notEntered')}</Typography.Text>
    ) : (
      <Typography.Text strong data-testid={`cf-value-${indicator.code}`}>
        {text}
      </Typography.Text>
    );
  const ownFigure = entry.value === null ? null : figure(entry.value);

  const valueInput = (() => {
    if (!canEdit && rule.kind === 'yes_no') {
      return shown(
        entry.yes === null
          ? null
          : entry.yes
            ? t('childFriendly.assessment.yes')
            : t('childFriendly.assessment.no'),
      );
    }
    if (!canEdit && rule.kind === 'manual') {
      return shown(
        entry.points === null
          ? null
          : t('childFriendly.assessment.pointsGiven', { points: formatNumber(entry.points, language, 1) }),
      );
    }
    if (rule.kind === 'yes_no') {
      return (
        <Radio.Group
          value={entry.yes}
          onChange={(event) => set({ yes: event.target.value as boolean })}
          disabled={!canEdit}
          optionType="button"
          buttonStyle="solid"
          aria-label={indicator.name[language]}
        >
          <Radio.Button value={true}>
            {/* On the label's text: antd puts other props on the hidden radio input. */}
            <span data-testid={`cf-yes-${indicator.code}`}>{t('childFriendly.assessment.yes')}</span>
          </Radio.Button>
          <Radio.Button value={false}>
            {/* On the label's text: antd puts other props on the hidden radio input. */}
            <span data-testid={`cf-no-${indicator.code}`}>{t('childFriendly.assessment.no')}</span>
          </Radio.Button>
        </Radio.Group>
      );
    }
    if (rule.kind === 'manual') {
      return (
        <InputNumber<number>
          value={entry.points}
          min={0}
          max={indicator.maxPoints}
          onChange={(points) => set({ points: points ?? null })}
          disabled={!canEdit}
          suffix={t('childFriendly.editor.pointsSuffix')}
          aria-label={indicator.name[language]}
          style={{ width: 150 }}
          data-testid={`cf-input-${indicator.code}`}
        />
      );
    }
    const input = (
      <InputNumber<number>
        value={entry.value}
        min={0}
        max={isPercent ? 100 : 1_000_000}
        step={isPercent ? 0.1 : 1}
        precision={isPercent ? 1 : 0}
        decimalSeparator={language === 'vi' ? ',' : '.'}
        onChange={(value) => set({ value: value ?? null })}
        disabled={!canEdit}
        suffix={isPercent ? '%' : undefined}
        aria-label={indicator.name[language]}
        style={{ width: 150 }}
        data-testid={`cf-input-${indicator.code}`}
      />
    );
    if (!isSystem || system === null) {
      if (!canEdit) return shown(ownFigure);
      if (!isSystemIndicator(indicator)) return input;
      // The system has no figure for this indicator (yet): the commune enters its own.
      return (
        <Flex vertical gap={6}>
          {input}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('childFriendly.assessment.noSystemFigure')}
          </Typography.Text>
        </Flex>
      );
    }
    const isNoCase = system.denominator === 0;
    return (
      <Flex vertical gap={6}>
        <Typography.Text data-testid={`cf-system-${indicator.code}`}>
          {t('childFriendly.assessment.systemValue')}:{' '}
          <strong>
            {isNoCase
              ? t('childFriendly.assessment.noCase')
              : system.value === null
                ? '–'
                : figure(system.value)}
          </strong>
          {system.denominator !== null ? (
            <Typography.Text type="secondary">
              {' '}
              ({formatNumber(system.numerator ?? 0, language)}/{formatNumber(system.denominator, language)})
            </Typography.Text>
          ) : null}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {labelOf(cfSystemFigureLabels, system.figure, language)} ·{' '}
          {t('childFriendly.assessment.asOf', { date: formatDate(system.asOf) })}
        </Typography.Text>
        {!canEdit ? (
          entry.isOverridden ? (
            <Typography.Text>
              {t('childFriendly.assessment.overriddenWith')}: {shown(ownFigure)}
              {entry.note ? <Typography.Text type="secondary"> — {entry.note}</Typography.Text> : null}
            </Typography.Text>
          ) : null
        ) : (
          <Flex gap={8} align="center" wrap>
            <Switch
              checked={entry.isOverridden}
              onChange={(isOverridden) => set({ isOverridden, value: isOverridden ? entry.value : null })}
              disabled={!canEdit}
              size="small"
              aria-label={t('childFriendly.assessment.override')}
              data-testid={`cf-override-${indicator.code}`}
            />
            <Typography.Text>{t('childFriendly.assessment.override')}</Typography.Text>
            {entry.isOverridden ? input : null}
          </Flex>
        )}
        {canEdit && entry.isOverridden ? (
          <Input.TextArea
            value={entry.note}
            onChange={(event) => set({ note: event.target.value })}
            disabled={!canEdit}
            status={needsReason ? 'error' : undefined}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            placeholder={t('childFriendly.assessment.overrideReason')}
            aria-label={t('childFriendly.assessment.overrideReason')}
            data-testid={`cf-override-note-${indicator.code}`}
          />
        ) : null}
      </Flex>
    );
  })();

  return (
    <div
      data-testid={`cf-indicator-${indicator.code}`}
      style={{ padding: '12px 0', borderTop: '1px solid rgba(5, 5, 5, 0.06)' }}
    >
      <Row gutter={[16, 8]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={4}>
            <Flex gap={6} wrap align="center">
              <Typography.Text strong>{indicator.code}</Typography.Text>
              <Typography.Text>{indicator.name[language]}</Typography.Text>
              {indicator.verified ? null : <UnverifiedTag />}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {describeRule(rule, indicator.maxPoints, language)}
            </Typography.Text>
          </Flex>
        </Col>
        <Col xs={24} md={16} lg={10}>
          {valueInput}
        </Col>
        <Col xs={24} md={8} lg={4} style={{ textAlign: 'right' }}>
          <Typography.Text
            strong
            type={score?.missing ? 'warning' : score && score.points > 0 ? 'success' : 'danger'}
            data-testid={`cf-indicator-${indicator.code}-points`}
          >
            {t('childFriendly.assessment.points', { points: score?.points ?? 0, max: indicator.maxPoints })}
          </Typography.Text>
          {score?.missing ? (
            <div>
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {t('childFriendly.assessment.notEntered')}
              </Typography.Text>
            </div>
          ) : null}
        </Col>
        <Col xs={24}>
          <Flex vertical gap={6}>
            {!canEdit && entry.evidenceNote ? (
              <Typography.Text>
                {t('childFriendly.evidence.note')}: {entry.evidenceNote}
              </Typography.Text>
            ) : null}
            {canEdit ? (
              <Input.TextArea
                value={entry.evidenceNote}
                onChange={(event) => set({ evidenceNote: event.target.value })}
                disabled={!canEdit}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={2000}
                placeholder={t('childFriendly.evidence.notePlaceholder')}
                aria-label={t('childFriendly.evidence.note')}
                data-testid={`cf-evidence-note-${indicator.code}`}
              />
            ) : null}
            <EvidenceFiles
              assessmentId={assessmentId}
              code={indicator.code}
              files={saved?.files ?? []}
              canEdit={canEdit}
            />
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
