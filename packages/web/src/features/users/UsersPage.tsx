import { PlusOutlined } from '@ant-design/icons';
import type { User } from '@tuoitho/domain';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useSession } from '../auth/api';
import { useRoles } from '../roles/api';
import { UnitPicker } from '../units';
import { type UserFilters, useUserList } from './api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormDrawer, type UserFormTarget } from './UserFormDrawer';
import { userColumns } from './userColumns';

type ActiveFilter = 'all' | 'true' | 'false';

/** "Người dùng": accounts of the caller's subtree with search, filters and "Tải thêm". */
export default function UsersPage() {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<ActiveFilter>('all');
  const [unitId, setUnitId] = useState<number>();
  const [formTarget, setFormTarget] = useState<UserFormTarget>();
  const [resetTarget, setResetTarget] = useState<User>();
  const q = useDebouncedValue(search.trim(), 350);
  const filters: UserFilters = { q: q || undefined, unitId, active: active === 'all' ? undefined : active };
  const list = useUserList(filters);
  const roles = useRoles();
  const isEnglish = currentLanguage() === 'en';

  const users = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const columns = userColumns({
    t,
    roles: roles.data,
    isEnglish,
    onEdit: (user) => setFormTarget({ mode: 'edit', user }),
    onResetPassword: setResetTarget,
  });
  // Creating needs users.manage; there is no collection-level ability in the contract yet.
  const canCreate = me.permissions.includes('users.manage');

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
              {t('users.create')}
            </Button>
          ) : undefined
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            aria-label={t('users.searchLabel')}
            placeholder={t('users.searchPlaceholder')}
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ flex: '1 1 240px', maxWidth: 360 }}
          />
          <Select<ActiveFilter>
            aria-label={t('users.status')}
            value={active}
            onChange={setActive}
            style={{ flex: '0 1 190px', minWidth: 160 }}
            options={[
              { value: 'all', label: `${t('users.status')}: ${t('common.all')}` },
              { value: 'true', label: t('users.active') },
              { value: 'false', label: t('users.inactive') },
            ]}
          />
          <div style={{ flex: '1 1 240px', maxWidth: 360 }}>
            <UnitPicker value={unitId} onChange={setUnitId} allowClear placeholder={t('users.unitFilter')} />
          </div>
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 960 }}
        />
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('common.shown', { count: users.length })}</Typography.Text>
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </Flex>
      </Card>
      <UserFormDrawer target={formTarget} onClose={() => setFormTarget(undefined)} />
      <ResetPasswordModal user={resetTarget} onClose={() => setResetTarget(undefined)} />
    </>
  );
}
