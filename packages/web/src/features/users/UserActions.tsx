import { MoreOutlined } from '@ant-design/icons';
import type { User } from '@tuoitho/domain';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isInFuture } from '../../lib/dates';
import { describeError } from '../../lib/errors';
import { type UserAction, useUserAction } from './api';

interface UserActionsProps {
  user: User;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

/** The actions the server allows on this user (its `abilities`), each confirmed before it is sent. */
export function UserActions({ user, onEdit, onResetPassword }: UserActionsProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const runAction = useUserAction();
  const { abilities } = user;

  const confirm = (action: UserAction) =>
    void modal.confirm({
      title: t(`users.actions.${action}`),
      content: t(`users.confirm.${action}`, { name: user.fullName }),
      okText: t(`users.actions.${action}`),
      okButtonProps: { danger: action === 'deactivate' || action === 'resetMfa' },
      cancelText: t('common.cancel'),
      onOk: () =>
        runAction
          .mutateAsync({ user, action })
          .then(() => void message.success(t(`users.done.${action}`)))
          .catch((error: unknown) => void message.error(describeError(error, t))),
    });

  const items: NonNullable<MenuProps['items']> = [];
  if (abilities.canEdit)
    items.push({ key: 'edit', label: t('users.actions.edit'), onClick: () => onEdit(user) });
  if (abilities.canResetPassword) {
    items.push({
      key: 'resetPassword',
      label: t('users.actions.resetPassword'),
      onClick: () => onResetPassword(user),
    });
  }
  // The contract has no separate abilities for unlock and 2FA reset: they follow canEdit.
  if (abilities.canEdit && isInFuture(user.lockedUntil)) {
    items.push({ key: 'unlock', label: t('users.actions.unlock'), onClick: () => confirm('unlock') });
  }
  if (abilities.canEdit && user.mfaEnabled) {
    items.push({ key: 'resetMfa', label: t('users.actions.resetMfa'), onClick: () => confirm('resetMfa') });
  }
  if (abilities.canDeactivate) {
    items.push(
      user.isActive
        ? {
            key: 'deactivate',
            danger: true,
            label: t('users.actions.deactivate'),
            onClick: () => confirm('deactivate'),
          }
        : { key: 'activate', label: t('users.actions.activate'), onClick: () => confirm('activate') },
    );
  }
  if (items.length === 0) return null;

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        icon={<MoreOutlined />}
        aria-label={`${t('common.actions')}: ${user.fullName}`}
        loading={runAction.isPending}
      />
    </Dropdown>
  );
}
