import { DownOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import type { SessionUser } from '@tuoitho/domain';
import { App, Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLogout } from '../features/auth/api';

/** Initials for the avatar: the given name is last in Vietnamese ("Nguyễn Văn An" → "A"). */
function initialOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return (words[words.length - 1] ?? '?').charAt(0).toUpperCase();
}

/** Account menu in the header: profile, sign out, sign out everywhere. */
export function UserMenu({ user, isCompact }: { user: SessionUser; isCompact: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const logout = useLogout();

  // Go home first: the next person to sign in on this browser should not land on this page.
  const signOut = (everywhere: boolean) => {
    navigate('/');
    logout.mutate(everywhere, { onSettled: () => void message.info(t('layout.loggedOut')) });
  };

  const items: MenuProps['items'] = [
    {
      key: 'profile',
      icon: <UserOutlined aria-hidden />,
      label: t('nav.profile'),
      onClick: () => navigate('/profile'),
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined aria-hidden />,
      label: t('nav.logout'),
      onClick: () => signOut(false),
    },
    {
      key: 'logoutAll',
      icon: <PoweroffOutlined aria-hidden />,
      danger: true,
      label: t('nav.logoutAll'),
      onClick: () =>
        void modal.confirm({
          title: t('layout.logoutAllTitle'),
          content: t('layout.logoutAllText'),
          okText: t('nav.logoutAll'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () => signOut(true),
        }),
    },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button type="text" aria-label={t('layout.userMenu')} style={{ paddingInline: 6, height: 40 }}>
        <Avatar size="small" style={{ backgroundColor: '#0e7c86' }}>
          {initialOf(user.fullName)}
        </Avatar>
        {isCompact ? null : <span className="tt-user-name">{user.fullName}</span>}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
