import type { Child } from '@tuoitho/domain';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../lib/errors';
import { useRequestTransfer } from './lifecycleApi';
import { UnitCodePicker } from './UnitCodePicker';

interface TransferFormValues {
  toUnitCode: string;
  reason?: string;
  newVillage?: string;
  newAddress?: string;
}

const trimmed = (value: string | undefined) => value?.trim() || null;

/** "Chuyển xã": asks another commune to take the child over; the child stays here until then. */
export function ChildTransferModal({
  child,
  open,
  onClose,
}: {
  child: Child;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferFormValues>();
  const request = useRequestTransfer();
  const [leftOver, setLeftOver] = useState<string[]>([]);

  const close = () => {
    request.reset();
    setLeftOver([]);
    onClose();
  };

  const submit = (values: TransferFormValues) =>
    request.mutate(
      {
        childId: child.id,
        request: {
          toUnitCode: values.toUnitCode,
          reason: trimmed(values.reason),
          newVillage: trimmed(values.newVillage),
          newAddress: trimmed(values.newAddress),
        },
      },
      {
        onSuccess: (transfer) => {
          void message.success(t('transfer.request.done', { unit: transfer.toUnit.name }));
          close();
        },
        onError: (error) =>
          setLeftOver(applyFieldErrors(form, error, ['toUnitCode', 'reason', 'newVillage', 'newAddress'])),
      },
    );

  return (
    <Modal
      open={open}
      title={t('transfer.request.title', { name: child.fullName })}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('transfer.request.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={request.isPending}
      destroyOnHidden
    >
      {request.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={request.error} extra={leftOver} />
        </div>
      ) : null}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('transfer.request.intro', { unit: child.unitName })}
      />
      <Form<TransferFormValues>
        form={form}
        name="childTransfer"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
      >
        <Form.Item
          name="toUnitCode"
          label={t('transfer.request.toUnit')}
          extra={t('transfer.request.toUnitHint')}
          rules={[{ required: true, message: t('transfer.request.toUnitRequired') }]}
        >
          <UnitCodePicker
            id="childTransfer_toUnitCode"
            level="commune"
            placeholder={t('transfer.request.toUnit')}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('transfer.request.reason')}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            placeholder={t('transfer.request.reasonPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="newVillage" label={t('transfer.request.newVillage')}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="newAddress" label={t('transfer.request.newAddress')}>
          <Input maxLength={300} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
