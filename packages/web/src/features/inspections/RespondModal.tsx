import type { Recommendation } from '@tuoitho/domain';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, todayInVietnam } from '../../lib/dates';
import { applyFieldErrors } from '../../lib/errors';
import { useRespondRecommendation } from './api';
import { DateField } from './DateField';
import { type RespondFormValues, respondFormToRequest } from './inspectionText';

/** The responsible unit reports progress: in progress, or done with what was done and when. */
export function RespondModal({
  recommendation,
  onClose,
}: {
  recommendation: Recommendation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RespondFormValues>();
  const respond = useRespondRecommendation();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const status = Form.useWatch('status', form);

  const submit = (values: RespondFormValues) =>
    respond.mutate(
      { id: recommendation.id, request: respondFormToRequest(values, recommendation.version) },
      {
        onSuccess: () => {
          void message.success(t('inspections.respond.saved'));
          onClose();
        },
        onError: (error) => setLeftOver(applyFieldErrors(form, error, ['status', 'response', 'completedOn'])),
      },
    );

  return (
    <Modal
      open
      width={640}
      title={t('inspections.respond.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inspections.respond.submit')}
      okButtonProps={{ 'data-testid': 'respond-submit', size: 'large' } as never}
      cancelButtonProps={{ size: 'large' }}
      cancelText={t('common.cancel')}
      confirmLoading={respond.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{recommendation.text}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {`${recommendation.unitName} · ${t('inspections.recommendation.deadline')}: ${formatDate(recommendation.deadline)}`}
      </Typography.Paragraph>
      <Form<RespondFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        // Enter confirms a typed date; with one input the browser would also submit the form.
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT')
            event.preventDefault();
        }}
        initialValues={{
          status:
            recommendation.status === 'open'
              ? 'in_progress'
              : recommendation.status === 'done'
                ? 'done'
                : 'in_progress',
          response: recommendation.response ?? '',
          completedOn: recommendation.completedOn ?? todayInVietnam(),
        }}
      >
        <Form.Item name="status" label={t('inspections.respond.status')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="respond-status">
            <Radio.Button value="in_progress">
              <span data-testid="respond-status-in_progress">{t('inspections.respond.inProgress')}</span>
            </Radio.Button>
            <Radio.Button value="done">
              <span data-testid="respond-status-done">{t('inspections.respond.done')}</span>
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="response"
          label={t('inspections.respond.response')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea
            data-testid="respond-text"
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={5000}
          />
        </Form.Item>
        <Form.Item
          name="completedOn"
          label={t('inspections.respond.completedOn')}
          extra={status === 'done' ? undefined : t('inspections.respond.completedOnHint')}
          rules={[{ required: status === 'done' }]}
        >
          <DateField data-testid="respond-date" notAfterToday />
        </Form.Item>
        {respond.error ? <ErrorAlert error={respond.error} extra={leftOver} /> : null}
      </Form>
    </Modal>
  );
}
