import {
  ClearOutlined,
  DownloadOutlined,
  FilterOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { ChildSort } from '@tuoitho/domain';
import { Badge, Button, Card, Dropdown, Flex, Grid, Input, Select, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useSession } from '../auth/api';
import { useChildList, useSpecialCircumstanceCatalogue } from './api';
import { ChildFiltersBar } from './ChildFiltersBar';
import { ChildCards, ChildTable } from './ChildListViews';
import { useLanguage } from './ChildTags';
import {
  type ChildFilters,
  countActiveFilters,
  effectiveSort,
  emptyFilters,
  filtersFromQueryString,
  filtersToApiQuery,
  filtersToQueryString,
} from './childFilters';
import { formatCount, sortKey } from './childText';
import { SavedFilters } from './SavedFilters';

const SEARCH_DELAY_MS = 350;
const sortOptions: readonly ChildSort[] = [
  'relevance',
  'name',
  '-name',
  '-dateOfBirth',
  'dateOfBirth',
  '-createdAt',
  '-updatedAt',
];

/**
 * "Trẻ em": the children of the user's area with search, filters, saved filters, the total and
 * "Tải thêm". The filters are the page's query string, so a list can be shared and saved.
 */
export default function ChildrenPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { user } = useSession();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const location = useLocation();
  const navigate = useNavigate();
  const catalogue = useSpecialCircumstanceCatalogue();
  const filters = useMemo(() => filtersFromQueryString(location.search), [location.search]);
  const queryString = filtersToQueryString(filters);
  const [showFilters, setShowFilters] = useState(() => countActiveFilters(filters) > 0);

  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const setFilters = useCallback(
    (next: ChildFilters) => {
      const search = filtersToQueryString(next);
      navigate({ pathname: '/children', search: search ? `?${search}` : '' }, { replace: true });
    },
    [navigate],
  );

  // The search box writes to the URL once typing pauses; a URL changed elsewhere (a saved
  // filter, the back button) writes to the search box.
  const [search, setSearch] = useState(filters.q ?? '');
  const debouncedSearch = useDebouncedValue(search, SEARCH_DELAY_MS);
  const lastSearch = useRef(filters.q ?? '');
  useEffect(() => {
    const q = debouncedSearch.trim();
    if (q === lastSearch.current) return;
    lastSearch.current = q;
    setFilters({ ...filtersRef.current, q });
  }, [debouncedSearch, setFilters]);
  useEffect(() => {
    const q = filters.q ?? '';
    if (q === lastSearch.current) return;
    lastSearch.current = q;
    setSearch(q);
  }, [filters.q]);
  const searchNow = (value: string) => {
    lastSearch.current = value.trim();
    setFilters({ ...filtersRef.current, q: value });
  };

  const list = useChildList(filters);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total;
  const activeCount = countActiveFilters(filters);
  const canCreate = user.permissions.includes('registry.write');
  // The export applies the list's filters on the server and is audited there.
  const exportUrl = (format: 'xlsx' | 'csv') =>
    `/api/v1/children/export?${new URLSearchParams({ ...filtersToApiQuery(filters), format }).toString()}`;
  const isLoading = list.isPending || (list.isFetching && !list.isFetchingNextPage);
  const viewProps = {
    items,
    catalogue,
    showUnit: user.unit.level !== 'commune',
    loading: isLoading,
    listQuery: queryString,
  };

  return (
    <>
      <PageHeader
        title={t('children.title')}
        intro={t('children.intro')}
        extra={
          <Flex gap={8} wrap>
            <Dropdown
              menu={{
                items: (['xlsx', 'csv'] as const).map((format) => ({
                  key: format,
                  label: (
                    <a href={exportUrl(format)} download>
                      {t(format === 'xlsx' ? 'children.exportExcel' : 'children.exportCsv')}
                    </a>
                  ),
                })),
              }}
            >
              <Button icon={<DownloadOutlined />}>{t('children.export')}</Button>
            </Dropdown>
            {canCreate ? (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/children/import')}>
                {t('childImport.entry')}
              </Button>
            ) : null}
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/children/new')}>
                {t('children.create')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            data-testid="children-search"
            aria-label={t('children.search.label')}
            placeholder={t('children.search.placeholder')}
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={searchNow}
            maxLength={100}
            enterButton
            style={{ flex: '1 1 320px' }}
          />
          <Flex gap={8} wrap>
            <Badge count={activeCount} size="small" color="#0b6a73">
              <Button
                icon={<FilterOutlined />}
                onClick={() => setShowFilters((value) => !value)}
                aria-expanded={showFilters}
                aria-controls="children-filters"
              >
                {t('children.filters.toggle')}
              </Button>
            </Badge>
            <SavedFilters
              currentQuery={queryString}
              onApply={(query) => setFilters(filtersFromQueryString(query))}
            />
          </Flex>
        </Flex>
        {showFilters ? (
          <div id="children-filters" style={{ marginBottom: 12 }}>
            <ChildFiltersBar filters={filters} onChange={setFilters} />
            {activeCount > 0 ? (
              <Button
                type="link"
                icon={<ClearOutlined />}
                onClick={() => setFilters({ ...emptyFilters, q: filters.q, sort: filters.sort })}
                style={{ paddingInline: 0, marginTop: 4 }}
              >
                {t('children.filters.clear')}
              </Button>
            ) : null}
          </div>
        ) : null}
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <Typography.Text strong aria-live="polite" data-testid="children-total">
            {total === undefined ? '\u00a0' : t('children.found', { count: formatCount(total, language) })}
          </Typography.Text>
          <Flex align="center" gap={6}>
            <label htmlFor="children-sort" style={{ color: 'rgba(0,0,0,0.65)' }}>
              {t('children.filters.sort')}
            </label>
            <Select<ChildSort>
              id="children-sort"
              value={effectiveSort(filters)}
              onChange={(sort) => setFilters({ ...filters, sort })}
              options={sortOptions
                .filter((sort) => sort !== 'relevance' || filters.q)
                .map((sort) => ({ value: sort, label: t(`children.sort.${sortKey(sort)}`) }))}
              style={{ minWidth: 170 }}
              popupMatchSelectWidth={false}
            />
          </Flex>
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {isPhone ? <ChildCards {...viewProps} /> : <ChildTable {...viewProps} />}
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('common.shown', { count: items.length })}</Typography.Text>
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </Flex>
      </Card>
    </>
  );
}
