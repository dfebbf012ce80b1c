import {
  type BenefitEnrolment,
  caregiverRelationshipLabels,
  PaymentMethod,
  paymentMethodLabels,
} from '@tuoitho/domain';
import { Alert, App, Col, Descriptions, Flex, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newIdempotencyKey } from '../../lib/api';
import { formatDate, todayInVietnam } from '../../lib/dates';
import { applyFieldErrors } from '../../lib/errors';
import { useSession } from '../auth/api';
import { useChild } from '../children/api';
import { useLanguage } from '../children/ChildTags';
import { labelOf, optionsFromLabels } from '../children/childText';
import { IsoDatePicker } from '../children/DateInputs';
import { useAdjustEnrolment, useCreateEnrolment, useTerminateEnrolment } from './api';
import {
  type AdjustFormValues,
  adjustFormToRequest,
  defaultRecipient,
  defaultSignerTitle,
  defaultStartDate,
  differsFromRule,
  type EnrolmentFormValues,
  enrolmentFormToRequest,
  type TerminateFormValues,
  terminateFormToRequest,
} from './benefitForms';
import { formatMoney } from './benefitMath';
import { DecisionFields, MoneyInput } from './DecisionFields';

/** What an enrolment form starts from: a gap, a proposal or an eligibility of the child's tab. */
export interface EnrolTarget {
  childId: string;
  childName: string;
  ruleCode: string;
  ruleName: string;
  /** The amount the rule gives the child now; null for cost shares and goods. */
  ruleAmountVnd: number | null;
  proposalId?: string | undefined;
  startDate?: string | undefined;
}

const decisionFieldNames = ['decisionNumber', 'decisionDate', 'signerName', 'signerTitle'];

function useDecisionDefaults() {
  const { user } = useSession();
  return { decisionDate: todayInVietnam(), signerTitle: defaultSignerTitle(user.unit.fullName) };
}

