import { PlusOutlined } from '@ant-design/icons';
import { CaseStatus, caseStatusLabels } from '@tuoitho/domain';
import { Badge, Button, Card, Flex, Input, Segmented, Select, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useSession } from '../auth/api';
import { useLanguage } from '../children/ChildTags';
import { optionsFromLabels } from '../children/childText';
import { type CaseListFilters, useCaseList, useCaseQueue } from './api';
import { CaseTable } from './CaseTable';

const queueTabs = ['mine', 'dueSoon', 'overdue', 'awaitingMyApproval'] as const;
type QueueTab = (typeof queueTabs)[number];
type TabKey = QueueTab | 'all';
const badgeColors: Record<QueueTab, string> = {
  mine: '#0b6a73',
  dueSoon: '#d46b08',
  overdue: '#cf1322',
  awaitingMyApproval: '#722ed1',
};

function AllCases({ showUnit }: { showUnit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [status, setStatus] = useState<CaseStatus | undefined>();
  const [open, setOpen] = useState<'true' | 'false' | 'all'>('true');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 350);
  const filters: CaseListFilters = {
    status,
    q: q || undefined,
    open: open === 'all' ? undefined : open,
  };
  const list = useCaseList(filters);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total;
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('cases.list.searchLabel')}
          data-testid="cases-search"
          placeholder={t('cases.list.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          maxLength={100}
          style={{ flex: '1 1 280px' }}
        />
        <Select<CaseStatus>
          aria-label={t('cases.fields.status')}
          allowClear
          placeholder={t('cases.list.anyStatus')}
          value={status}
          onChange={setStatus}
          options={optionsFromLabels(CaseStatus.options, caseStatusLabels, language)}
          style={{ minWidth: 220 }}
          popupMatchSelectWidth={false}
        />
        <Segmented<'true' | 'false' | 'all'>
          aria-label={t('cases.list.openFilter')}
          value={open}
          onChange={setOpen}
          options={[
            { value: 'true', label: t('cases.list.open') },
            { value: 'false', label: t('cases.list.closed') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      </Flex>
      <Typography.Text strong aria-live="polite" style={{ display: 'block', marginBottom: 8 }}>
        {total === undefined ? '\u00a0' : t('cases.list.found', { count: total })}
      </Typography.Text>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <CaseTable
        items={items}
        loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
        showUnit={showUnit}
        testId="cases-all-table"
      />
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('common.shown', { count: items.length })}</Typography.Text>
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Flex>
    </>
  );
}

/**
 * "Vụ việc bảo vệ trẻ em": the work queue of the officer and the leader (mine, due soon,
 * overdue, awaiting my approval — the leader's approval inbox) and every case of the area.
 */
export default function CasesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const queue = useCaseQueue();
  const isLeader = user.permissions.includes('cases.approve');
  const canCreate = user.permissions.includes('cases.write');
  const showUnit = user.unit.level !== 'commune';
  const tabParam = searchParams.get('tab');
  const defaultTab: TabKey =
    isLeader && (queue.data?.counts.awaitingMyApproval ?? 0) > 0 ? 'awaitingMyApproval' : 'mine';
  const tab: TabKey =
    tabParam === 'all' || (queueTabs as readonly string[]).includes(tabParam ?? '')
      ? (tabParam as TabKey)
      : defaultTab;

  const queueTab = (key: QueueTab) => ({
    key,
    label: (
      <span data-testid={`cases-tab-${key}`}>
        {t(`cases.queue.${key}`)}{' '}
        <Badge
          count={queue.data?.counts[key] ?? 0}
          showZero
          overflowCount={999}
          color={badgeColors[key]}
          style={{ marginInlineStart: 4 }}
        />
      </span>
    ),
    children: (
      <>
        <Typography.Paragraph type="secondary">{t(`cases.queue.${key}Intro`)}</Typography.Paragraph>
        {queue.isError ? <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
        <CaseTable
          items={queue.data?.[key] ?? []}
          loading={queue.isPending}
          showUnit={showUnit}
          testId={`cases-${key}-table`}
        />
      </>
    ),
  });

  const tabs = [
    queueTab('mine'),
    queueTab('dueSoon'),
    queueTab('overdue'),
    ...(isLeader || (queue.data?.counts.awaitingMyApproval ?? 0) > 0 ? [queueTab('awaitingMyApproval')] : []),
    {
      key: 'all',
      label: <span data-testid="cases-tab-all">{t('cases.queue.all')}</span>,
      children: <AllCases showUnit={showUnit} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        intro={t('cases.intro')}
        extra={
          canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/cases/new')}
              data-testid="case-intake-open"
            >
              {t('cases.intake.open')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(searchParams);
            next.set('tab', key);
            setSearchParams(next, { replace: true });
          }}
          items={tabs}
        />
      </Card>
    </>
  );
}
