import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type Programme, ProgrammeKind, programmeKindLabels } from '@tuoitho/domain';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { todayInVietnam } from '../../lib/dates';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useSession } from '../auth/api';
import { useLanguage } from '../children/ChildTags';
import { optionsFromLabels } from '../children/childText';
import { type ProgrammeFilters, useProgrammes } from './api';
import { ProgrammeFormModal } from './ProgrammeForm';
import { ProgrammeKindTag } from './ProgrammeKindTag';
import { filterYears, formatPeriod } from './programmeText';

/**
 * "Chương trình, kế hoạch": the programmes of the caller's area and of the units above it
 * (Action Month for Children, drowning prevention, child-friendly communes…), with search, kind
 * and year filters; province officers create and edit them.
 */
export default function ProgrammesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const canWrite = user.permissions.includes('programmes.write');
  const [search, setSearch] = useState(searchParams.get('q') ?? '');
  const q = useDebouncedValue(search.trim(), 350);
  const kindParam = searchParams.get('kind');
  const kind = ProgrammeKind.safeParse(kindParam).success ? (kindParam as ProgrammeKind) : undefined;
  const yearParam = Number(searchParams.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  const filters: ProgrammeFilters = { q: q || undefined, kind, year };
  const list = useProgrammes(filters);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const years = filterYears(Number(todayInVietnam().slice(0, 4)));

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearchParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('programmes.title')}
        intro={t('programmes.intro')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="programme-new"
            >
              {t('programmes.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label={t('programmes.list.search')}
            placeholder={t('programmes.list.searchPlaceholder')}
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            maxLength={200}
            style={{ flex: '1 1 280px' }}
            data-testid="programmes-search"
          />
          <Select<ProgrammeKind>
            aria-label={t('programmes.fields.kind')}
            allowClear
            placeholder={t('programmes.list.anyKind')}
            value={kind}
            onChange={(value) => setParam('kind', value)}
            options={optionsFromLabels(ProgrammeKind.options, programmeKindLabels, language)}
            style={{ minWidth: 260 }}
            popupMatchSelectWidth={false}
          />
          <Select<number>
            aria-label={t('programmes.list.year')}
            allowClear
            placeholder={t('programmes.list.anyYear')}
            value={year}
            onChange={(value) => setParam('year', value ? String(value) : undefined)}
            options={years.map((value) => ({ value, label: String(value) }))}
            style={{ minWidth: 130 }}
          />
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<Programme>
          rowKey="id"
          size="middle"
          dataSource={items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="programmes-table"
          locale={{ emptyText: t('programmes.list.empty') }}
          onRow={(programme) => ({ 'data-testid': `programme-row-${programme.id}` }) as object}
          columns={[
            {
              title: t('programmes.fields.name'),
              key: 'name',
              render: (_, programme) => (
                <Flex vertical gap={2}>
                  <Link to={`/programmes/${programme.id}`}>{programme.name}</Link>
                  {programme.theme ? (
                    <Typography.Text type="secondary" italic>
                      {programme.theme}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t('programmes.fields.kind'),
              key: 'kind',
              width: 220,
              render: (_, programme) => <ProgrammeKindTag kind={programme.kind} />,
            },
            {
              title: t('programmes.fields.period'),
              key: 'period',
              width: 110,
              render: (_, programme) => formatPeriod(programme.yearFrom, programme.yearTo),
            },
            { title: t('programmes.fields.runningUnit'), dataIndex: 'unitName', width: 200 },
            {
              title: t('programmes.fields.targets'),
              key: 'targets',
              width: 90,
              align: 'right',
              render: (_, programme) => programme.targets.length,
            },
            {
              title: t('programmes.fields.activities'),
              dataIndex: 'activityCount',
              width: 100,
              align: 'right',
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'actions',
                    width: 56,
                    render: (_: unknown, programme: Programme) =>
                      programme.canEdit ? (
                        <Button
                          type="text"
                          icon={<EditOutlined />}
                          aria-label={t('programmes.edit')}
                          onClick={() => setEditing(programme)}
                        />
                      ) : null,
                  },
                ]
              : []),
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
      {editing ? (
        <ProgrammeFormModal
          programme={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => (editing === 'new' ? navigate(`/programmes/${saved.id}`) : undefined)}
        />
      ) : null}
    </>
  );
}
