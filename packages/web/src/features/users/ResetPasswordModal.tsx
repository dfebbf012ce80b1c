import { ThunderboltOutlined } from '@ant-design/icons';
import type { User } from '@tuoitho/domain';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { firstPasswordProblem, PasswordPolicyChecklist } from '../../components/PasswordPolicyChecklist';
import { applyFieldErrors } from '../../lib/errors';
import { generatePassword } from '../../lib/password';
import { useResetPassword } from './api';

/** An administrator sets a temporary password; the user must change it at the next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: User | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const resetPassword = useResetPassword();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const password = Form.useWatch('newPassword', form) ?? '';

  const close = () => {
    form.resetFields();
    resetPassword.reset();
    setLeftOver([]);
    onClose();
  };

  const submit = ({ newPassword }: { newPassword: string }) => {
    if (!user) return;
    resetPassword.mutate(
      { user, newPassword },
      {
        onSuccess: () => {
          void message.success(t('users.done.resetPassword'));
          close();
        },
        onError: (error) => setLeftOver(applyFieldErrors(form, error, ['newPassword'])),
      },
    );
  };

  return (
    <Modal
      open={user !== undefined}
      title={user ? t('users.resetPasswordTitle', { name: user.fullName }) : ''}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('users.actions.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={resetPassword.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.resetPasswordIntro')}</Typography.Paragraph>
      {resetPassword.error ? <ErrorAlert error={resetPassword.error} extra={leftOver} /> : null}
      <Form form={form} name="resetPassword" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={t('users.temporaryPassword')} htmlFor="resetPassword_newPassword" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="newPassword"
              noStyle
              rules={[
                { required: true, message: t('auth.password.required') },
                {
                  validator: (_rule, value: string | undefined) => {
                    const problem = value ? firstPasswordProblem(value, user?.username) : undefined;
                    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                  },
                },
              ]}
            >
              <Input autoComplete="new-password" className="tt-mono" />
            </Form.Item>
            <Button
              icon={<ThunderboltOutlined />}
              title={t('users.generate')}
              aria-label={t('users.generate')}
              onClick={() => form.setFieldValue('newPassword', generatePassword(14, user?.username))}
            />
          </Space.Compact>
          <PasswordPolicyChecklist password={password} username={user?.username} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
