import { PoweroffOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Flex, Grid, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { currentLanguage } from '../../i18n';
import { useLogout, useSession } from '../auth/api';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { MfaSettings } from './MfaSettings';

/** "Hồ sơ cá nhân": account, password, two-factor authentication, sessions. */
export default function ProfilePage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { user } = useSession();
  const screens = Grid.useBreakpoint();
  const logout = useLogout();
  const navigate = useNavigate();
  const isEnglish = currentLanguage() === 'en';

  const confirmLogoutAll = () =>
    void modal.confirm({
      title: t('layout.logoutAllTitle'),
      content: t('layout.logoutAllText'),
      okText: t('nav.logoutAll'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => {
        navigate('/');
        logout.mutate(true);
      },
    });

  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Flex vertical gap={16}>
            <Card title={t('profile.account')}>
              <Descriptions
                column={1}
                size="small"
                layout={screens.sm ? 'horizontal' : 'vertical'}
                items={[
                  { key: 'fullName', label: t('users.fullName'), children: user.fullName },
                  { key: 'username', label: t('users.username'), children: user.username },
                  { key: 'unit', label: t('users.unit'), children: user.unit.fullName },
                  {
                    key: 'roles',
                    label: t('users.roles'),
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
                ]}
              />
            </Card>
            <Card title={t('profile.mfaTitle')}>
              <MfaSettings user={user} />
            </Card>
            <Card title={t('profile.sessions')}>
              <Typography.Paragraph>{t('profile.sessionsText')}</Typography.Paragraph>
              <Button
                danger
                icon={<PoweroffOutlined />}
                onClick={confirmLogoutAll}
                loading={logout.isPending}
              >
                {t('nav.logoutAll')}
              </Button>
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('profile.changePassword')}>
            <ChangePasswordForm username={user.username} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
