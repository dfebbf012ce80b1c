import type { Permission } from '@tuoitho/domain';
import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { todayInVietnam } from '../../lib/dates';
import { useSession } from '../auth/api';
import { UnitCodePicker } from '../children/UnitCodePicker';
import { yearsDescending } from './outreachCharts';

/** The first year the demo data and the registers go back to. */
export const FIRST_YEAR = 2013;

export function thisYear(): number {
  return Number(todayInVietnam().slice(0, 4));
}

/** True when the signed-in user holds the permission (write controls are shown only then). */
export function useHasPermission(permission: Permission): boolean {
  const { user } = useSession();
  return user.permissions.includes(permission);
}

/**
 * The area a page shows, kept in the URL (`?unit=CODE`): the user's own unit by default. A
 * commune officer has nothing to choose; others pick any unit of their subtree.
 */
export function useAreaUnit(): [string, (code: string | undefined) => void, boolean] {
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const unit = searchParams.get('unit') ?? user.unit.code;
  const setUnit = (code: string | undefined) => {
    const next = new URLSearchParams(searchParams);
    if (code && code !== user.unit.code) next.set('unit', code);
    else next.delete('unit');
    setSearchParams(next, { replace: true });
  };
  return [unit, setUnit, user.unit.level !== 'commune'];
}

/** The tab of a page kept in the URL (`?tab=`), the first one by default. */
export function useTabParam<K extends string>(keys: readonly K[]): [K, (key: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const param = searchParams.get('tab') ?? '';
  const tab = (keys as readonly string[]).includes(param) ? (param as K) : (keys[0] as K);
  const setTab = (key: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('tab', key);
    setSearchParams(next, { replace: true });
  };
  return [tab, setTab];
}

/** "Địa bàn: [unit picker]" for the page header of users above commune level. */
export function AreaPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (code: string | undefined) => void;
}) {
  const { user } = useSession();
  return (
    <Flex gap={8} align="center">
      <Typography.Text style={{ whiteSpace: 'nowrap' }}>{label}</Typography.Text>
      <UnitCodePicker
        value={value}
        onChange={onChange}
        within={user.unit.code}
        aria-label={label}
        style={{ minWidth: 280 }}
      />
    </Flex>
  );
}

/** A year filter, the latest year first; cleared means every year. */
export function YearSelect({
  value,
  onChange,
  placeholder,
  label,
  allowClear = true,
  'data-testid': testId,
}: {
  value: number | undefined;
  onChange: (year: number | undefined) => void;
  placeholder: string;
  label: string;
  allowClear?: boolean;
  'data-testid'?: string;
}) {
  return (
    <Select<number>
      aria-label={label}
      data-testid={testId}
      allowClear={allowClear}
      placeholder={placeholder}
      value={value}
      onChange={(year) => onChange(year ?? undefined)}
      options={yearsDescending(FIRST_YEAR, thisYear()).map((year) => ({ value: year, label: String(year) }))}
      style={{ width: 130 }}
    />
  );
}

/** The "Tải thêm" button under a list read page by page. */
export function LoadMore({
  hasMore,
  isLoading,
  onLoad,
}: {
  hasMore: boolean;
  isLoading: boolean;
  onLoad: () => void;
}) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Flex justify="center">
      <Button onClick={onLoad} loading={isLoading}>
        {t('common.loadMore')}
      </Button>
    </Flex>
  );
}
