import { CheckCircleOutlined, SaveOutlined } from '@ant-design/icons';
import type { Activity, ActivityParticipant } from '@tuoitho/domain';
import { App, Button, Checkbox, Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate } from '../../../lib/dates';
import { useParticipants, useSaveOutcomes } from './api';
import {
  markAttendeesCompleted,
  type OutcomeMarks,
  type OutcomesDraft,
  outcomeChanges,
  outcomeOf,
  setOutcomeMark,
} from './participation';

const CHANGED_BACKGROUND = '#fff7e6';

/** The marks a kind of activity records: the swimming tests only for a swimming class. */
function marksOf(activity: Activity): Array<{ mark: keyof OutcomeMarks; testId: string }> {
  const completed = { mark: 'completed' as const, testId: 'completed' };
  if (activity.kind !== 'swimming_class') return [completed];
  return [
    completed,
    { mark: 'swimSafe', testId: 'swimsafe' },
    { mark: 'waterSafety', testId: 'watersafety' },
  ];
}

/**
 * "Kết quả": per child, completed the activity, and for a swimming class passed the
 * safe-swimming test and shows water-safety skills. These feed the programme's figure of
 * children 6–15 who swim safely.
 */
export function OutcomesTab({ activity, canWrite }: { activity: Activity; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const participants = useParticipants(activity.id);
  const save = useSaveOutcomes(activity.id);
  const [draft, setDraft] = useState<OutcomesDraft>({});
  const items = participants.data?.items ?? [];
  const changes = useMemo(() => outcomeChanges(items, draft), [items, draft]);
  const changedIds = useMemo(() => new Set(changes.map((entry) => entry.childId)), [changes]);
  const marks = marksOf(activity);

  const submit = () =>
    save.mutate(changes, {
      onSuccess: () => {
        setDraft({});
        void message.success(t('activities.outcomes.saved', { count: changes.length }));
      },
    });

  const columns: TableColumnsType<ActivityParticipant> = [
    { key: 'name', title: t('activities.participants.name'), dataIndex: 'fullName', width: 220 },
    {
      key: 'attended',
      title: t('activities.participants.sessionsAttended'),
      align: 'right',
      width: 110,
      render: (_, participant) => `${participant.sessionsAttended}/${activity.sessions.length}`,
    },
    ...marks.map(({ mark, testId }) => ({
      key: mark,
      title: t(`activities.outcomes.${mark}`),
      align: 'center' as const,
      width: 150,
      render: (_: unknown, participant: ActivityParticipant) => (
        <Checkbox
          data-testid={`outcome-${testId}-${participant.childId}`}
          aria-label={`${t(`activities.outcomes.${mark}`)}: ${participant.fullName}`}
          checked={outcomeOf(participant, draft)[mark] === true}
          disabled={!canWrite}
          onChange={(event) =>
            setDraft((current) => setOutcomeMark(participant, mark, event.target.checked, current))
          }
        />
      ),
    })),
    {
      key: 'assessedOn',
      title: t('activities.outcomes.assessedOn'),
      width: 120,
      render: (_, participant) => formatDate(participant.outcome.assessedOn ?? activity.endsOn),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">
          {activity.kind === 'swimming_class'
            ? t('activities.outcomes.introSwimming')
            : t('activities.outcomes.intro')}
        </Typography.Text>
        {canWrite ? (
          <Button
            icon={<CheckCircleOutlined />}
            data-testid="outcomes-all-completed"
            disabled={items.length === 0}
            onClick={() => setDraft((current) => markAttendeesCompleted(items, current))}
          >
            {t('activities.outcomes.allCompleted')}
          </Button>
        ) : null}
      </Flex>
      {participants.isError ? (
        <ErrorAlert error={participants.error} onRetry={() => void participants.refetch()} />
      ) : null}
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Table<ActivityParticipant>
        rowKey="childId"
        size="small"
        data-testid="outcomes-table"
        loading={participants.isPending}
        dataSource={items}
        columns={columns}
        pagination={false}
        scroll={{ x: 800 }}
        onRow={(participant) => ({
          style: changedIds.has(participant.childId) ? { background: CHANGED_BACKGROUND } : undefined,
        })}
        locale={{ emptyText: <Empty description={t('activities.participants.none')} /> }}
      />
      {canWrite ? (
        <Flex justify="flex-end" align="center" gap={12}>
          <Typography.Text type="secondary" aria-live="polite">
            {changes.length > 0
              ? t('activities.outcomes.changed', { count: changes.length })
              : t('activities.attendance.noChanges')}
          </Typography.Text>
          {changes.length > 0 ? (
            <Button onClick={() => setDraft({})} disabled={save.isPending}>
              {t('activities.attendance.undo')}
            </Button>
          ) : null}
          <Button
            type="primary"
            icon={<SaveOutlined />}
            data-testid="outcomes-save"
            disabled={changes.length === 0}
            loading={save.isPending}
            onClick={submit}
          >
            {t('activities.outcomes.save')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
