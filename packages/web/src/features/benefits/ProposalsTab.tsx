import { CheckOutlined, CloseOutlined, SyncOutlined } from '@ant-design/icons';
import type { BenefitProposal } from '@tuoitho/domain';
import { App, Button, Empty, Flex, Form, Input, Modal, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { useDismissProposal, useEnrolment, useGenerateProposals, useProposals } from './api';
import { formatMoney } from './benefitMath';
import { AdjustModal, EnrolModal, TerminateModal } from './EnrolmentForms';

const kindColors: Record<BenefitProposal['kind'], string> = {
  start: 'green',
  adjust: 'blue',
  terminate: 'red',
};

/** Confirms a proposal with the decision it calls for: a new enrolment, an adjustment or an end. */
function ConfirmProposal({ proposal, onClose }: { proposal: BenefitProposal; onClose: () => void }) {
  const language = useLanguage();
  const enrolment = useEnrolment(proposal.kind === 'start' ? undefined : (proposal.enrolmentId ?? undefined));
  const reason = language === 'en' ? proposal.reasonEn : proposal.reasonVi;
  if (proposal.kind === 'start') {
    return (
      <EnrolModal
        target={{
          childId: proposal.childId,
          childName: proposal.childName,
          ruleCode: proposal.ruleCode,
          ruleName: proposal.ruleName,
          ruleAmountVnd: proposal.amountVnd,
          proposalId: proposal.id,
          startDate: proposal.effectiveFrom,
        }}
        onClose={onClose}
      />
    );
  }
  if (enrolment.isError) {
    return (
      <Modal open footer={null} onCancel={onClose}>
        <ErrorAlert error={enrolment.error} />
      </Modal>
    );
  }
  if (!enrolment.data) {
    return (
      <Modal open footer={null} onCancel={onClose}>
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      </Modal>
    );
  }
  const detail = {
    id: proposal.id,
    effectiveFrom: proposal.effectiveFrom,
    amountVnd: proposal.amountVnd,
    reason,
  };
  return proposal.kind === 'adjust' ? (
    <AdjustModal enrolment={enrolment.data} proposal={detail} onClose={onClose} />
  ) : (
    <TerminateModal enrolment={enrolment.data} proposal={detail} onClose={onClose} />
  );
}

/** "Dismiss" with the reason the officer gives (kept with the proposal). */
function DismissModal({ proposal, onClose }: { proposal: BenefitProposal; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const dismiss = useDismissProposal();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t('benefits.proposals.dismissTitle', { name: proposal.childName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('benefits.proposals.dismiss')}
      okButtonProps={{ danger: true, 'data-testid': 'benefit-proposal-dismiss-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={dismiss.isPending}
      destroyOnHidden
    >
      {dismiss.error ? <ErrorAlert error={dismiss.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          dismiss.mutate(
            { id: proposal.id, reason: reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('benefits.proposals.dismissed'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('benefits.fields.reason')}
          rules={[{ required: true, whitespace: true, message: t('benefits.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Đề xuất": changes the rules call for (a birthday, a change of facts), for the officer to decide. */
export function ProposalsTab({ unit, canWrite }: { unit: string | undefined; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const proposals = useProposals(unit);
  const generate = useGenerateProposals();
  const [confirming, setConfirming] = useState<BenefitProposal | null>(null);
  const [dismissing, setDismissing] = useState<BenefitProposal | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('benefits.proposals.intro')}</Typography.Text>
        {canWrite ? (
          <Button
            icon={<SyncOutlined />}
            loading={generate.isPending}
            data-testid="benefit-proposals-generate"
            onClick={() =>
              generate.mutate(unit, {
                onSuccess: () => void message.success(t('benefits.proposals.generated')),
              })
            }
          >
            {t('benefits.proposals.generate')}
          </Button>
        ) : null}
      </Flex>
      {generate.error ? <ErrorAlert error={generate.error} /> : null}
      {proposals.isError ? (
        <ErrorAlert error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : null}
      <Table<BenefitProposal>
        rowKey="id"
        size="small"
        data-testid="benefit-proposals-table"
        loading={proposals.isFetching}
        dataSource={proposals.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 1500 }}
        locale={{ emptyText: <Empty description={t('benefits.proposals.none')} /> }}
        columns={[
          {
            key: 'kind',
            title: t('benefits.proposals.kind'),
            width: 120,
            render: (_, proposal) => (
              <Tag color={kindColors[proposal.kind]}>{t(`benefits.proposals.kinds.${proposal.kind}`)}</Tag>
            ),
          },
          {
            key: 'child',
            title: t('benefits.fields.child'),
            width: 180,
            render: (_, proposal) => (
              <Link to={`/children/${proposal.childId}?tab=benefits`}>{proposal.childName}</Link>
            ),
          },
          { key: 'rule', title: t('benefits.fields.benefit'), dataIndex: 'ruleName', width: 260 },
          {
            key: 'from',
            title: t('benefits.fields.effectiveFrom'),
            width: 120,
            render: (_, proposal) => formatDate(proposal.effectiveFrom),
          },
          {
            key: 'amount',
            title: t('benefits.fields.amount'),
            align: 'right',
            width: 130,
            render: (_, proposal) => formatMoney(proposal.amountVnd) || '—',
          },
          {
            key: 'reason',
            title: t('benefits.fields.reason'),
            width: 320,
            render: (_, proposal) => (language === 'en' ? proposal.reasonEn : proposal.reasonVi),
          },
          {
            key: 'createdAt',
            title: t('benefits.proposals.createdAt'),
            width: 140,
            render: (_, proposal) => formatDateTime(proposal.createdAt),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 200,
                  fixed: 'right' as const,
                  render: (_: unknown, proposal: BenefitProposal) => (
                    <Flex gap={4} wrap>
                      <Button
                        size="small"
                        type="primary"
                        icon={<CheckOutlined />}
                        data-testid="benefit-proposal-confirm"
                        onClick={() => setConfirming(proposal)}
                      >
                        {t('benefits.proposals.confirm')}
                      </Button>
                      <Button size="small" icon={<CloseOutlined />} onClick={() => setDismissing(proposal)}>
                        {t('benefits.proposals.dismiss')}
                      </Button>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      {confirming ? <ConfirmProposal proposal={confirming} onClose={() => setConfirming(null)} /> : null}
      {dismissing ? <DismissModal proposal={dismissing} onClose={() => setDismissing(null)} /> : null}
    </Flex>
  );
}
