import type { CaseAction, CaseActionType, CaseHistoryItem } from '@tuoitho/domain';
import { concernTypeLabels, intakeChannelLabels, riskLevelLabels } from '@tuoitho/domain';
import { Card, Empty, Spin, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useLanguage } from '../../children/ChildTags';
import { type Language, labelOf } from '../../children/childText';
import { useCaseHistory } from '../api';
import { clockStepName, protectionLevelName } from '../caseText';

const colors: Partial<Record<CaseActionType, string>> = {
  intake: 'blue',
  initial_assessment: 'blue',
  emergency_measure: 'red',
  temporary_removal: 'red',
  plan_approved: 'green',
  plan_rejected: 'orange',
  measure_done: 'green',
  closed: 'gray',
  reopened: 'orange',
  deadline_extended: 'purple',
};

/** The key facts of an action, as short "label: value" lines (no more than the officer needs). */
export function actionDetails(
  action: CaseAction,
  t: TFunction,
  language: Language,
  measureNames: ReadonlyMap<string, string> = new Map(),
): string[] {
  const line = (key: string, value: string | null | undefined) =>
    value ? [`${t(`cases.actionForm.${key}`)}: ${value}`] : [];
  const risk = (value: string) => labelOf(riskLevelLabels, value, language);
  const level = (value: string | null | undefined) => protectionLevelName(value as never, language);
  switch (action.type) {
    case 'intake':
      return [
        ...line('channel', labelOf(intakeChannelLabels, action.channel, language)),
        ...line(
          'concerns',
          action.concernTypes.map((c) => labelOf(concernTypeLabels, c, language)).join(', '),
        ),
        ...line('receivedAt', formatDateTime(action.receivedAt)),
      ];
    case 'initial_assessment':
      return [
        ...line('riskLevel', risk(action.riskLevel)),
        ...line('isEmergency', action.isEmergency ? t('common.yes') : t('common.no')),
        ...line('protectionLevel', level(action.protectionLevel)),
        ...line('harm', action.harm),
      ];
    case 'emergency_measure':
      return line('description', action.description);
    case 'temporary_removal':
      return [
        ...line('decision', `${action.decisionNumber} (${formatDate(action.decisionDate)})`),
        ...line('placement', action.placement),
        ...line('period', `${formatDateTime(action.startAt)} – ${formatDateTime(action.plannedEndAt)}`),
      ];
    case 'removal_ended':
      return [...line('outcome', t(`cases.removalOutcome.${action.outcome}`)), ...line('note', action.note)];
    case 'detailed_assessment':
      return [
        ...line('riskLevel', risk(action.riskLevel)),
        ...line('needs', action.needs.join('; ')),
        ...line('meetingOn', formatDate(action.meetingOn)),
        ...line('protectionLevel', level(action.protectionLevel)),
      ];
    case 'plan_drafted':
      return [
        ...line('goal', action.goal),
        ...line('measures', action.measures.map((measure) => measure.description).join('; ')),
      ];
    case 'plan_submitted':
      return line('note', action.note);
    case 'plan_approved':
      return line('decision', `${action.decisionNumber} (${formatDate(action.decisionDate)})`);
    case 'plan_rejected':
      return line('reason', action.reason);
    case 'measure_done':
      return [
        ...line('measures', measureNames.get(action.measureId) ?? action.measureId),
        ...line('outcome', action.outcome),
      ];
    case 'review':
      return [
        ...line('riskLevel', risk(action.riskLevel)),
        ...line('reviewDecision', t(`cases.reviewDecision.${action.decision}`)),
        ...line('protectionLevel', level(action.protectionLevel)),
        ...line('summary', action.summary),
      ];
    case 'closed':
      return [...line('closeReason', t(`cases.closeReason.${action.reason}`)), ...line('note', action.note)];
    case 'reopened':
      return line('reason', action.reason);
    case 'deadline_extended':
      return [
        ...line('step', clockStepName(action.step, language)),
        ...line('newDueAt', formatDateTime(action.newDueAt)),
        ...line('reason', action.reason),
      ];
    case 'assigned':
      return [];
    case 'note':
      return [action.text];
  }
}

function HistoryEntry({
  item,
  measureNames,
}: {
  item: CaseHistoryItem;
  measureNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const details = actionDetails(item.action, t, language, measureNames);
  return (
    <div data-testid={`history-${item.type}`}>
      <Typography.Text strong>{t(`cases.actionTypes.${item.type}`)}</Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            formatDateTime(item.at),
            item.byName ?? t('cases.history.unknownUser'),
            t(`cases.roles.${item.role}`),
          ].join(' · ')}
        </Typography.Text>
      </div>
      {details.map((detail) => (
        <div key={detail} style={{ whiteSpace: 'pre-wrap' }}>
          {detail}
        </div>
      ))}
    </div>
  );
}

/** The history of the case, newest first: what was done, by whom, when, with the key fields. */
export function CaseTimeline({
  caseId,
  canRead,
  readReason,
  measureNames,
}: {
  caseId: string;
  canRead: boolean;
  readReason: string | undefined;
  /** Descriptions of the plan's measures by id, to name a completed measure. */
  measureNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const history = useCaseHistory(caseId, readReason, canRead);
  return (
    <Card title={t('cases.history.title')} size="small" data-testid="case-history">
      {!canRead ? (
        <Typography.Text type="secondary">{t('cases.content.hidden')}</Typography.Text>
      ) : history.isPending ? (
        <Spin />
      ) : history.isError ? (
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={[...history.data.items]
            .sort((a, b) => b.seq - a.seq)
            .map((item) => ({
              key: item.seq,
              color: colors[item.type] ?? 'blue',
              content: <HistoryEntry item={item} measureNames={measureNames} />,
            }))}
        />
      )}
    </Card>
  );
}
