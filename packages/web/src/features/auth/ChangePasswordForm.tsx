import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { firstPasswordProblem, PasswordPolicyChecklist } from '../../components/PasswordPolicyChecklist';
import { applyFieldErrors } from '../../lib/errors';
import { useChangePassword } from './api';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

/** Current + new password; the server's policy violations are shown under the field they concern. */
export function ChangePasswordForm({ username, onChanged }: { username: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const changePassword = useChangePassword();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const newPassword = Form.useWatch('newPassword', form) ?? '';

  const submit = ({ currentPassword, newPassword }: ChangePasswordValues) => {
    setLeftOver([]);
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('auth.password.success'));
          onChanged?.();
        },
        onError: (error) => setLeftOver(applyFieldErrors(form, error, ['currentPassword', 'newPassword'])),
      },
    );
  };

  return (
    <Form form={form} name="changePassword" layout="vertical" onFinish={submit} requiredMark={false}>
      {changePassword.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={changePassword.error} extra={leftOver} />
        </div>
      ) : null}
      <Form.Item
        name="currentPassword"
        label={t('auth.password.current')}
        rules={[{ required: true, message: t('auth.password.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.password.new')}
        extra={<PasswordPolicyChecklist password={newPassword} username={username} />}
        rules={[
          { required: true, message: t('auth.password.required') },
          {
            validator: (_rule, value: string | undefined) => {
              const problem = value ? firstPasswordProblem(value, username) : undefined;
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="repeatPassword"
        label={t('auth.password.repeat')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('auth.password.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
        {t('auth.password.submit')}
      </Button>
    </Form>
  );
}
