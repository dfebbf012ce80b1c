import { useQueryClient } from '@tanstack/react-query';
import type { Unit } from '@tuoitho/domain';
import { TreeSelect } from 'antd';
import { type CSSProperties, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/dates';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { unitQueries, useUnitRoots, useUnitSearch } from './api';
import { unitWithPathLabel } from './unitText';

export interface UnitPickerProps {
  /** The chosen unit's id (what `CreateUserRequest.unitId` takes). */
  value?: number | undefined;
  onChange?: (unitId: number | undefined) => void;
  /** Units valid at this date `YYYY-MM-DD`; today by default. */
  at?: string;
  /** Label of the current value before the tree is loaded (e.g. the unit of a user being edited). */
  initialUnit?: { id: number; fullName: string } | undefined;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
}

interface PickerNode {
  id: number;
  pId?: number;
  value: number;
  title: string;
  isLeaf: boolean;
}

/** Chooses an administrative unit: browse the tree (children loaded on demand) or type to search. */
export function UnitPicker({
  value,
  onChange,
  at,
  initialUnit,
  placeholder,
  allowClear,
  disabled,
  id,
  style,
}: UnitPickerProps) {
  const { t } = useTranslation();
  const date = at ?? todayInVietnam();
  const queryClient = useQueryClient();
  const roots = useUnitRoots(date);
  const [loaded, setLoaded] = useState<Unit[]>([]);
  const [searchValue, setSearchValue] = useState('');
  const term = useDebouncedValue(searchValue, 300);
  const isSearching = searchValue.trim().length >= 2;
  const search = useUnitSearch(isSearching ? term : '', date, { limit: 30 });
  const labels = useRef(new Map<number, string>());
  if (initialUnit && !labels.current.has(initialUnit.id))
    labels.current.set(initialUnit.id, initialUnit.fullName);

  const unitsById = useMemo(() => {
    const map = new Map<number, Unit>();
    for (const unit of [...(roots.data ?? []), ...loaded]) map.set(unit.id, unit);
    return map;
  }, [roots.data, loaded]);

  const treeData = useMemo<PickerNode[]>(() => {
    if (isSearching) {
      return (search.data ?? []).map((unit) => {
        labels.current.set(unit.id, unit.fullName);
        return { id: unit.id, value: unit.id, title: unitWithPathLabel(unit), isLeaf: true };
      });
    }
    const rootIds = new Set((roots.data ?? []).map((unit) => unit.id));
    return [...unitsById.values()].map((unit) => {
      labels.current.set(unit.id, unit.fullName);
      const node: PickerNode = {
        id: unit.id,
        value: unit.id,
        title: unit.fullName,
        isLeaf: !unit.hasChildren,
      };
      if (!rootIds.has(unit.id) && unit.parentId !== null) node.pId = unit.parentId;
      return node;
    });
  }, [isSearching, search.data, roots.data, unitsById]);

  const loadData = async (node: { value?: unknown }) => {
    const unit = typeof node.value === 'number' ? unitsById.get(node.value) : undefined;
    if (!unit?.hasChildren || loaded.some((child) => child.parentId === unit.id)) return;
    const children = await queryClient.fetchQuery(unitQueries.children(unit.code, date));
    setLoaded((current) => [...current, ...children.filter((child) => !unitsById.has(child.id))]);
  };

  return (
    <TreeSelect<{ value: number; label: string }>
      id={id}
      style={{ width: '100%', ...style }}
      labelInValue
      treeDataSimpleMode
      treeData={treeData}
      loadData={isSearching ? undefined : loadData}
      value={value === undefined ? undefined : { value, label: labels.current.get(value) ?? `#${value}` }}
      onChange={(selected) => onChange?.(selected?.value)}
      showSearch={{
        searchValue,
        onSearch: setSearchValue,
        filterTreeNode: false,
        autoClearSearchValue: true,
      }}
      treeNodeFilterProp="title"
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
