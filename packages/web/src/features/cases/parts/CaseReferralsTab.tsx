import { LockOutlined, SendOutlined } from '@ant-design/icons';
import {
  type CaseReferral,
  type ReferralStatus,
  referralStatusLabels,
  serviceProviderKindLabels,
} from '@tuoitho/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/dates';
import { applyFieldErrors } from '../../../lib/errors';
import { isApiError } from '../../../lib/problem';
import { useLanguage } from '../../children/ChildTags';
import { labelOf } from '../../children/childText';
import { useCase } from '../api';
import type { CasePartTabProps } from './CasePeopleTab';
import { optionalText, referralStatusActions, referralStatusColors } from './caseParts';
import {
  useCaseReferrals,
  useChangeReferralStatus,
  useCreateReferral,
  useServiceProviders,
} from './partsApi';

export function ReferralStatusTag({ status }: { status: ReferralStatus }) {
  const language = useLanguage();
  return (
    <Tag color={referralStatusColors[status]} style={{ marginInlineEnd: 0 }}>
      {labelOf(referralStatusLabels, status, language)}
    </Tag>
  );
}

/** "Chuyển gửi dịch vụ": an active provider of the case's commune or province, and the reason. */
function CreateReferralModal({
  caseId,
  unitCode,
  onClose,
}: {
  caseId: string;
  unitCode: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ providerId: string; reason: string }>();
  const providers = useServiceProviders({ unit: unitCode }, Boolean(unitCode));
  const create = useCreateReferral(caseId);
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const items = providers.data?.items ?? [];

  return (
    <Modal
      open
      width={640}
      title={t('caseParts.referrals.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('caseParts.referrals.add')}
      okButtonProps={{ 'data-testid': 'case-referral-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        {create.error ? <ErrorAlert error={create.error} extra={leftOver} /> : null}
        {providers.isError ? (
          <ErrorAlert error={providers.error} onRetry={() => void providers.refetch()} />
        ) : null}
        {providers.isSuccess && items.length === 0 ? (
          <Alert
            type="info"
            showIcon
            title={t('caseParts.referrals.noProviders')}
            action={<Link to="/cases/providers">{t('caseParts.referrals.openDirectory')}</Link>}
          />
        ) : null}
        <Form
          form={form}
          name="caseReferral"
          layout="vertical"
          onFinish={(values) =>
            create.mutate(
              { providerId: values.providerId, reason: values.reason.trim() },
              {
                onSuccess: () => {
                  void message.success(t('caseParts.referrals.added'));
                  onClose();
                },
                onError: (error) => setLeftOver(applyFieldErrors(form, error, ['providerId', 'reason'])),
              },
            )
          }
        >
          <Form.Item
            name="providerId"
            label={t('caseParts.referrals.provider')}
            extra={t('caseParts.referrals.providerHint')}
            rules={[{ required: true, message: t('caseParts.referrals.providerRequired') }]}
          >
            <Select<string>
              data-testid="case-referral-provider"
              placeholder={t('caseParts.referrals.providerRequired')}
              loading={providers.isFetching}
              showSearch={{ optionFilterProp: 'search' }}
              options={items.map((provider) => ({
                value: provider.id,
                search: `${provider.name} ${labelOf(serviceProviderKindLabels, provider.kind, language)}`,
                label: `${provider.name} · ${labelOf(serviceProviderKindLabels, provider.kind, language)} · ${provider.unitName}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('caseParts.referrals.reason')}
            rules={[{ required: true, whitespace: true, message: t('caseParts.referrals.reasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={4000} showCount data-testid="case-referral-reason" />
          </Form.Item>
        </Form>
        <Typography.Text type="secondary">
          <LockOutlined aria-hidden /> {t('caseParts.confidential')}
        </Typography.Text>
      </Flex>
    </Modal>
  );
}

/** Moves a referral to a next status with an optional note; a stale version says reload. */
function ReferralStatusModal({
  caseId,
  referral,
  status,
  onClose,
}: {
  caseId: string;
  referral: CaseReferral;
  status: ReferralStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const change = useChangeReferralStatus(caseId);
  const isConflict = isApiError(change.error) && change.error.status === 409;
  const action = t(`caseParts.referrals.move.${status}`);

  return (
    <Modal
      open
      title={t('caseParts.referrals.changeTitle', { action, provider: referral.provider.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action}
      okButtonProps={{ danger: status === 'declined', 'data-testid': 'case-referral-status-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      {change.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert
            error={change.error}
            onRetry={isConflict ? onClose : undefined}
            retryLabel={t('common.reload')}
          />
        </div>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          change.mutate(
            { referralId: referral.id, status, note: optionalText(values.note), version: referral.version },
            {
              onSuccess: () => {
                void message.success(t('caseParts.referrals.changed'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="note" label={t('caseParts.referrals.note')}>
          <Input.TextArea rows={3} maxLength={2000} autoFocus data-testid="case-referral-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReferralCard({
  referral,
  canEdit,
  onMove,
}: {
  referral: CaseReferral;
  canEdit: boolean;
  onMove: (status: ReferralStatus) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const actions = canEdit ? referralStatusActions(referral.nextStatuses) : [];
  return (
    <Card
      size="small"
      data-testid="case-referral"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{referral.provider.name}</span>
          <Tag style={{ marginInlineEnd: 0 }}>
            {labelOf(serviceProviderKindLabels, referral.provider.kind, language)}
          </Tag>
          <ReferralStatusTag status={referral.status} />
        </Flex>
      }
      extra={
        <Typography.Text type="secondary">
          {[referral.provider.unitName, referral.provider.phone].filter(Boolean).join(' · ')}
        </Typography.Text>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          {t('caseParts.referrals.referredAt', { at: formatDateTime(referral.referredAt) })}
        </Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {referral.reason}
        </Typography.Paragraph>
        {referral.events.length > 0 ? (
          <>
            <Typography.Text strong>{t('caseParts.referrals.history')}</Typography.Text>
            <Timeline
              items={referral.events.map((event) => ({
                key: `${event.status}-${event.at}`,
                color: referralStatusColors[event.status],
                content: (
                  <Flex vertical gap={2}>
                    <span>
                      <ReferralStatusTag status={event.status} />{' '}
                      <Typography.Text type="secondary">{formatDateTime(event.at)}</Typography.Text>
                    </span>
                    {event.note ? <span style={{ whiteSpace: 'pre-wrap' }}>{event.note}</span> : null}
                  </Flex>
                ),
              }))}
            />
          </>
        ) : null}
        {actions.length > 0 ? (
          <Flex gap={8} wrap>
            {actions.map((action) => (
              <Button
                key={action.status}
                danger={action.isDanger}
                onClick={() => onMove(action.status)}
                data-testid={`case-referral-move-${action.status}`}
              >
                {t(action.labelKey)}
              </Button>
            ))}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

/** "Chuyển gửi dịch vụ": referrals of the case to the provider directory and how they went. */
export function CaseReferralsTab({ caseId, canEdit, readReason }: CasePartTabProps) {
  const { t } = useTranslation();
  const caseQuery = useCase(caseId, readReason);
  const referrals = useCaseReferrals(caseId, readReason);
  const [isAdding, setIsAdding] = useState(false);
  const [moving, setMoving] = useState<{ referral: CaseReferral; status: ReferralStatus } | undefined>();
  const items = referrals.data?.items ?? [];

  return (
    <Flex vertical gap={12} data-testid="case-referrals-tab">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary">
          <LockOutlined aria-hidden /> {t('caseParts.confidential')}
        </Typography.Text>
        {canEdit ? (
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => setIsAdding(true)}
            data-testid="case-referral-add"
          >
            {t('caseParts.referrals.add')}
          </Button>
        ) : null}
      </Flex>
      {referrals.isError ? (
        <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : null}
      {referrals.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : null}
      {referrals.isSuccess && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseParts.referrals.empty')} />
      ) : null}
      {items.map((referral) => (
        <ReferralCard
          key={referral.id}
          referral={referral}
          canEdit={canEdit}
          onMove={(status) => setMoving({ referral, status })}
        />
      ))}
      {isAdding ? (
        <CreateReferralModal
          caseId={caseId}
          unitCode={caseQuery.data?.unitCode}
          onClose={() => setIsAdding(false)}
        />
      ) : null}
      {moving ? (
        <ReferralStatusModal
          caseId={caseId}
          referral={moving.referral}
          status={moving.status}
          onClose={() => setMoving(undefined)}
        />
      ) : null}
    </Flex>
  );
}
