import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Grid, Layout, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSession } from '../features/auth/api';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const SIDER_WIDTH = 256;

/** The back-office shell: header, module menu (a drawer on phones), content. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [isCollapsed, setIsCollapsed] = useState(false);
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);
  const { user } = session;

  const toggle = () => (isPhone ? setIsDrawerOpen(true) : setIsCollapsed((value) => !value));
  const toggleIcon = isPhone ? <MenuOutlined /> : isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="tt-skip-link" href="#main-content">
        {t('layout.skipToContent')}
      </a>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 20,
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          paddingInline: isPhone ? 8 : 16,
          background: '#fff',
          borderBottom: '1px solid #e8ecf0',
        }}
      >
        <Button type="text" icon={toggleIcon} onClick={toggle} aria-label={t('nav.openMenu')} />
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, flexShrink: 0 }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <Typography.Text strong style={{ fontSize: screens.sm ? 18 : 16, color: '#0b6a73' }}>
            {t('common.appName')}
          </Typography.Text>
        </Link>
        {/* On phones the unit is a smaller text that may wrap to two lines; it is never hidden. */}
        <Typography.Text
          type="secondary"
          className={screens.sm ? 'tt-header-unit' : 'tt-header-unit tt-header-unit-phone'}
          title={user.unit.fullName}
        >
          {user.unit.fullName}
        </Typography.Text>
        <Flex align="center" gap={4} style={{ marginInlineStart: 'auto' }}>
          <LanguageSwitch size="small" />
          <NotificationBell />
          <UserMenu user={user} isCompact={!screens.lg} />
        </Flex>
      </Layout.Header>
      <Layout hasSider={!isPhone}>
        {isPhone ? (
          <Drawer
            placement="left"
            open={isDrawerOpen}
            onClose={() => setIsDrawerOpen(false)}
            size={Math.min(SIDER_WIDTH + 24, 320)}
            title={user.unit.fullName}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu permissions={user.permissions} onNavigate={() => setIsDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider
            theme="light"
            width={SIDER_WIDTH}
            collapsible
            collapsed={isCollapsed}
            onCollapse={setIsCollapsed}
            breakpoint="lg"
            trigger={null}
            className="tt-sider"
          >
            <SideMenu permissions={user.permissions} />
          </Layout.Sider>
        )}
        <Layout.Content id="main-content" className="tt-content" style={{ minWidth: 0 }}>
          {session.demoMode ? (
            <Alert type="warning" showIcon banner title={t('layout.demoMode')} style={{ marginBottom: 16 }} />
          ) : null}
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
