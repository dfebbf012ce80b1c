import { SafetyOutlined } from '@ant-design/icons';
import { MfaVerifyRequest } from '@tuoitho/domain';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuthCard } from './AuthCard';
import { useLogout, useVerifyMfa } from './api';

/** Second step of sign-in: a TOTP code or a one-time recovery code. */
export function MfaVerifyPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const verify = useVerifyMfa();
  const logout = useLogout();

  const submit = ({ code }: { code: string }) => {
    verify.mutate(code.trim(), { onError: () => form.setFieldValue('code', '') });
  };

  return (
    <AuthCard title={t('auth.mfa.title')}>
      <Typography.Paragraph type="secondary">{t('auth.mfa.intro')}</Typography.Paragraph>
      <Form form={form} name="mfa" layout="vertical" onFinish={submit} requiredMark={false}>
        {verify.error ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={verify.error} />
          </div>
        ) : null}
        <Form.Item
          name="code"
          label={t('auth.mfa.code')}
          rules={[
            { required: true, whitespace: true, message: t('auth.mfa.codeRequired') },
            {
              validator: (_rule, value: string | undefined) =>
                !value || MfaVerifyRequest.safeParse({ code: value }).success
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.mfa.codeInvalid'))),
            },
          ]}
        >
          <Input
            prefix={<SafetyOutlined aria-hidden />}
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            maxLength={11}
            style={{ letterSpacing: 2, fontFamily: 'monospace' }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={verify.isPending}>
          {t('auth.mfa.submit')}
        </Button>
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => logout.mutate(false)}>
          {t('auth.mfa.otherAccount')}
        </Button>
      </Form>
    </AuthCard>
  );
}
