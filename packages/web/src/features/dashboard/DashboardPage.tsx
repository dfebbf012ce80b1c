import { Card, Col, Descriptions, Flex, Grid, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { navItems, visibleNavItems } from '../../app/navigation';
import { PageHeader } from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/dates';
import { useSession } from '../auth/api';

type QuickLinkKey = 'children' | 'units' | 'users' | 'roles' | 'audit';
const quickLinkKeys: QuickLinkKey[] = ['children', 'units', 'users', 'roles', 'audit'];

/** Who am I, where do I work, where can I go. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const screens = Grid.useBreakpoint();
  const { user } = session;
  const visible = visibleNavItems(user.permissions);
  const quickLinks = quickLinkKeys.filter((key) => visible.some((item) => item.key === key));
  const upcoming = visible.filter((item) => !item.isAvailable);
  const isEnglish = currentLanguage() === 'en';

  return (
    <>
      <PageHeader
        title={t('dashboard.greeting', { name: user.fullName })}
        intro={t('dashboard.intro', { unit: user.unit.fullName })}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.account')}>
            <Descriptions
              column={1}
              size="small"
              layout={screens.sm ? 'horizontal' : 'vertical'}
              items={[
                { key: 'username', label: t('dashboard.username'), children: user.username },
                { key: 'unit', label: t('dashboard.unit'), children: user.unit.fullName },
                {
                  key: 'roles',
                  label: t('dashboard.roles'),
                  children: (
                    <Flex gap={4} wrap>
                      {user.roles.map((role) => (
                        <Tag key={role.code} color="cyan">
                          {isEnglish ? role.nameEn : role.nameVi}
                        </Tag>
                      ))}
                    </Flex>
                  ),
                },
                {
                  key: 'mfa',
                  label: t('dashboard.mfa'),
                  children: user.mfaEnabled ? (
                    <Tag color="green">{t('dashboard.mfaOn')}</Tag>
                  ) : (
                    <Link to="/profile">
                      <Tag color="orange">{t('dashboard.mfaOff')}</Tag>
                    </Link>
                  ),
                },
                {
                  key: 'session',
                  label: t('dashboard.sessionEnds'),
                  children: formatDateTime(session.absoluteExpiresAt),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.quickLinks')}>
            <Flex vertical gap={12}>
              {[...quickLinks, 'profile' as const].map((key) => (
                <Link
                  key={key}
                  to={key === 'profile' ? '/profile' : (navItems.find((i) => i.key === key)?.path ?? '/')}
                >
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {t(`nav.${key}`)}
                  </Typography.Text>
                  <br />
                  <Typography.Text type="secondary">{t(`dashboard.links.${key}`)}</Typography.Text>
                </Link>
              ))}
            </Flex>
          </Card>
        </Col>
        {upcoming.length > 0 ? (
          <Col xs={24}>
            <Card title={t('dashboard.upcoming')}>
              <Typography.Paragraph type="secondary">{t('dashboard.upcomingText')}</Typography.Paragraph>
              <Flex gap={8} wrap>
                {upcoming.map((item) => (
                  <Tag key={item.key}>{t(`nav.${item.key}`)}</Tag>
                ))}
              </Flex>
            </Card>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
