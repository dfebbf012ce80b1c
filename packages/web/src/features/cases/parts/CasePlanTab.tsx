import type { Case, MeasureState, PlanState } from '@tuoitho/domain';
import { App, Button, Descriptions, Empty, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useCaseAction } from '../api';
import { buildActionRequest } from '../caseActions';

function planStatus(plan: PlanState): 'approved' | 'rejected' | 'submitted' | 'draft' {
  if (plan.approval) return 'approved';
  if (plan.rejection) return 'rejected';
  if (plan.submittedAt) return 'submitted';
  return 'draft';
}

const statusColors = { approved: 'green', rejected: 'red', submitted: 'purple', draft: 'default' } as const;

function MeasureDoneModal({
  caseData,
  measure,
  onClose,
}: {
  caseData: Case;
  measure: MeasureState;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome?: string }>();
  const action = useCaseAction(caseData.id);
  const submit = ({ outcome }: { outcome?: string }) => {
    const built = buildActionRequest('measure_done', { measureId: measure.id, outcome }, caseData.version);
    if (!built.ok) return;
    action.mutate(built.request, {
      onSuccess: () => {
        void message.success(t('cases.plan.markedDone'));
        onClose();
      },
    });
  };
  return (
    <Modal
      open
      title={t('cases.plan.markDoneTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cases.plan.markDone')}
      okButtonProps={{ 'data-testid': 'measure-done-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={action.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{measure.description}</Typography.Paragraph>
      {action.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={action.error} />
        </div>
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="outcome" label={t('cases.actionForm.outcome')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The measures of a plan: who is responsible, the service, the due date, done or not. */
export function PlanMeasuresTable({
  plan,
  onMarkDone,
}: {
  plan: PlanState;
  onMarkDone?: ((measure: MeasureState) => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Table<MeasureState>
      data-testid="plan-measures"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={plan.measures}
      columns={[
        { title: t('cases.plan.description'), dataIndex: 'description', key: 'description' },
        { title: t('cases.plan.responsible'), dataIndex: 'responsible', key: 'responsible' },
        {
          title: t('cases.plan.service'),
          key: 'service',
          render: (_value, measure) => measure.service ?? '—',
        },
        {
          title: t('cases.plan.dueDate'),
          key: 'dueDate',
          width: 104,
          render: (_value, measure) => formatDate(measure.dueDate) || '—',
        },
        {
          title: t('cases.plan.done'),
          key: 'done',
          width: 170,
          render: (_value, measure) =>
            measure.doneAt ? (
              <Flex vertical>
                <Tag color="green" style={{ marginInlineEnd: 0, width: 'fit-content' }}>
                  {t('cases.plan.doneAt', { at: formatDateTime(measure.doneAt) })}
                </Tag>
                {measure.outcome ? (
                  <Typography.Text type="secondary">{measure.outcome}</Typography.Text>
                ) : null}
              </Flex>
            ) : onMarkDone ? (
              <Button
                size="small"
                onClick={() => onMarkDone(measure)}
                data-testid={`measure-done-${measure.id}`}
              >
                {t('cases.plan.markDone')}
              </Button>
            ) : (
              <Tag style={{ marginInlineEnd: 0 }}>{t('cases.plan.notDone')}</Tag>
            ),
        },
      ]}
    />
  );
}

/** "Kế hoạch": the current plan (goal, measures, approval) with "Đánh dấu hoàn thành". */
export function CasePlanTab({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<MeasureState | null>(null);
  const plan = caseData.process?.plans.at(-1);
  if (!caseData.process) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.content.hidden')} />;
  }
  if (!plan) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.plan.none')} />;
  const status = planStatus(plan);
  const canMarkDone = caseData.allowedActions.includes('measure_done');
  return (
    <Flex vertical gap={12}>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'status',
            label: t('cases.plan.status'),
            children: (
              <Flex gap={8} align="center" wrap>
                <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }} data-testid="plan-status">
                  {t(`cases.plan.statuses.${status}`)}
                </Tag>
                <Typography.Text type="secondary">
                  {t('cases.plan.versionDrafted', {
                    version: plan.version,
                    at: formatDateTime(plan.draftedAt),
                  })}
                </Typography.Text>
              </Flex>
            ),
          },
          { key: 'goal', label: t('cases.actionForm.goal'), children: plan.goal ?? '—' },
          ...(plan.approval
            ? [
                {
                  key: 'approval',
                  label: t('cases.plan.approval'),
                  children: t('cases.plan.approvalText', {
                    number: plan.approval.decisionNumber,
                    date: formatDate(plan.approval.decisionDate),
                  }),
                },
              ]
            : []),
          ...(plan.rejection
            ? [{ key: 'rejection', label: t('cases.plan.rejection'), children: plan.rejection.reason }]
            : []),
        ]}
      />
      <PlanMeasuresTable plan={plan} onMarkDone={canMarkDone ? setMeasure : undefined} />
      {measure ? (
        <MeasureDoneModal caseData={caseData} measure={measure} onClose={() => setMeasure(null)} />
      ) : null}
    </Flex>
  );
}
