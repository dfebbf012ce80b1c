import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginRequest } from '@tuoitho/domain';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../lib/errors';
import { AuthCard } from './AuthCard';
import { useLogin } from './api';

/** Username and password; a wrong password, a locked account or too many attempts come back as problems. */
export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginRequest>();
  const login = useLogin();

  const submit = (values: LoginRequest) => {
    login.mutate(values, {
      onError: (error) => {
        applyFieldErrors(form, error, ['username', 'password']);
        form.setFieldValue('password', '');
      },
    });
  };

  return (
    <AuthCard title={t('auth.login.title')}>
      <Form
        form={form}
        name="login"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        autoComplete="on"
      >
        {login.error ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={login.error} />
          </div>
        ) : null}
        <Form.Item
          name="username"
          label={t('auth.login.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined aria-hidden />}
            autoComplete="username"
            autoCapitalize="none"
            autoFocus
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.login.password')}
          rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          {t('auth.login.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
