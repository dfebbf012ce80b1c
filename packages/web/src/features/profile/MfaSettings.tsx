import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { SessionUser } from '@tuoitho/domain';
import { App, Button, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMfaDisable, useRefreshSession } from '../auth/api';
import { MfaEnrolmentFlow } from '../auth/MfaEnrolmentFlow';

/** Turn 2FA on (QR, confirm, recovery codes) or off (with the password; refused when a role requires it). */
export function MfaSettings({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isEnrolling, setIsEnrolling] = useState(false);
  const [isDisabling, setIsDisabling] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  const disable = useMfaDisable();
  const refreshSession = useRefreshSession();

  const closeDisable = () => {
    setIsDisabling(false);
    form.resetFields();
    disable.reset();
  };

  if (isEnrolling) {
    return (
      <MfaEnrolmentFlow
        username={user.username}
        onFinished={() => {
          setIsEnrolling(false);
          void refreshSession();
          void message.success(t('profile.enabled'));
        }}
      />
    );
  }

  return (
    <Flex vertical gap={12} align="flex-start">
      <Flex gap={8} align="center">
        <SafetyCertificateOutlined style={{ fontSize: 20, color: user.mfaEnabled ? '#389e0d' : '#d48806' }} />
        {user.mfaEnabled ? (
          <Tag color="green">{t('dashboard.mfaOn')}</Tag>
        ) : (
          <Tag color="orange">{t('dashboard.mfaOff')}</Tag>
        )}
      </Flex>
      <Typography.Paragraph style={{ margin: 0 }}>
        {user.mfaEnabled ? t('profile.mfaOnText') : t('profile.mfaOffText')}
      </Typography.Paragraph>
      {user.mfaEnabled ? (
        <Button danger onClick={() => setIsDisabling(true)}>
          {t('profile.disable')}
        </Button>
      ) : (
        <Button type="primary" onClick={() => setIsEnrolling(true)}>
          {t('profile.enable')}
        </Button>
      )}
      <Modal
        open={isDisabling}
        title={t('profile.disable')}
        okText={t('profile.disable')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={disable.isPending}
        onCancel={closeDisable}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('profile.disableIntro')}</Typography.Paragraph>
        {disable.error ? <ErrorAlert error={disable.error} /> : null}
        <Form
          form={form}
          name="mfaDisable"
          layout="vertical"
          requiredMark={false}
          onFinish={({ password }) =>
            disable.mutate(password, {
              onSuccess: () => {
                closeDisable();
                void message.success(t('profile.disabled'));
              },
            })
          }
        >
          <Form.Item
            name="password"
            label={t('auth.login.password')}
            rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
