import { useQuery } from '@tanstack/react-query';
import { foldVietnamese, UnitWithPath } from '@tuoitho/domain';
import { Select } from 'antd';
import { type CSSProperties, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api';
import { todayInVietnam } from '../../../lib/dates';
import { itemsOf } from '../../../lib/lists';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useSession } from '../../auth/api';
import { unitWithPathLabel } from '../../units';
import { unitQueries } from '../../units/api';

const UnitWithPathList = itemsOf(UnitWithPath);

interface CommuneOption {
  value: string;
  label: string;
  folded: string;
}

function optionOf(code: string, label: string): CommuneOption {
  return { value: code, label, folded: foldVietnamese(label) };
}

export interface CommuneSelectProps {
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  'data-testid'?: string;
  'aria-label'?: string;
}

/**
 * Chooses a commune (xã, phường, đặc khu) of the caller's area: the communes of the user's unit
 * are listed and filtered as one types, diacritics optional; from higher up (the whole country)
 * the server is searched instead.
 */
export function CommuneSelect({
  value,
  onChange,
  id,
  allowClear,
  placeholder,
  style,
  'data-testid': testId,
  'aria-label': ariaLabel,
}: CommuneSelectProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const date = todayInVietnam();
  const isCommuneUser = user.unit.level === 'commune';
  const children = useQuery({ ...unitQueries.children(user.unit.code, date), enabled: !isCommuneUser });
  const [searchValue, setSearchValue] = useState('');
  const term = useDebouncedValue(searchValue.trim(), 250);

  const communes = useMemo<CommuneOption[]>(() => {
    if (isCommuneUser) return [optionOf(user.unit.code, user.unit.fullName)];
    return (children.data ?? [])
      .filter((unit) => unit.level === 'commune')
      .map((unit) => optionOf(unit.code, unit.fullName));
  }, [isCommuneUser, user.unit, children.data]);

  // Above the province (or where the tree still has districts) the list is too long to hold.
  const searchesServer = !isCommuneUser && children.isSuccess && communes.length === 0;
  const search = useQuery({
    queryKey: ['units', 'search', term, date, user.unit.code, 'commune'],
    queryFn: async ({ signal }) =>
      (
        await api.get('/units/search', {
          schema: UnitWithPathList,
          query: { q: term, at: date, within: user.unit.code, level: 'commune', limit: 30 },
          signal,
        })
      ).items,
    enabled: searchesServer && term.length >= 2,
    staleTime: 10 * 60_000,
  });

  const [chosen, setChosen] = useState<CommuneOption | undefined>();
  const options = useMemo(() => {
    const folded = foldVietnamese(searchValue.trim());
    const list = searchesServer
      ? (search.data ?? []).map((unit) => optionOf(unit.code, unitWithPathLabel(unit)))
      : communes.filter((option) => !folded || option.folded.includes(folded));
    if (chosen && !list.some((option) => option.value === chosen.value)) list.unshift(chosen);
    return list;
  }, [searchesServer, search.data, communes, searchValue, chosen]);

  return (
    <Select<string, CommuneOption>
      id={id}
      data-testid={testId}
      aria-label={ariaLabel}
      value={value}
      onChange={(code, option) => {
        setChosen(Array.isArray(option) ? undefined : option);
        onChange?.(code);
      }}
      options={options}
      showSearch={{ searchValue, onSearch: setSearchValue, filterOption: false, autoClearSearchValue: true }}
      allowClear={allowClear}
      placeholder={placeholder ?? t('activities.form.unitPlaceholder')}
      loading={children.isFetching || search.isFetching}
      notFoundContent={t('units.noResults')}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
