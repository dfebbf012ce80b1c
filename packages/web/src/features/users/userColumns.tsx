import type { Role, User } from '@tuoitho/domain';
import { Flex, type TableColumnsType, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { formatDateTime, isInFuture } from '../../lib/dates';
import { UserActions } from './UserActions';

interface ColumnOptions {
  t: TFunction;
  roles: Role[] | undefined;
  isEnglish: boolean;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

function StatusTag({ user, t }: { user: User; t: TFunction }) {
  if (!user.isActive) return <Tag>{t('users.inactive')}</Tag>;
  if (isInFuture(user.lockedUntil)) {
    return (
      <Tag color="red" style={{ whiteSpace: 'normal' }}>
        {t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}
      </Tag>
    );
  }
  return <Tag color="green">{t('users.active')}</Tag>;
}

/** Columns of the user list; the actions column reads the abilities sent with each user. */
export function userColumns({
  t,
  roles,
  isEnglish,
  onEdit,
  onResetPassword,
}: ColumnOptions): TableColumnsType<User> {
  const roleName = (code: string) => {
    const role = roles?.find((candidate) => candidate.code === code);
    if (!role) return code;
    return isEnglish ? role.nameEn : role.nameVi;
  };
  return [
    {
      title: t('users.fullName'),
      key: 'name',
      fixed: 'left',
      width: 200,
      render: (_value, user) => (
        <Flex vertical>
          <Typography.Text strong>{user.fullName}</Typography.Text>
          <Typography.Text type="secondary" className="tt-mono" style={{ fontSize: 12 }}>
            {user.username}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('users.unit'), key: 'unit', render: (_value, user) => user.unit.fullName },
    {
      title: t('users.roles'),
      key: 'roles',
      width: 200,
      render: (_value, user) => (
        <Flex gap={4} wrap>
          {user.roles.map((code) => (
            <Tag key={code} color="cyan" style={{ marginInlineEnd: 0 }}>
              {roleName(code)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 150,
      render: (_value, user) => <StatusTag user={user} t={t} />,
    },
    {
      title: t('users.mfa'),
      key: 'mfa',
      width: 80,
      render: (_value, user) =>
        user.mfaEnabled ? <Tag color="green">{t('users.mfaOn')}</Tag> : <Tag>{t('users.mfaOff')}</Tag>,
    },
    {
      title: t('users.lastLogin'),
      key: 'lastLogin',
      width: 140,
      render: (_value, user) =>
        user.lastLoginAt ? (
          formatDateTime(user.lastLoginAt)
        ) : (
          <Typography.Text type="secondary">{t('users.never')}</Typography.Text>
        ),
    },
    {
      title: <span className="sr-only">{t('common.actions')}</span>,
      key: 'actions',
      fixed: 'right',
      width: 56,
      align: 'center',
      render: (_value, user) => <UserActions user={user} onEdit={onEdit} onResetPassword={onResetPassword} />,
    },
  ];
}
