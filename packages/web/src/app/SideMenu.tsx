import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  GiftOutlined,
  HomeOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SmileOutlined,
  SoundOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@tuoitho/domain';
import { Menu, type MenuProps, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { type NavItem, type NavKey, navKeyForPath, visibleNavItems } from './navigation';

const icons: Record<NavKey, ReactNode> = {
  dashboard: <HomeOutlined aria-hidden />,
  children: <TeamOutlined aria-hidden />,
  childTransfers: <SwapOutlined aria-hidden />,
  cases: <SafetyCertificateOutlined aria-hidden />,
  caseProviders: <ApartmentOutlined aria-hidden />,
  benefits: <GiftOutlined aria-hidden />,
  benefitCatalogue: <BookOutlined aria-hidden />,
  programmes: <CalendarOutlined aria-hidden />,
  activities: <FlagOutlined aria-hidden />,
  planDocuments: <FileTextOutlined aria-hidden />,
  communications: <SoundOutlined aria-hidden />,
  incidents: <AlertOutlined aria-hidden />,
  facilities: <BankOutlined aria-hidden />,
  inspections: <AuditOutlined aria-hidden />,
  childFriendly: <SmileOutlined aria-hidden />,
  reports: <BarChartOutlined aria-hidden />,
  units: <ApartmentOutlined aria-hidden />,
  users: <UserOutlined aria-hidden />,
  roles: <KeyOutlined aria-hidden />,
  audit: <FileSearchOutlined aria-hidden />,
  holidays: <ScheduleOutlined aria-hidden />,
};

type MenuItem = Required<MenuProps>['items'][number];

interface SideMenuProps {
  permissions: readonly Permission[];
  /** Called after a navigation, so that the phone drawer closes. */
  onNavigate?: () => void;
}

/** The module menu: only what the user's permissions allow; modules not built yet are disabled. */
export function SideMenu({ permissions, onNavigate }: SideMenuProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const selected = navKeyForPath(pathname);

  const toItem = (item: NavItem): MenuItem => ({
    key: item.key,
    icon: icons[item.key],
    disabled: !item.isAvailable,
    title: t(`nav.${item.key}`),
    className: 'tt-menu-item',
    // A page of a module sits just below it, indented.
    ...(item.parent ? { style: { paddingInlineStart: 40 } } : {}),
    label: item.isAvailable ? (
      <Link to={item.path} onClick={onNavigate}>
        {t(`nav.${item.key}`)}
      </Link>
    ) : (
      <span>
        {t(`nav.${item.key}`)}{' '}
        <Tag variant="filled" className="tt-soon">
          {t('common.soon')}
        </Tag>
      </span>
    ),
  });

  const visible = visibleNavItems(permissions);
  const groups: MenuItem[] = (['work', 'admin'] as const)
    .map((group) => ({ group, items: visible.filter((item) => item.group === group) }))
    .filter(({ items }) => items.length > 0)
    .map(({ group, items }) => ({
      type: 'group' as const,
      key: group,
      label: t(group === 'work' ? 'nav.groupWork' : 'nav.groupAdmin'),
      children: items.map(toItem),
    }));

  return (
    <nav aria-label={t('nav.mainMenu')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        items={groups}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );
}