/** "Xét hưởng": the chairman's decision granting a benefit to a child. */
export function EnrolModal({ target, onClose }: { target: EnrolTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnrolmentFormValues>();
  const create = useCreateEnrolment();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const canReadChild = useSession().user.permissions.includes('registry.read');
  const child = useChild(target.childId, canReadChild);
  const decisionDefaults = useDecisionDefaults();
  const amount = Form.useWatch('amountVnd', form);
  const recipientKind = Form.useWatch('recipientKind', form);
  const caregivers = child.data?.caregivers ?? [];

  const initialValues = useMemo<Partial<EnrolmentFormValues>>(
    () => ({
      ...decisionDefaults,
      startDate: target.startDate ?? defaultStartDate(todayInVietnam()),
      amountVnd: target.ruleAmountVnd ?? 0,
      paymentMethod: 'cash',
      recipientKind: 'child',
      recipientName: target.childName,
      recipientRelationship: null,
    }),
    [decisionDefaults, target],
  );

  // The child's caregivers arrive after the form opens: the guardian then becomes the recipient.
  const [isRecipientFilled, setIsRecipientFilled] = useState(false);
  if (!isRecipientFilled && child.data) {
    setIsRecipientFilled(true);
    if (!form.isFieldTouched('recipientName')) {
      form.setFieldsValue(
        defaultRecipient(target.childName, child.data.caregivers, (relationship) =>
          labelOf(caregiverRelationshipLabels, relationship, 'vi'),
        ),
      );
    }
  }

  const submit = (values: EnrolmentFormValues) =>
    create.mutate(
      { request: enrolmentFormToRequest(values, target), idempotencyKey },
      {
        onSuccess: () => {
          void message.success(t('benefits.enrol.done', { name: target.childName }));
          onClose();
        },
        onError: (error) =>
          setLeftOver(
            applyFieldErrors(form, error, [
              ...decisionFieldNames,
              'startDate',
              'endDate',
              'amountVnd',
              'paymentMethod',
            ]),
          ),
      },
    );

  return (
    <Modal
      open
      width={820}
      title={t('benefits.enrol.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('benefits.enrol.submit')}
      okButtonProps={{ 'data-testid': 'benefit-enrol-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={12} data-testid="benefit-enrol-form">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'child', label: t('benefits.fields.child'), children: target.childName },
            { key: 'rule', label: t('benefits.fields.benefit'), children: target.ruleName },
            {
              key: 'ruleAmount',
              label: t('benefits.fields.ruleAmount'),
              children: target.ruleAmountVnd === null ? '—' : formatMoney(target.ruleAmountVnd),
            },
          ]}
        />
        {create.error ? <ErrorAlert error={create.error} extra={leftOver} /> : null}
        <Form
          form={form}
          name="benefitEnrol"
          layout="vertical"
          onFinish={submit}
          initialValues={initialValues}
        >
          <DecisionFields testIdPrefix="benefit-enrol" />
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="startDate"
                label={t('benefits.fields.startDate')}
                rules={[{ required: true, message: t('benefits.enrol.startDateRequired') }]}
              >
                <IsoDatePicker aria-label={t('benefits.fields.startDate')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="endDate" label={t('benefits.fields.endDateOptional')}>
                <IsoDatePicker aria-label={t('benefits.fields.endDateOptional')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="amountVnd"
                label={t('benefits.fields.amountMonthly')}
                extra={target.ruleAmountVnd === null ? t('benefits.enrol.noMoneyHint') : undefined}
                rules={[{ required: true, message: t('benefits.enrol.amountRequired') }]}
              >
                <MoneyInput data-testid="benefit-enrol-amount" />
              </Form.Item>
            </Col>
          </Row>
          {differsFromRule(amount, target.ruleAmountVnd) ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="benefit-enrol-amount-warning"
              title={t('benefits.enrol.amountDiffers', { amount: formatMoney(target.ruleAmountVnd) })}
            />
          ) : null}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="recipientKind" label={t('benefits.fields.recipient')}>
                <Radio.Group
                  data-testid="benefit-enrol-recipient-kind"
                  onChange={(event) => {
                    if (event.target.value === 'child') {
                      form.setFieldsValue({ recipientName: target.childName, recipientRelationship: null });
                    } else {
                      form.setFieldsValue(
                        defaultRecipient(target.childName, caregivers, (relationship) =>
                          labelOf(caregiverRelationshipLabels, relationship, 'vi'),
                        ),
                      );
                      if (caregivers.length === 0)
                        form.setFieldsValue({ recipientKind: 'caregiver', recipientName: '' });
                    }
                  }}
                  options={[
                    { value: 'child', label: t('benefits.recipient.child') },
                    { value: 'caregiver', label: t('benefits.recipient.caregiver') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="recipientName"
                label={t('benefits.fields.recipientName')}
                rules={[{ required: true, whitespace: true, message: t('benefits.enrol.recipientRequired') }]}
              >
                <Input maxLength={120} data-testid="benefit-enrol-recipient-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="recipientRelationship" label={t('benefits.fields.relationship')}>
                <Input maxLength={60} disabled={recipientKind === 'child'} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="paymentMethod"
            label={t('benefits.fields.paymentMethod')}
            rules={[{ required: true }]}
          >
            <Select
              aria-label={t('benefits.fields.paymentMethod')}
              data-testid="benefit-enrol-method"
              options={optionsFromLabels(PaymentMethod.options, paymentMethodLabels, language)}
              style={{ maxWidth: 280 }}
            />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}

/** "Điều chỉnh mức hưởng": a new amount from a date (4th birthday, new base level). */
export function AdjustModal({
  enrolment,
  proposal,
  onClose,
}: {
  enrolment: BenefitEnrolment;
  proposal?: { id: string; effectiveFrom: string; amountVnd: number | null; reason: string } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdjustFormValues>();
  const adjust = useAdjustEnrolment();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const decisionDefaults = useDecisionDefaults();
  const submit = (values: AdjustFormValues) =>
    adjust.mutate(
      { id: enrolment.id, request: adjustFormToRequest(values, enrolment.version, proposal?.id) },
      {
        onSuccess: () => {
          void message.success(t('benefits.adjust.done'));
          onClose();
        },
        onError: (error) =>
          setLeftOver(
            applyFieldErrors(form, error, [...decisionFieldNames, 'effectiveFrom', 'amountVnd', 'reason']),
          ),
      },
    );
  return (
    <Modal
      open
      width={760}
      title={t('benefits.adjust.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('benefits.adjust.submit')}
      okButtonProps={{ 'data-testid': 'benefit-adjust-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={adjust.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'child', label: t('benefits.fields.child'), children: enrolment.childName },
            { key: 'rule', label: t('benefits.fields.benefit'), children: enrolment.ruleName },
            {
              key: 'amount',
              label: t('benefits.fields.currentAmount'),
              children: formatMoney(enrolment.amountVnd),
            },
          ]}
        />
        {adjust.error ? <ErrorAlert error={adjust.error} extra={leftOver} /> : null}
        <Form
          form={form}
          name="benefitAdjust"
          layout="vertical"
          onFinish={submit}
          initialValues={{
            ...decisionDefaults,
            effectiveFrom: proposal?.effectiveFrom ?? todayInVietnam(),
            amountVnd: proposal?.amountVnd ?? enrolment.amountVnd,
            reason: proposal?.reason ?? '',
          }}
        >
          <DecisionFields testIdPrefix="benefit-adjust" />
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="effectiveFrom"
                label={t('benefits.fields.effectiveFrom')}
                rules={[{ required: true, message: t('benefits.enrol.startDateRequired') }]}
              >
                <IsoDatePicker aria-label={t('benefits.fields.effectiveFrom')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="amountVnd"
                label={t('benefits.fields.newAmount')}
                rules={[{ required: true, message: t('benefits.enrol.amountRequired') }]}
              >
                <MoneyInput data-testid="benefit-adjust-amount" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="reason"
            label={t('benefits.fields.reason')}
            rules={[{ required: true, whitespace: true, message: t('benefits.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}

/** "Thôi hưởng": the benefit ends after a date (16th birthday, group ended, moved away). */
export function TerminateModal({
  enrolment,
  proposal,
  onClose,
}: {
  enrolment: BenefitEnrolment;
  proposal?: { id: string; effectiveFrom: string; reason: string } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TerminateFormValues>();
  const terminate = useTerminateEnrolment();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const decisionDefaults = useDecisionDefaults();
  const submit = (values: TerminateFormValues) =>
    terminate.mutate(
      { id: enrolment.id, request: terminateFormToRequest(values, enrolment.version, proposal?.id) },
      {
        onSuccess: () => {
          void message.success(t('benefits.terminate.done'));
          onClose();
        },
        onError: (error) =>
          setLeftOver(applyFieldErrors(form, error, [...decisionFieldNames, 'endDate', 'reason'])),
      },
    );
  return (
    <Modal
      open
      width={760}
      title={t('benefits.terminate.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('benefits.terminate.submit')}
      okButtonProps={{ danger: true, 'data-testid': 'benefit-terminate-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={terminate.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'child', label: t('benefits.fields.child'), children: enrolment.childName },
            { key: 'rule', label: t('benefits.fields.benefit'), children: enrolment.ruleName },
            {
              key: 'start',
              label: t('benefits.fields.startDate'),
              children: formatDate(enrolment.startDate),
            },
          ]}
        />
        {terminate.error ? <ErrorAlert error={terminate.error} extra={leftOver} /> : null}
        <Form
          form={form}
          name="benefitTerminate"
          layout="vertical"
          onFinish={submit}
          initialValues={{
            ...decisionDefaults,
            endDate: proposal?.effectiveFrom ?? todayInVietnam(),
            reason: proposal?.reason ?? '',
          }}
        >
          <DecisionFields testIdPrefix="benefit-terminate" />
          <Form.Item
            name="endDate"
            label={t('benefits.fields.endDate')}
            extra={t('benefits.terminate.endDateHint')}
            rules={[{ required: true, message: t('benefits.terminate.endDateRequired') }]}
          >
            <IsoDatePicker aria-label={t('benefits.fields.endDate')} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('benefits.fields.reason')}
            rules={[{ required: true, whitespace: true, message: t('benefits.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}
