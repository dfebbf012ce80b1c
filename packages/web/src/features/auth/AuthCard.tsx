import { Card, Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** The frame of the sign-in screens: product name, a card, the language switch. */
export function AuthCard({
  title,
  children,
  width = 420,
}: {
  title: string;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e6f4f1 0%, #f5f7fa 60%)' }}>
      <Flex justify="flex-end" style={{ padding: 12 }}>
        <LanguageSwitch size="small" />
      </Flex>
      <Flex vertical align="center" style={{ padding: '0 12px 32px' }}>
        <img src="/favicon.svg" alt="" width={56} height={56} />
        <Typography.Title level={1} style={{ margin: '8px 0 0', fontSize: 30 }}>
          {t('common.appName')}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ textAlign: 'center', marginBottom: 20 }}>
          {t('common.tagline')}
        </Typography.Text>
        <Card style={{ width: '100%', maxWidth: width }}>
          <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
        <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12, textAlign: 'center' }}>
          {t('auth.login.footer')}
        </Typography.Text>
      </Flex>
    </Layout>
  );
}
