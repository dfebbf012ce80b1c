import type { ChildTransfer } from '@tuoitho/domain';
import { Alert, App, Form, Input, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../lib/errors';
import { useAcceptTransfer, useCancelTransfer, useDeclineTransfer } from './lifecycleApi';

type Mutation = { error: unknown; isPending: boolean; reset: () => void };

/** A small form in a modal: the server's errors under the fields, others above the form. */
function DecisionModal<V extends object>({
  open,
  title,
  okText,
  cancelText,
  danger,
  mutation,
  fieldNames,
  initialValues,
  onSubmit,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  okText: string;
  cancelText?: string;
  danger?: boolean;
  mutation: Mutation;
  fieldNames: readonly string[];
  initialValues?: Partial<V>;
  onSubmit: (values: V, onFieldErrors: (error: unknown) => void) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const { reset } = mutation;
  useEffect(() => {
    if (!open) {
      reset();
      setLeftOver([]);
    }
  }, [open, reset]);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText={cancelText ?? t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {mutation.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={mutation.error} extra={leftOver} />
        </div>
      ) : null}
      <Form<V>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues}
        onFinish={(values) =>
          onSubmit(values, (error) => setLeftOver(applyFieldErrors(form, error, fieldNames)))
        }
      >
        {children}
      </Form>
    </Modal>
  );
}

const trimmed = (value: string | undefined) => value?.trim() || null;

/** "Tiếp nhận": the residence in the receiving commune (prefilled from the request) and a note. */
export function AcceptTransferModal({
  transfer,
  onClose,
}: {
  transfer: ChildTransfer | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accept = useAcceptTransfer();
  type Values = { village?: string; address?: string; note?: string };
  return (
    <DecisionModal<Values>
      open={Boolean(transfer)}
      title={t('transfer.acceptModal.title', { name: transfer?.child.fullName ?? '' })}
      okText={t('transfer.acceptModal.submit')}
      mutation={accept}
      fieldNames={['village', 'address', 'note']}
      initialValues={{ village: transfer?.newVillage ?? '', address: transfer?.newAddress ?? '' }}
      onClose={onClose}
      onSubmit={(values, onFieldErrors) =>
        transfer &&
        accept.mutate(
          {
            id: transfer.id,
            request: {
              village: trimmed(values.village),
              address: trimmed(values.address),
              note: trimmed(values.note),
            },
          },
          {
            onSuccess: () => {
              void message.success(t('transfer.acceptModal.done', { name: transfer.child.fullName }));
              onClose();
            },
            onError: onFieldErrors,
          },
        )
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('transfer.acceptModal.intro', {
          unit: transfer?.toUnit.name ?? '',
          from: transfer?.fromUnit.name ?? '',
        })}
      />
      <Form.Item name="village" label={t('transfer.acceptModal.village')}>
        <Input autoFocus maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" label={t('transfer.acceptModal.address')}>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
      <Form.Item name="note" label={t('transfer.acceptModal.note')}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </DecisionModal>
  );
}

/** "Từ chối": a reason is required, the sending commune reads it. */
export function DeclineTransferModal({
  transfer,
  onClose,
}: {
  transfer: ChildTransfer | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decline = useDeclineTransfer();
  return (
    <DecisionModal<{ reason: string }>
      open={Boolean(transfer)}
      title={t('transfer.declineModal.title', { name: transfer?.child.fullName ?? '' })}
      okText={t('transfer.declineModal.submit')}
      danger
      mutation={decline}
      fieldNames={['reason']}
      onClose={onClose}
      onSubmit={(values, onFieldErrors) =>
        transfer &&
        decline.mutate(
          { id: transfer.id, request: { reason: values.reason.trim() } },
          {
            onSuccess: () => {
              void message.success(t('transfer.declineModal.done', { name: transfer.child.fullName }));
              onClose();
            },
            onError: onFieldErrors,
          },
        )
      }
    >
      <Form.Item
        name="reason"
        label={t('transfer.declineModal.reason')}
        rules={[{ required: true, whitespace: true, message: t('transfer.declineModal.reasonRequired') }]}
      >
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('transfer.declineModal.reasonPlaceholder')}
        />
      </Form.Item>
    </DecisionModal>
  );
}

/** "Hủy đề nghị", by the sending commune, with an optional reason. */
export function CancelTransferModal({
  transfer,
  onClose,
}: {
  transfer: { id: string; childName: string } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancelTransfer();
  return (
    <DecisionModal<{ reason?: string }>
      open={Boolean(transfer)}
      title={t('transfer.cancelModal.title', { name: transfer?.childName ?? '' })}
      okText={t('transfer.cancelModal.submit')}
      cancelText={t('transfer.cancelModal.keep')}
      danger
      mutation={cancel}
      fieldNames={['reason']}
      onClose={onClose}
      onSubmit={(values, onFieldErrors) =>
        transfer &&
        cancel.mutate(
          { id: transfer.id, request: { reason: trimmed(values.reason) } },
          {
            onSuccess: () => {
              void message.success(t('transfer.cancelModal.done'));
              onClose();
            },
            onError: onFieldErrors,
          },
        )
      }
    >
      <Form.Item name="reason" label={t('transfer.cancelModal.reason')}>
        <Input.TextArea autoFocus rows={2} maxLength={500} showCount />
      </Form.Item>
    </DecisionModal>
  );
}
