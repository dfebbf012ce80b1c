import { ThunderboltOutlined } from '@ant-design/icons';
import type { User } from '@tuoitho/domain';
import { App, Button, Drawer, Flex, Form, Grid, Input, Select, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { firstPasswordProblem } from '../../components/PasswordPolicyChecklist';
import { currentLanguage } from '../../i18n';
import { newIdempotencyKey } from '../../lib/api';
import { applyFieldErrors, describeError } from '../../lib/errors';
import { generatePassword } from '../../lib/password';
import { isApiError } from '../../lib/problem';
import { useRoles } from '../roles/api';
import { UnitPicker } from '../units';
import { fetchUser, useCreateUser, useUpdateUser } from './api';
import {
  toCreateRequest,
  toUpdateRequest,
  type UserFormValues,
  userFormFields,
  userToFormValues,
} from './userForm';

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const PHONE_PATTERN = /^(\+84|0)\d{9,10}$/;

/** `mode` create: a new account; edit: the given user (its `version` is sent back). */
export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User };

export function UserFormDrawer({
  target,
  onClose,
}: {
  target: UserFormTarget | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const screens = Grid.useBreakpoint();
  const roles = useRoles();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const idempotencyKey = useRef(newIdempotencyKey());
  const [editedUser, setEditedUser] = useState<User>();
  const isCreate = target?.mode === 'create';
  const mutation = isCreate ? createUser : updateUser;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setEditedUser(target.mode === 'edit' ? target.user : undefined);
    if (target.mode === 'edit') form.setFieldsValue(userToFormValues(target.user));
    idempotencyKey.current = newIdempotencyKey();
    createUser.reset();
    updateUser.reset();
    setLeftOver([]);
  }, [target, form, createUser.reset, updateUser.reset]);

  // After a 409 the record is read again: the form shows the other person's change and its version.
  const reloadEditedUser = async () => {
    if (!editedUser) return;
    const fresh = await fetchUser(editedUser.id);
    setEditedUser(fresh);
    form.setFieldsValue(userToFormValues(fresh));
    updateUser.reset();
    setLeftOver([]);
  };
  const onReloadError = (error: unknown) => void message.error(describeError(error, t));
  const isConflict = isApiError(updateUser.error) && updateUser.error.status === 409;

  const onError = (error: unknown) => setLeftOver(applyFieldErrors(form, error, userFormFields));

  const done = (text: string) => {
    void message.success(text);
    onClose();
  };

  const submit = (values: UserFormValues) => {
    if (editedUser) {
      const request = toUpdateRequest(editedUser, values);
      updateUser.mutate({ id: editedUser.id, request }, { onSuccess: () => done(t('users.saved')), onError });
      return;
    }
    const request = toCreateRequest(values);
    createUser.mutate(
      { request, idempotencyKey: idempotencyKey.current },
      { onSuccess: () => done(t('users.created', { username: request.username })), onError },
    );
  };

  const isEnglish = currentLanguage() === 'en';
  const roleOptions = (roles.data ?? []).map((role) => ({
    value: role.code,
    label: isEnglish ? role.nameEn : role.nameVi,
  }));

  return (
    <Drawer
      open={target !== undefined}
      onClose={onClose}
      title={isCreate ? t('users.create') : t('users.edit')}
      size={screens.sm ? 520 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {mutation.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert
            error={mutation.error}
            extra={leftOver}
            onRetry={isConflict ? () => void reloadEditedUser().catch(onReloadError) : undefined}
            retryLabel={t('common.reload')}
          />
        </div>
      ) : null}
      <Form form={form} name="user" layout="vertical" onFinish={submit} initialValues={{ roles: [] }}>
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, message: t('users.required.username') },
            { pattern: USERNAME_PATTERN, message: t('users.usernameFormat') },
          ]}
        >
          <Input disabled={!isCreate} autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="fullName"
          label={t('users.fullName')}
          rules={[{ required: true, whitespace: true, max: 200, message: t('users.required.fullName') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={[{ type: 'email', message: t('users.emailInvalid') }]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.phone')}
          rules={[{ pattern: PHONE_PATTERN, message: t('users.phoneInvalid') }]}
        >
          <Input type="tel" inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('users.unit')}
          rules={[{ required: true, message: t('users.required.unit') }]}
        >
          <UnitPicker initialUnit={editedUser?.unit} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[{ required: true, message: t('users.required.roles') }]}
        >
          <Select mode="multiple" options={roleOptions} loading={roles.isPending} optionFilterProp="label" />
        </Form.Item>
        {isCreate ? (
          <Form.Item
            label={t('users.password')}
            htmlFor="user_password"
            extra={t('users.passwordHint')}
            required
          >
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="password"
                noStyle
                rules={[
                  { required: true, message: t('auth.password.required') },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value: string | undefined) => {
                      const problem = value
                        ? firstPasswordProblem(value, getFieldValue('username'))
                        : undefined;
                      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                    },
                  }),
                ]}
              >
                <Input autoComplete="new-password" className="tt-mono" />
              </Form.Item>
              <Button
                icon={<ThunderboltOutlined />}
                title={t('users.generate')}
                aria-label={t('users.generate')}
                onClick={() =>
                  form.setFieldValue('password', generatePassword(14, form.getFieldValue('username')))
                }
              />
            </Space.Compact>
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
