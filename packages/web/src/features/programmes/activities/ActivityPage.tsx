import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import {
  type Activity,
  activityKindLabels,
  fundingSourceLabels,
  participantGroupLabels,
} from '@tuoitho/domain';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../lib/dates';
import { useSession } from '../../auth/api';
import { formatMoney } from '../../benefits/benefitMath';
import { useLanguage } from '../../children/ChildTags';
import { formatCount, labelOf } from '../../children/childText';
import { ActivityFormModal } from './ActivityFormModal';
import { AttendanceTab } from './AttendanceTab';
import { useActivity, useDeleteActivity } from './api';
import { OutcomesTab } from './OutcomesTab';
import { ParticipantsTab } from './ParticipantsTab';

const tabKeys = ['participants', 'attendance', 'outcomes'] as const;
type TabKey = (typeof tabKeys)[number];

function dates(activity: Activity): string {
  return activity.startsOn === activity.endsOn
    ? formatDate(activity.startsOn)
    : `${formatDate(activity.startsOn)} – ${formatDate(activity.endsOn)}`;
}

/** What was recorded about an activity: kind, dates, place, organisers, money and counts. */
function ActivitySummary({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const isSwimming = activity.kind === 'swimming_class';
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      data-testid="activity-summary"
      items={[
        {
          key: 'kind',
          label: t('activities.fields.kind'),
          children: labelOf(activityKindLabels, activity.kind, language),
        },
        { key: 'dates', label: t('activities.fields.dates'), children: dates(activity) },
        { key: 'unit', label: t('activities.fields.unit'), children: activity.unitName },
        {
          key: 'programme',
          label: t('activities.fields.programme'),
          children: activity.programmeId ? (
            <Link to={`/programmes/${activity.programmeId}`}>{activity.programmeName}</Link>
          ) : (
            '—'
          ),
        },
        { key: 'place', label: t('activities.fields.place'), children: activity.place ?? '—' },
        { key: 'organisers', label: t('activities.fields.organisers'), children: activity.organisers ?? '—' },
        {
          key: 'sessions',
          label: t('activities.fields.sessions'),
          children: t('activities.detail.sessionCount', { count: activity.sessions.length }),
        },
        {
          key: 'counts',
          label: t('activities.fields.participants'),
          children: isSwimming
            ? t('activities.detail.countsSwimming', {
                participants: formatCount(activity.participantCount, language),
                completed: formatCount(activity.completedCount, language),
                swimSafe: formatCount(activity.swimSafeCount, language),
              })
            : t('activities.detail.counts', {
                participants: formatCount(activity.participantCount, language),
                completed: formatCount(activity.completedCount, language),
              }),
        },
        {
          key: 'budget',
          label: t('activities.fields.budget'),
          span: 'filled',
          children:
            activity.budget.length === 0 ? (
              '—'
            ) : (
              <Flex vertical gap={2}>
                {activity.budget.map((line) => (
                  <span key={line.source}>
                    {t('activities.detail.budgetLine', {
                      source: labelOf(fundingSourceLabels, line.source, language),
                      planned: formatMoney(line.planned),
                      spent: formatMoney(line.spent),
                    })}
                  </span>
                ))}
              </Flex>
            ),
        },
        {
          key: 'others',
          label: t('activities.fields.otherParticipants'),
          span: 'filled',
          children:
            activity.otherParticipants.length === 0 ? (
              '—'
            ) : (
              <Flex gap={6} wrap>
                {activity.otherParticipants.map((line) => (
                  <Tag key={line.group}>
                    {`${labelOf(participantGroupLabels, line.group, language)}: ${formatCount(line.count, language)}`}
                  </Tag>
                ))}
              </Flex>
            ),
        },
        ...(activity.description
          ? [
              {
                key: 'description',
                label: t('activities.fields.description'),
                span: 'filled' as const,
                children: (
                  <Typography.Paragraph style={{ margin: 0 }}>{activity.description}</Typography.Paragraph>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/**
 * One activity: what was recorded, the registered children taking part, their attendance at
 * each session and their outcomes (for a swimming class: who passed the safe-swimming test).
 */
export default function ActivityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const language = useLanguage();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const activity = useActivity(id);
  const remove = useDeleteActivity(id);
  const [isEditing, setIsEditing] = useState(false);
  const tabParam = searchParams.get('tab');
  const tab: TabKey = (tabKeys as readonly string[]).includes(tabParam ?? '')
    ? (tabParam as TabKey)
    : 'participants';

  if (activity.isPending) return <Skeleton active />;
  if (activity.isError || !activity.data) {
    return (
      <>
        <PageHeader title={t('activities.title')} />
        <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />
        <Link to="/activities">{t('activities.detail.back')}</Link>
      </>
    );
  }
  const data = activity.data;
  const canWrite = user.permissions.includes('activities.write') && data.canEdit;

  const label = (key: TabKey) => <span data-testid={`tab-${key}`}>{t(`activities.tabs.${key}`)}</span>;

  return (
    <>
      <Link to="/activities">{t('activities.detail.back')}</Link>
      <PageHeader
        title={data.title}
        intro={`${labelOf(activityKindLabels, data.kind, language)} · ${dates(data)} · ${data.unitName}`}
        extra={
          canWrite ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)} data-testid="activity-edit">
                {t('common.edit')}
              </Button>
              {data.participantCount > 0 ? null : (
                <Popconfirm
                  title={t('activities.detail.deleteConfirm')}
                  okText={t('activities.detail.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true, loading: remove.isPending }}
                  onConfirm={() =>
                    remove.mutate(undefined, {
                      onSuccess: () => {
                        void message.success(t('activities.detail.deleted'));
                        navigate('/activities');
                      },
                    })
                  }
                >
                  <Button danger icon={<DeleteOutlined />} data-testid="activity-delete">
                    {t('activities.detail.delete')}
                  </Button>
                </Popconfirm>
              )}
            </>
          ) : null
        }
      />
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <Flex vertical gap={16}>
        <ActivitySummary activity={data} />
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => {
              const next = new URLSearchParams(searchParams);
              next.set('tab', key);
              setSearchParams(next, { replace: true });
            }}
            items={[
              {
                key: 'participants',
                label: label('participants'),
                children: <ParticipantsTab activity={data} canWrite={canWrite} />,
              },
              {
                key: 'attendance',
                label: label('attendance'),
                children: <AttendanceTab activity={data} canWrite={canWrite} />,
              },
              {
                key: 'outcomes',
                label: label('outcomes'),
                children: <OutcomesTab activity={data} canWrite={canWrite} />,
              },
            ]}
          />
        </Card>
      </Flex>
      {isEditing ? <ActivityFormModal activity={data} onClose={() => setIsEditing(false)} /> : null}
    </>
  );
}
