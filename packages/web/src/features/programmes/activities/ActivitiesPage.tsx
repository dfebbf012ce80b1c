import { PlusOutlined } from '@ant-design/icons';
import { type Activity, ActivityKind, activityKindLabels } from '@tuoitho/domain';
import { Button, Card, Empty, Flex, Input, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate, todayInVietnam } from '../../../lib/dates';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useSession } from '../../auth/api';
import { useLanguage } from '../../children/ChildTags';
import { formatCount, labelOf, optionsFromLabels } from '../../children/childText';
import { UnitCodePicker } from '../../children/UnitCodePicker';
import { ActivityFormModal } from './ActivityFormModal';
import { type ActivityFilters, useActivityList, useVisibleProgrammes } from './api';

/** The first year of the demo records and of the registry's programme work. */
const FIRST_YEAR = 2013;

/** "Hoạt động, sự kiện": the activities of the caller's area with filters, and "Thêm hoạt động". */
export default function ActivitiesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const canWrite = user.permissions.includes('activities.write');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 350);
  const [kind, setKind] = useState<ActivityKind | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [unit, setUnit] = useState<string | undefined>();
  const [isCreating, setIsCreating] = useState(false);
  const programmeId = searchParams.get('programmeId') ?? undefined;
  const programmes = useVisibleProgrammes();

  const filters: ActivityFilters = { q: q || undefined, kind, year, unit, programmeId };
  const list = useActivityList(filters);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, index) => thisYear - index);

  const setProgramme = (id: string | undefined) => {
    const next = new URLSearchParams(searchParams);
    if (id) next.set('programmeId', id);
    else next.delete('programmeId');
    setSearchParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        intro={t('activities.intro')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setIsCreating(true)}
              data-testid="activity-new"
            >
              {t('activities.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label={t('activities.list.searchLabel')}
            data-testid="activities-search"
            placeholder={t('activities.list.searchPlaceholder')}
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            maxLength={200}
            style={{ flex: '1 1 260px' }}
          />
          <Select<ActivityKind>
            aria-label={t('activities.fields.kind')}
            data-testid="activities-kind"
            allowClear
            placeholder={t('activities.list.anyKind')}
            value={kind}
            onChange={setKind}
            options={optionsFromLabels(ActivityKind.options, activityKindLabels, language)}
            style={{ minWidth: 200 }}
            popupMatchSelectWidth={false}
          />
          <Select<number>
            aria-label={t('activities.list.year')}
            allowClear
            placeholder={t('activities.list.anyYear')}
            value={year}
            onChange={setYear}
            options={years.map((value) => ({ value, label: String(value) }))}
            style={{ width: 130 }}
          />
          <Select<string>
            aria-label={t('activities.fields.programme')}
            data-testid="activities-programme"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('activities.list.anyProgramme')}
            value={programmeId}
            onChange={setProgramme}
            loading={programmes.isPending}
            options={(programmes.data ?? []).map((programme) => ({
              value: programme.id,
              label: programme.name,
            }))}
            style={{ minWidth: 240, maxWidth: 360 }}
            popupMatchSelectWidth={false}
          />
          {user.unit.level === 'commune' ? null : (
            <UnitCodePicker
              value={unit}
              onChange={setUnit}
              within={user.unit.code}
              allowClear
              placeholder={t('activities.list.anyUnit')}
              aria-label={t('activities.fields.unit')}
              style={{ minWidth: 240, width: 280 }}
            />
          )}
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<Activity>
          rowKey="id"
          size="small"
          data-testid="activities-table"
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={items}
          pagination={false}
          scroll={{ x: 1200 }}
          locale={{ emptyText: <Empty description={t('activities.list.none')} /> }}
          onRow={(activity) => ({ 'data-testid': `activity-row-${activity.id}` }) as never}
          columns={[
            {
              key: 'title',
              title: t('activities.fields.title'),
              width: 300,
              render: (_, activity) => <Link to={`/activities/${activity.id}`}>{activity.title}</Link>,
            },
            {
              key: 'kind',
              title: t('activities.fields.kind'),
              width: 170,
              render: (_, activity) => labelOf(activityKindLabels, activity.kind, language),
            },
            {
              key: 'dates',
              title: t('activities.fields.dates'),
              width: 200,
              render: (_, activity) =>
                activity.startsOn === activity.endsOn
                  ? formatDate(activity.startsOn)
                  : `${formatDate(activity.startsOn)} – ${formatDate(activity.endsOn)}`,
            },
            { key: 'unit', title: t('activities.fields.unit'), dataIndex: 'unitName', width: 180 },
            {
              key: 'programme',
              title: t('activities.fields.programme'),
              width: 220,
              render: (_, activity) =>
                activity.programmeId ? (
                  <Link to={`/programmes/${activity.programmeId}`}>{activity.programmeName}</Link>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            {
              key: 'participants',
              title: t('activities.fields.participants'),
              align: 'right',
              width: 100,
              render: (_, activity) => formatCount(activity.participantCount, language),
            },
            {
              key: 'completed',
              title: t('activities.fields.completed'),
              align: 'right',
              width: 110,
              render: (_, activity) => formatCount(activity.completedCount, language),
            },
            {
              key: 'swimSafe',
              title: t('activities.fields.swimSafe'),
              align: 'right',
              width: 110,
              render: (_, activity) =>
                activity.kind === 'swimming_class' ? formatCount(activity.swimSafeCount, language) : '—',
            },
          ]}
        />
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('common.shown', { count: items.length })}</Typography.Text>
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </Flex>
      </Card>
      {isCreating ? <ActivityFormModal onClose={() => setIsCreating(false)} /> : null}
    </>
  );
}
