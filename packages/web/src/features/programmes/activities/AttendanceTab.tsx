import { CheckSquareOutlined, SaveOutlined } from '@ant-design/icons';
import type { Activity, ActivityParticipant } from '@tuoitho/domain';
import { App, Button, Checkbox, Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate } from '../../../lib/dates';
import { AttendanceSheet } from './AttendanceSheet';
import { useParticipants, useSaveAttendance } from './api';
import {
  type AttendanceDraft,
  attendanceChanges,
  attendanceKey,
  isPresent,
  markEveryonePresent,
} from './participation';

/** A changed cell, until it is saved. */
const CHANGED_BACKGROUND = '#fff7e6';

/**
 * "Điểm danh": a grid of the children × the sessions. The officer ticks who came, or a whole
 * session at once, and saves every change in one request; or fills in the class list in Excel.
 */
export function AttendanceTab({ activity, canWrite }: { activity: Activity; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const participants = useParticipants(activity.id);
  const save = useSaveAttendance(activity.id);
  const [draft, setDraft] = useState<AttendanceDraft>({});
  const items = participants.data?.items ?? [];
  const sessions = useMemo(() => [...activity.sessions].sort((a, b) => a.seq - b.seq), [activity.sessions]);
  const changes = useMemo(() => attendanceChanges(items, sessions, draft), [items, sessions, draft]);
  const changedKeys = useMemo(
    () => new Set(changes.map((entry) => attendanceKey(entry.childId, entry.sessionId))),
    [changes],
  );

  const submit = () =>
    save.mutate(changes, {
      onSuccess: () => {
        setDraft({});
        void message.success(t('activities.attendance.saved', { count: changes.length }));
      },
    });

  const columns: TableColumnsType<ActivityParticipant> = [
    {
      key: 'name',
      title: t('activities.participants.name'),
      dataIndex: 'fullName',
      width: 200,
    },
    ...sessions.map((session) => ({
      key: session.id,
      width: 110,
      align: 'center' as const,
      title: (
        <Flex vertical align="center" gap={2}>
          <span>{t('activities.attendance.session', { seq: session.seq })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {formatDate(session.heldOn)}
          </Typography.Text>
          {canWrite ? (
            <Button
              size="small"
              type="link"
              icon={<CheckSquareOutlined />}
              data-testid={`attendance-all-${session.seq}`}
              title={t('activities.attendance.allPresentTitle', { seq: session.seq })}
              onClick={() => setDraft((current) => markEveryonePresent(items, session.id, current))}
            >
              {t('activities.attendance.allPresent')}
            </Button>
          ) : null}
        </Flex>
      ),
      onCell: (participant: ActivityParticipant) => ({
        style: changedKeys.has(attendanceKey(participant.childId, session.id))
          ? { background: CHANGED_BACKGROUND }
          : undefined,
      }),
      render: (_: unknown, participant: ActivityParticipant) => (
        <Checkbox
          data-testid={`attendance-${participant.childId}-${session.seq}`}
          aria-label={t('activities.attendance.cell', {
            name: participant.fullName,
            seq: session.seq,
          })}
          checked={isPresent(participant, session.id, draft)}
          disabled={!canWrite}
          onChange={(event) =>
            setDraft((current) => ({
              ...current,
              [attendanceKey(participant.childId, session.id)]: event.target.checked,
            }))
          }
        />
      ),
    })),
    {
      key: 'total',
      title: t('activities.attendance.total'),
      align: 'right',
      width: 90,
      render: (_, participant) =>
        `${sessions.filter((session) => isPresent(participant, session.id, draft)).length}/${sessions.length}`,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">{t('activities.attendance.intro')}</Typography.Text>
        <AttendanceSheet activity={activity} canWrite={canWrite} />
      </Flex>
      {participants.isError ? (
        <ErrorAlert error={participants.error} onRetry={() => void participants.refetch()} />
      ) : null}
      {save.error ? <ErrorAlert error={save.error} /> : null}
      {sessions.length === 0 ? (
        <Empty description={t('activities.attendance.noSessions')} />
      ) : (
        // Scrolled by its box, not by the table: a scrolling antd table repeats its header (and
        // the "all present" buttons) in a hidden measuring row.
        <div style={{ overflowX: 'auto' }}>
          <Table<ActivityParticipant>
            rowKey="childId"
            size="small"
            bordered
            data-testid="attendance-grid"
            loading={participants.isPending}
            dataSource={items}
            columns={columns}
            pagination={false}
            locale={{ emptyText: <Empty description={t('activities.participants.none')} /> }}
          />
        </div>
      )}
      {canWrite ? (
        <Flex justify="flex-end" align="center" gap={12}>
          <Typography.Text type="secondary" aria-live="polite">
            {changes.length > 0
              ? t('activities.attendance.changed', { count: changes.length })
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
            data-testid="attendance-save"
            disabled={changes.length === 0}
            loading={save.isPending}
            onClick={submit}
          >
            {t('activities.attendance.save')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
