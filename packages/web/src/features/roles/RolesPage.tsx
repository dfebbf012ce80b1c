import { EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import type { Role } from '@tuoitho/domain';
import { Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import { useSession } from '../auth/api';
import { useRoles } from './api';
import { groupPermissions } from './permissionGroups';
import { RoleEditorDrawer, type RoleEditorTarget } from './RoleEditorDrawer';
import { usePermissionLabel } from './usePermissionLabel';

function RolePermissions({ role }: { role: Role }) {
  const { t } = useTranslation();
  const labelOf = usePermissionLabel();
  return (
    <Flex vertical gap={8}>
      {groupPermissions(role.permissions).map(({ group, permissions }) => (
        <div key={group}>
          <Typography.Text strong>{t(`roles.groups.${group}`)}: </Typography.Text>
          {permissions.map((permission) => (
            <Tag key={permission} title={permission} style={{ marginBlock: 2 }}>
              {labelOf(permission)}
            </Tag>
          ))}
        </div>
      ))}
    </Flex>
  );
}

/** "Vai trò": every role with its permissions; editable with roles.manage. */
export default function RolesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const roles = useRoles();
  const [target, setTarget] = useState<RoleEditorTarget>();
  const isEnglish = currentLanguage() === 'en';
  // Roles carry no abilities in the contract; editing follows the roles.manage permission.
  const canManage = user.permissions.includes('roles.manage');

  const columns: TableColumnsType<Role> = [
    {
      title: t('roles.name'),
      key: 'name',
      render: (_value, role) => (
        <Flex vertical>
          <Typography.Text strong>{isEnglish ? role.nameEn : role.nameVi}</Typography.Text>
          <Typography.Text type="secondary" className="tt-mono" style={{ fontSize: 12 }}>
            {role.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '',
      key: 'flags',
      render: (_value, role) => (
        <Flex gap={4} wrap>
          {role.isSystem ? <Tag color="blue">{t('roles.system')}</Tag> : null}
          {role.requiresMfa ? (
            <Tag color="gold" icon={<LockOutlined />}>
              {t('roles.requiresMfa')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('roles.permissions'),
      key: 'count',
      width: 110,
      render: (_value, role) => t('roles.permissionCount', { count: role.permissions.length }),
    },
  ];
  if (canManage) {
    columns.push({
      title: <span className="sr-only">{t('common.actions')}</span>,
      key: 'actions',
      width: 80,
      render: (_value, role) => (
        <Button
          icon={<EditOutlined />}
          aria-label={`${t('common.edit')}: ${role.nameVi}`}
          onClick={() => setTarget({ mode: 'edit', role })}
        />
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        intro={t('roles.intro')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })}>
              {t('roles.create')}
            </Button>
          ) : undefined
        }
      />
      <Card>
        {roles.isError ? <ErrorAlert error={roles.error} onRetry={() => void roles.refetch()} /> : null}
        <Table<Role>
          rowKey="code"
          columns={columns}
          dataSource={roles.data ?? []}
          loading={roles.isPending}
          pagination={false}
          scroll={{ x: 560 }}
          expandable={{ expandedRowRender: (role) => <RolePermissions role={role} /> }}
        />
      </Card>
      <RoleEditorDrawer target={target} onClose={() => setTarget(undefined)} />
    </>
  );
}
