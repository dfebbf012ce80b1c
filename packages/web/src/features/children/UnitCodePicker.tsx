import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Unit, type UnitLevel, UnitWithPath } from '@tuoitho/domain';
import { TreeSelect } from 'antd';
import { type CSSProperties, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { todayInVietnam } from '../../lib/dates';
import { itemsOf } from '../../lib/lists';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { unitWithPathLabel } from '../units';
import { unitQueries, useUnit, useUnitRoots } from '../units/api';

const UnitWithPathList = itemsOf(UnitWithPath);

export interface UnitCodePickerProps {
  /** The chosen unit's code (what the child registry takes: `unitCode`, the `unit` filter). */
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  /** Only units of this level can be chosen (the others can still be opened). */
  level?: UnitLevel;
  /** Search only inside this unit (the user's own unit: the tree starts there anyway). */
  within?: string | undefined;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}

interface PickerNode {
  id: number;
  pId?: number;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

/**
 * Chooses an administrative unit by code, like `UnitPicker` (tree loaded on demand from the
 * user's area, or type to search, diacritics optional), optionally only at one level.
 */
export function UnitCodePicker({
  value,
  onChange,
  level,
  within,
  placeholder,
  allowClear,
  disabled,
  id,
  style,
  'aria-label': ariaLabel,
}: UnitCodePickerProps) {
  const { t } = useTranslation();
  const date = todayInVietnam();
  const queryClient = useQueryClient();
  const roots = useUnitRoots(date);
  const [loaded, setLoaded] = useState<Unit[]>([]);
  const [searchValue, setSearchValue] = useState('');
  const term = useDebouncedValue(searchValue.trim(), 300);
  const isSearching = searchValue.trim().length >= 2;
  const search = useQuery({
    queryKey: ['units', 'search', term, date, within ?? '', level ?? ''],
    queryFn: async ({ signal }) =>
      (
        await api.get('/units/search', {
          schema: UnitWithPathList,
          query: { q: term, at: date, within, level, limit: 30 },
          signal,
        })
      ).items,
    enabled: isSearching && term.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });

  const unitsByCode = useMemo(() => {
    const map = new Map<string, Unit>();
    for (const unit of [...(roots.data ?? []), ...loaded]) map.set(unit.code, unit);
    return map;
  }, [roots.data, loaded]);
  // The name of a value set from outside (a link, a saved filter) before the tree has it.
  const known = value ? unitsByCode.get(value) : undefined;
  const current = useUnit(value && !known ? value : undefined, date);
  const valueLabel = known?.fullName ?? current.data?.fullName ?? value;

  const treeData = useMemo<PickerNode[]>(() => {
    if (isSearching) {
      return (search.data ?? []).map((unit) => ({
        id: unit.id,
        value: unit.code,
        title: unitWithPathLabel(unit),
        isLeaf: true,
        selectable: !level || unit.level === level,
      }));
    }
    const rootIds = new Set((roots.data ?? []).map((unit) => unit.id));
    return [...unitsByCode.values()].map((unit) => {
      const node: PickerNode = {
        id: unit.id,
        value: unit.code,
        title: unit.fullName,
        isLeaf: !unit.hasChildren || unit.level === level,
        selectable: !level || unit.level === level,
      };
      if (!rootIds.has(unit.id) && unit.parentId !== null) node.pId = unit.parentId;
      return node;
    });
  }, [isSearching, search.data, roots.data, unitsByCode, level]);

  const loadData = async (node: { value?: unknown }) => {
    const unit = typeof node.value === 'string' ? unitsByCode.get(node.value) : undefined;
    if (!unit?.hasChildren || loaded.some((child) => child.parentId === unit.id)) return;
    const children = await queryClient.fetchQuery(unitQueries.children(unit.code, date));
    setLoaded((list) => [...list, ...children.filter((child) => !unitsByCode.has(child.code))]);
  };

  return (
    <TreeSelect<{ value: string; label: string }>
      id={id}
      aria-label={ariaLabel}
      style={{ width: '100%', ...style }}
      labelInValue
      treeDataSimpleMode
      treeData={treeData}
      loadData={isSearching ? undefined : loadData}
      value={value ? { value, label: valueLabel ?? value } : undefined}
      onChange={(selected) => onChange?.(selected?.value)}
      showSearch={{
        searchValue,
        onSearch: setSearchValue,
        filterTreeNode: false,
        autoClearSearchValue: true,
      }}
      placeholder={placeholder ?? t('units.pickerPlaceholder')}
      allowClear={allowClear}
      disabled={disabled}
      loading={roots.isPending || search.isFetching}
      notFoundContent={isSearching && !search.isFetching ? t('units.noResults') : undefined}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(560px, 96vw)' } } }}
    />
  );
}
