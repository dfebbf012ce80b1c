import { CheckOutlined, RollbackOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { CfAssessment, CfReviewRequest } from '@tuoitho/domain';
import { Alert, App, Button, Form, Input, Modal, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayInVietnam } from '../../lib/dates';
import { IsoDatePicker } from '../children/DateInputs';
import { useReviewCfAssessment } from './api';

type Action = CfReviewRequest['action'];

interface ReviewFields {
  note?: string;
  reason?: string;
  decisionNumber?: string;
  decisionDate?: string | null;
}

function ReviewModal({
  assessment,
  action,
  onClose,
}: {
  assessment: CfAssessment;
  action: Action;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const review = useReviewCfAssessment();
  const [form] = Form.useForm<ReviewFields>();

  const requestOf = (values: ReviewFields): CfReviewRequest => {
    const version = assessment.version;
    if (action === 'recognise') {
      return {
        action,
        version,
        decisionNumber: (values.decisionNumber ?? '').trim(),
        decisionDate: values.decisionDate ?? '',
        note: values.note?.trim() || null,
      };
    }
    if (action === 'return') return { action, version, reason: (values.reason ?? '').trim() };
    return { action, version, note: values.note?.trim() || null };
  };

  return (
    <Modal
      open
      title={t(`childFriendly.review.${action}Title`, { unit: assessment.unitName, year: assessment.year })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`childFriendly.review.${action}`)}
      okButtonProps={{ danger: action === 'return', 'data-testid': `cf-${action}-confirm` } as never}
      cancelText={t('common.cancel')}
      confirmLoading={review.isPending}
      destroyOnHidden
    >
      {review.error ? <ErrorAlert error={review.error} /> : null}
      {action === 'recognise' && !assessment.score.passed ? (
        <Alert
          type="warning"
          showIcon
          title={t('childFriendly.review.notPassedWarning')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form<ReviewFields>
        form={form}
        layout="vertical"
        initialValues={{ decisionDate: todayInVietnam() }}
        onFinish={(values) =>
          review.mutate(
            { id: assessment.id, request: requestOf(values) },
            {
              onSuccess: () => {
                void message.success(t(`childFriendly.review.${action}Done`));
                onClose();
              },
            },
          )
        }
      >
        {action === 'recognise' ? (
          <>
            <Form.Item
              name="decisionNumber"
              label={t('childFriendly.review.decisionNumber')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('childFriendly.review.decisionNumberRequired'),
                },
              ]}
            >
              <Input maxLength={60} placeholder="123/QĐ-UBND" data-testid="cf-recognise-number" />
            </Form.Item>
            <Form.Item
              name="decisionDate"
              label={t('childFriendly.review.decisionDate')}
              rules={[{ required: true, message: t('childFriendly.review.decisionDateRequired') }]}
            >
              <IsoDatePicker notAfterToday aria-label={t('childFriendly.review.decisionDate')} />
            </Form.Item>
          </>
        ) : null}
        {action === 'return' ? (
          <Form.Item
            name="reason"
            label={t('childFriendly.review.reason')}
            rules={[{ required: true, whitespace: true, message: t('childFriendly.review.reasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} data-testid="cf-return-reason" />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('childFriendly.review.note')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid={`cf-${action}-note`} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/**
 * The competent level's decisions on a submitted assessment: note that it was reviewed, recognise
 * it with the decision's number and date, or return it to the commune with a reason.
 */
export function ReviewActions({ assessment }: { assessment: CfAssessment }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  if (!assessment.canReview) return null;
  const canMarkReviewed = assessment.status === 'submitted';
  return (
    <>
      {canMarkReviewed ? (
        <Button icon={<CheckOutlined />} onClick={() => setAction('review')} data-testid="cf-review-review">
          {t('childFriendly.review.review')}
        </Button>
      ) : null}
      <Tooltip title={assessment.score.passed ? undefined : t('childFriendly.review.notPassedWarning')}>
        <Button
          type="primary"
          // Only a commune meeting every pass rule can be recognised (the server refuses the others).
          disabled={!assessment.score.passed}
          icon={<SafetyCertificateOutlined />}
          onClick={() => setAction('recognise')}
          data-testid="cf-review-recognise"
        >
          {t('childFriendly.review.recognise')}
        </Button>
      </Tooltip>
      <Button
        danger
        icon={<RollbackOutlined />}
        onClick={() => setAction('return')}
        data-testid="cf-review-return"
      >
        {t('childFriendly.review.return')}
      </Button>
      {action ? (
        <ReviewModal assessment={assessment} action={action} onClose={() => setAction(null)} />
      ) : null}
    </>
  );
}
