import { type Child, childStatusLabels } from '@tuoitho/domain';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../lib/errors';
import { isApiError } from '../../lib/problem';
import { type SettableChildStatus, useChangeChildStatus } from './api';
import { useLanguage } from './ChildTags';
import { labelOf } from './childText';

interface StatusFormValues {
  status: SettableChildStatus;
  reason: string;
}

/** The statuses an officer may set from the current one (turned 16 is the daily job's). */
export function settableStatuses(child: Pick<Child, 'status'>): SettableChildStatus[] {
  const all: SettableChildStatus[] = ['moved_away', 'deceased', 'active'];
  return all.filter(
    (status) => status !== child.status && !(status === 'active' && child.status === 'turned_16'),
  );
}

/** "Cập nhật tình trạng": moved away or deceased (or back to active), always with a reason. */
export function ChildStatusModal({
  child,
  open,
  onClose,
  onReload,
}: {
  child: Child;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<StatusFormValues>();
  const change = useChangeChildStatus();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const options = settableStatuses(child);
  const chosen = Form.useWatch('status', form);
  const isConflict =
    isApiError(change.error) && change.error.status === 409 && change.error.fieldErrors.length === 0;

  const close = () => {
    form.resetFields();
    change.reset();
    setLeftOver([]);
    onClose();
  };

  const submit = (values: StatusFormValues) =>
    change.mutate(
      { child, status: values.status, reason: values.reason.trim() },
      {
        onSuccess: (updated) => {
          void message.success(
            t('children.status.done', { status: labelOf(childStatusLabels, updated.status, language) }),
          );
          close();
        },
        onError: (error) => setLeftOver(applyFieldErrors(form, error, ['status', 'reason'])),
      },
    );

  return (
    <Modal
      open={open}
      title={t('children.status.title', { name: child.fullName })}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('children.status.submit')}
      okButtonProps={{ danger: chosen === 'deceased' }}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      {change.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert
            error={change.error}
            extra={leftOver}
            onRetry={
              isConflict
                ? () => {
                    change.reset();
                    onReload();
                  }
                : undefined
            }
            retryLabel={t('common.reload')}
          />
        </div>
      ) : null}
      <Form
        form={form}
        name="childStatus"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ status: options[0] }}
      >
        <Form.Item name="status" label={t('children.status.newStatus')} rules={[{ required: true }]}>
          <Select<SettableChildStatus>
            options={options.map((status) => ({
              value: status,
              label:
                status === 'active'
                  ? t('children.status.reactivate')
                  : labelOf(childStatusLabels, status, language),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('children.status.reason')}
          rules={[{ required: true, whitespace: true, message: t('children.status.reasonRequired') }]}
        >
          <Input.TextArea
            autoFocus
            rows={3}
            maxLength={500}
            showCount
            placeholder={t(`children.status.reasonPlaceholder.${chosen ?? 'moved_away'}`)}
          />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          title={chosen === 'active' ? t('children.status.effectActive') : t('children.status.effectLeave')}
        />
      </Form>
    </Modal>
  );
}
