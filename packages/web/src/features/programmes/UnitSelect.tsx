import { useQuery } from '@tanstack/react-query';
import type { UnitLevel } from '@tuoitho/domain';
import { Select } from 'antd';
import { type CSSProperties, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/dates';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { unitWithPathLabel } from '../units';
import { unitQueries, useUnitSearch } from '../units/api';

/** A unit as the pickers show it. */
export interface UnitChoice {
  code: string;
  name: string;
}

export interface UnitOptionsSettings {
  /** Only units inside this one (the caller's unit): its direct subunits are offered before typing. */
  within?: string | undefined;
  /** Only units of this level can be chosen. */
  level?: UnitLevel | undefined;
  /** Units already known (the current value, a programme's units), always offered. */
  known?: readonly UnitChoice[] | undefined;
}

/**
 * Options `{value: code, label: name}` of a unit Select: the known units and the direct subunits of
 * `within` before anything is typed, the server's diacritics-insensitive search ("bim son") after.
 * Names of units once seen are kept, so chosen values keep their label when the search changes.
 */
export function useUnitOptions(search: string, { within, level, known = [] }: UnitOptionsSettings) {
  const date = todayInVietnam();
  const term = useDebouncedValue(search.trim(), 300);
  const isSearching = term.length >= 2;
  const found = useUnitSearch(isSearching ? term : '', date, { within, limit: 30 });
  const children = useQuery({ ...unitQueries.children(within ?? '', date), enabled: Boolean(within) });
  const [seen, setSeen] = useState<Map<string, string>>(() => new Map());

  const candidates = useMemo<UnitChoice[]>(() => {
    if (isSearching) {
      return (found.data ?? [])
        .filter((unit) => !level || unit.level === level)
        .map((unit) => ({ code: unit.code, name: unitWithPathLabel(unit) }));
    }
    return (children.data ?? [])
      .filter((unit) => !level || unit.level === level)
      .map((unit) => ({ code: unit.code, name: unit.fullName }));
  }, [isSearching, found.data, children.data, level]);

  useEffect(() => {
    setSeen((current) => {
      const missing = [...known, ...candidates].filter((unit) => current.get(unit.code) === undefined);
      if (missing.length === 0) return current;
      const next = new Map(current);
      for (const unit of missing) next.set(unit.code, unit.name);
      return next;
    });
  }, [known, candidates]);

  const options = useMemo(() => {
    const byCode = new Map<string, string>();
    if (!isSearching) for (const unit of known) byCode.set(unit.code, unit.name);
    for (const unit of candidates) byCode.set(unit.code, unit.name);
    return [...byCode].map(([value, label]) => ({ value, label }));
  }, [isSearching, known, candidates]);

  return {
    options,
    isLoading: (isSearching && found.isFetching) || (Boolean(within) && children.isPending),
    labelOf: (code: string) => seen.get(code) ?? known.find((unit) => unit.code === code)?.name ?? code,
  };
}

interface UnitSelectBase extends UnitOptionsSettings {
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
}

export type UnitSelectProps =
  | (UnitSelectBase & {
      mode?: undefined;
      value?: string | undefined;
      onChange?: (code: string | undefined) => void;
    })
  | (UnitSelectBase & {
      mode: 'multiple';
      value?: string[] | undefined;
      onChange?: (codes: string[]) => void;
    });

/**
 * An antd Select of administrative units by code: type two letters of the name to search (with or
 * without diacritics); single or multiple.
 */
export function UnitSelect(props: UnitSelectProps) {
  const { t } = useTranslation();
  const { within, level, known, id, placeholder, allowClear, disabled, style } = props;
  const [search, setSearch] = useState('');
  const { options, isLoading, labelOf } = useUnitOptions(search, { within, level, known });
  const values = props.mode === 'multiple' ? (props.value ?? []) : props.value ? [props.value] : [];
  // Chosen units stay listed, so that they keep their names; a single choice not while typing.
  const isPinned = props.mode === 'multiple' || search.trim().length === 0;
  const allOptions = [
    ...(isPinned ? values : [])
      .filter((code) => !options.some((o) => o.value === code))
      .map((code) => ({
        value: code,
        label: labelOf(code),
      })),
    ...options,
  ];
  const common = {
    id,
    'aria-label': props['aria-label'],
    'data-testid': props['data-testid'],
    placeholder: placeholder ?? t('programmes.unitPlaceholder'),
    allowClear,
    disabled,
    options: allOptions,
    loading: isLoading,
    showSearch: { searchValue: search, onSearch: setSearch, filterOption: false, autoClearSearchValue: true },
    notFoundContent: search.trim().length >= 2 && !isLoading ? t('units.noResults') : null,
    popupMatchSelectWidth: false,
    style: { width: '100%', ...style },
    onBlur: () => setSearch(''),
  } as const;
  if (props.mode === 'multiple') {
    return (
      <Select<string[]>
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(codes) => props.onChange?.(codes)}
      />
    );
  }
  return (
    <Select<string>
      {...common}
      value={props.value}
      onChange={(code) => {
        setSearch('');
        props.onChange?.(code ?? undefined);
      }}
    />
  );
}
