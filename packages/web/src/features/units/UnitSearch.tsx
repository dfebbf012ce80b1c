import { LoadingOutlined, SearchOutlined } from '@ant-design/icons';
import type { UnitWithPath } from '@tuoitho/domain';
import { Empty, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useUnitSearch } from './api';
import { ancestorNames } from './unitText';

interface UnitSearchProps {
  at: string;
  selectedCode: string | undefined;
  onSelect: (unit: UnitWithPath) => void;
}

/** Search box with results "Phường Bỉm Sơn — Tỉnh Thanh Hóa"; typing without diacritics works. */
export function UnitSearch({ at, selectedCode, onSelect }: UnitSearchProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query, 300);
  const search = useUnitSearch(debounced, at);
  const isActive = debounced.trim().length >= 2 && query.trim().length >= 2;

  return (
    <div>
      <label htmlFor="unit-search" style={{ display: 'block', marginBottom: 4 }}>
        {t('units.searchLabel')}
      </label>
      <Input
        id="unit-search"
        data-testid="unit-search"
        type="search"
        allowClear
        value={query}
        prefix={search.isFetching ? <LoadingOutlined aria-hidden /> : <SearchOutlined aria-hidden />}
        placeholder={t('units.searchPlaceholder')}
        onChange={(event) => setQuery(event.target.value)}
        autoComplete="off"
        style={{ marginBottom: 8 }}
      />
      {isActive ? (
        <section aria-label={t('units.results')} aria-live="polite">
          {search.isError ? <ErrorAlert error={search.error} /> : null}
          {search.isPending ? <Spin size="small" /> : null}
          {search.data && search.data.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noResults')} />
          ) : null}
          {search.data && search.data.length > 0 ? (
            <ul className="tt-result-list" data-testid="unit-search-results">
              {search.data.map((unit) => (
                <li key={`${unit.id}`}>
                  <button
                    type="button"
                    className="tt-result"
                    aria-current={unit.code === selectedCode}
                    onClick={() => onSelect(unit)}
                  >
                    <Typography.Text strong>{unit.fullName}</Typography.Text>
                    {ancestorNames(unit).map((name) => (
                      <Typography.Text key={name} type="secondary">{` — ${name}`}</Typography.Text>
                    ))}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                      {unit.code}
                    </Typography.Text>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
