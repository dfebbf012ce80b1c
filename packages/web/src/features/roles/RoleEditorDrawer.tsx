import { LockOutlined } from '@ant-design/icons';
import { type Permission, type Role, sensitivePermissions } from '@tuoitho/domain';
import { Alert, App, Button, Checkbox, Drawer, Flex, Form, Grid, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newIdempotencyKey } from '../../lib/api';
import { applyFieldErrors, describeError } from '../../lib/errors';
import { isApiError } from '../../lib/problem';
import { useRoles, useSaveRole } from './api';
import { groupPermissions } from './permissionGroups';
import { usePermissionLabel } from './usePermissionLabel';

export type RoleEditorTarget = { mode: 'create' } | { mode: 'edit'; role: Role };

interface RoleFormValues {
  code?: string;
  nameVi: string;
  nameEn: string;
  permissions: Permission[];
}

const CODE_PATTERN = /^[a-z][a-z0-9_]{2,63}$/;
const groups = groupPermissions();

/** Creates a role or edits its names and permission set (checkbox groups by module). */
export function RoleEditorDrawer({
  target,
  onClose,
}: {
  target: RoleEditorTarget | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<RoleFormValues>();
  const saveRole = useSaveRole();
  const labelOf = usePermissionLabel();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const idempotencyKey = useRef(newIdempotencyKey());
  const roles = useRoles();
  const [editedRole, setEditedRole] = useState<Role>();
  const isCreate = target?.mode === 'create';
  const resetMutation = saveRole.reset;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setEditedRole(target.mode === 'edit' ? target.role : undefined);
    if (target.mode === 'edit') {
      const { nameVi, nameEn, permissions } = target.role;
      form.setFieldsValue({ nameVi, nameEn, permissions });
    }
    idempotencyKey.current = newIdempotencyKey();
    resetMutation();
    setLeftOver([]);
  }, [target, form, resetMutation]);

  // After a 409 the role is read again, so that the editor shows the current permissions and version.
  const reloadEditedRole = async () => {
    const { data } = await roles.refetch();
    const fresh = data?.find((role) => role.code === editedRole?.code);
    if (!fresh) return;
    setEditedRole(fresh);
    form.setFieldsValue({ nameVi: fresh.nameVi, nameEn: fresh.nameEn, permissions: fresh.permissions });
    saveRole.reset();
  };
  const isConflict = !isCreate && isApiError(saveRole.error) && saveRole.error.status === 409;

  const submit = (values: RoleFormValues) => {
    const request = {
      nameVi: values.nameVi.trim(),
      nameEn: values.nameEn.trim(),
      permissions: values.permissions,
    };
    const input =
      target?.mode === 'edit'
        ? {
            kind: 'update' as const,
            code: target.role.code,
            request: { ...request, version: target.role.version },
          }
        : {
            kind: 'create' as const,
            request: { ...request, code: values.code?.trim() },
            idempotencyKey: idempotencyKey.current,
          };
    saveRole.mutate(input, {
      onSuccess: () => {
        void message.success(isCreate ? t('roles.created') : t('roles.saved'));
        onClose();
      },
      onError: (error) =>
        setLeftOver(applyFieldErrors(form, error, ['code', 'nameVi', 'nameEn', 'permissions'])),
    });
  };

  return (
    <Drawer
      open={target !== undefined}
      onClose={onClose}
      title={isCreate ? t('roles.create') : t('roles.edit')}
      size={screens.sm ? 640 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saveRole.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {saveRole.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert
            error={saveRole.error}
            extra={leftOver}
            retryLabel={t('common.reload')}
            onRetry={
              isConflict
                ? () =>
                    void reloadEditedRole().catch((error: unknown) => message.error(describeError(error, t)))
                : undefined
            }
          />
        </div>
      ) : null}
      <Form form={form} name="role" layout="vertical" onFinish={submit} initialValues={{ permissions: [] }}>
        {isCreate ? (
          <Form.Item
            name="code"
            label={t('roles.code')}
            extra={t('roles.codeHint')}
            rules={[{ required: true, pattern: CODE_PATTERN, message: t('roles.codeInvalid') }]}
          >
            <Input className="tt-mono" autoCapitalize="none" spellCheck={false} />
          </Form.Item>
        ) : (
          <Typography.Paragraph>
            {t('roles.code')}: <Typography.Text code>{editedRole?.code}</Typography.Text>
          </Typography.Paragraph>
        )}
        <Form.Item
          name="nameVi"
          label={t('roles.nameVi')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('roles.nameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('roles.nameEn')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('roles.nameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Alert type="info" showIcon title={t('roles.sensitiveHint')} style={{ marginBottom: 16 }} />
        <Form.Item name="permissions" label={t('roles.permissions')}>
          <Checkbox.Group style={{ display: 'block' }}>
            {groups.map(({ group, permissions }) => (
              <fieldset key={group} style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
                <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 4 }}>
                  {t(`roles.groups.${group}`)}
                </legend>
                <Flex vertical gap={4}>
                  {permissions.map((permission) => (
                    <Checkbox key={permission} value={permission}>
                      {labelOf(permission)}{' '}
                      <Typography.Text type="secondary" className="tt-mono" style={{ fontSize: 12 }}>
                        {permission}
                      </Typography.Text>
                      {sensitivePermissions.includes(permission) ? (
                        <LockOutlined
                          title={t('roles.requiresMfa')}
                          style={{ marginInlineStart: 4, color: '#d48806' }}
                        />
                      ) : null}
                    </Checkbox>
                  ))}
                </Flex>
              </fieldset>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
