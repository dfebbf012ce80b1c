import {
  BenefitKind,
  BenefitPeriodicity,
  type BenefitRuleView,
  BudgetSource,
  benefitKindLabels,
  budgetSourceLabels,
  PovertyStatus,
  povertyStatusLabels,
} from '@tuoitho/domain';
import {
  App,
  Button,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Switch,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayInVietnam } from '../../lib/dates';
import { applyFieldErrors } from '../../lib/errors';
import { useSpecialCircumstanceCatalogue } from '../children/api';
import { useLanguage } from '../children/ChildTags';
import { groupName, optionsFromLabels } from '../children/childText';
import { IsoDatePicker } from '../children/DateInputs';
import { useCreateBaseLevel, useCreateRule, useUpdateRule } from './api';
import { amountOf, type LocalRuleFormValues, localRuleCode, localRuleFormToRequest } from './benefitForms';
import { formatMoney } from './benefitMath';
import { MoneyInput } from './DecisionFields';

type AmountFields = Pick<LocalRuleFormValues, 'amountType' | 'amountVnd' | 'coefficient' | 'description'>;

function AmountFieldsInput({ type }: { type: LocalRuleFormValues['amountType'] | 'cost_share' }) {
  const { t } = useTranslation();
  if (type === 'coefficient') {
    return (
      <Form.Item name="coefficient" label={t('benefits.catalogue.coefficient')} rules={[{ required: true }]}>
        <InputNumber<number> min={0.1} max={20} step={0.1} decimalSeparator="," style={{ width: 160 }} />
      </Form.Item>
    );
  }
  if (type === 'in_kind') {
    return (
      <Form.Item
        name="description"
        label={t('benefits.catalogue.inKind')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={300} />
      </Form.Item>
    );
  }
  if (type === 'cost_share') return null;
  return (
    <Form.Item name="amountVnd" label={t('benefits.fields.amount')} rules={[{ required: true }]}>
      <MoneyInput style={{ maxWidth: 240 }} />
    </Form.Item>
  );
}

/** Corrects an unverified amount or marks it verified; a stale version answers 409. */
export function EditRuleModal({ rule, onClose }: { rule: BenefitRuleView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AmountFields & { verified: boolean; legalRef: string; percent?: number }>();
  const update = useUpdateRule();
  const type = rule.amount.type;
  const initial = {
    amountType: type === 'cost_share' ? 'fixed' : type,
    amountVnd: rule.amount.type === 'fixed' ? rule.amount.amountVnd : null,
    coefficient: rule.amount.type === 'coefficient' ? rule.amount.coefficient : null,
    description: rule.amount.type === 'in_kind' ? rule.amount.description : null,
    percent: rule.amount.type === 'cost_share' ? rule.amount.percent : undefined,
    verified: rule.verified,
    legalRef: rule.legalRef,
  } as const;
  return (
    <Modal
      open
      title={t('benefits.catalogue.editTitle', { name: rule.nameVi })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {update.error ? <ErrorAlert error={update.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) =>
          update.mutate(
            {
              id: rule.id,
              request: {
                amount:
                  rule.amount.type === 'cost_share'
                    ? { ...rule.amount, percent: values.percent ?? rule.amount.percent }
                    : amountOf({ ...values, amountType: type as LocalRuleFormValues['amountType'] }),
                verified: values.verified,
                legalRef: values.legalRef.trim(),
                version: rule.version,
              },
            },
            {
              onSuccess: () => {
                void message.success(t('benefits.catalogue.saved'));
                onClose();
              },
              onError: (error) => applyFieldErrors(form, error, ['legalRef']),
            },
          )
        }
      >
        <AmountFieldsInput type={type} />
        {type === 'cost_share' ? (
          <Form.Item name="percent" label={t('benefits.catalogue.percent')} rules={[{ required: true }]}>
            <InputNumber<number> min={0} max={100} suffix="%" style={{ width: 160 }} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="legalRef"
          label={t('benefits.fields.legalRef')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="verified" valuePropName="checked">
          <Checkbox>{t('benefits.catalogue.verifiedCheck')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Starting points for the usual local benefits. Gifts go to children in special circumstances
 * under 16 (every group), the scholarship to children of poor and near-poor households, the
 * top-up to children without anyone to rely on (group a).
 */
const templates: Record<
  'tet' | 'midAutumn' | 'scholarship' | 'topUp',
  Partial<LocalRuleFormValues> & { allGroups?: boolean }
> = {
  tet: {
    kind: 'local_gift',
    periodicity: 'yearly',
    amountType: 'fixed',
    amountVnd: 500_000,
    needsDecision: false,
    allGroups: true,
    maxAgeYears: 16,
    povertyStatuses: [],
  },
  midAutumn: {
    kind: 'local_gift',
    periodicity: 'yearly',
    amountType: 'in_kind',
    description: 'Quà Trung thu',
    needsDecision: false,
    allGroups: true,
    maxAgeYears: 16,
    povertyStatuses: [],
  },
  scholarship: {
    kind: 'scholarship',
    periodicity: 'yearly',
    amountType: 'fixed',
    amountVnd: 1_000_000,
    needsDecision: true,
    groups: [],
    maxAgeYears: 18,
    povertyStatuses: ['poor', 'near_poor'],
  },
  topUp: {
    kind: 'monthly_allowance',
    periodicity: 'monthly',
    amountType: 'fixed',
    amountVnd: 200_000,
    needsDecision: true,
    groups: ['a'],
    maxAgeYears: 16,
    povertyStatuses: [],
  },
};
type TemplateKey = keyof typeof templates;

/** "Thêm chính sách địa phương": a Tết or Mid-Autumn gift, a scholarship, a local allowance. */
export function LocalRuleModal({ unitCode, onClose }: { unitCode: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const catalogue = useSpecialCircumstanceCatalogue();
  const [form] = Form.useForm<LocalRuleFormValues>();
  const create = useCreateRule();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const amountType = Form.useWatch('amountType', form) ?? 'fixed';

  const applyTemplate = (key: TemplateKey) => {
    const { allGroups, ...template } = templates[key];
    form.setFieldsValue({
      ...template,
      ...(allGroups ? { groups: catalogue.groups.map((group) => group.code) } : {}),
      nameVi: t(`benefits.catalogue.templates.${key}Name`),
      criteriaVi: t(`benefits.catalogue.templates.${key}Criteria`),
      code: localRuleCode(unitCode, key),
      budgetSource: unitCode.length === 2 ? 'province' : 'commune',
    });
  };

  return (
    <Modal
      open
      width={860}
      title={t('benefits.catalogue.addLocal')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('benefits.catalogue.addLocalSubmit')}
      okButtonProps={{ 'data-testid': 'benefit-local-rule-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          {t('benefits.catalogue.templatesLabel')}
          {(Object.keys(templates) as TemplateKey[]).map((key) => (
            <Button key={key} size="small" onClick={() => applyTemplate(key)}>
              {t(`benefits.catalogue.templates.${key}`)}
            </Button>
          ))}
        </Flex>
        {create.error ? <ErrorAlert error={create.error} extra={leftOver} /> : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            unitCode,
            kind: 'local_gift',
            periodicity: 'yearly',
            amountType: 'fixed',
            budgetSource: unitCode.length === 2 ? 'province' : 'commune',
            validFrom: todayInVietnam(),
            needsDecision: false,
            nameEn: '',
            criteriaEn: '',
          }}
          onFinish={(values) =>
            create.mutate(localRuleFormToRequest({ ...values, unitCode }), {
              onSuccess: () => {
                void message.success(t('benefits.catalogue.added'));
                onClose();
              },
              onError: (error) =>
                setLeftOver(
                  applyFieldErrors(form, error, [
                    'code',
                    'nameVi',
                    'criteriaVi',
                    'legalRef',
                    'validFrom',
                    'validTo',
                  ]),
                ),
            })
          }
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="nameVi"
                label={t('benefits.catalogue.nameVi')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="nameEn" label={t('benefits.catalogue.nameEn')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="code"
                label={t('benefits.catalogue.code')}
                extra={t('benefits.catalogue.codeHint')}
                rules={[
                  {
                    required: true,
                    pattern: /^[a-z][a-z0-9_.]{1,80}$/,
                    message: t('benefits.catalogue.codeInvalid'),
                  },
                ]}
              >
                <Input maxLength={80} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="kind" label={t('benefits.catalogue.kind')} rules={[{ required: true }]}>
                <Select options={optionsFromLabels(BenefitKind.options, benefitKindLabels, language)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item
                name="periodicity"
                label={t('benefits.catalogue.periodicity')}
                rules={[{ required: true }]}
              >
                <Select
                  options={BenefitPeriodicity.options.map((value) => ({
                    value,
                    label: t(`benefits.periodicity.${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="criteriaVi"
                label={t('benefits.catalogue.criteriaVi')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="criteriaEn" label={t('benefits.catalogue.criteriaEn')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="groups" label={t('benefits.catalogue.groups')}>
                <Select
                  mode="multiple"
                  allowClear
                  options={catalogue.groups.map((group) => ({
                    value: group.code,
                    label: `${group.code}) ${groupName(group, language)}`,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="povertyStatuses" label={t('benefits.catalogue.poverty')}>
                <Select
                  mode="multiple"
                  allowClear
                  options={optionsFromLabels(PovertyStatus.options, povertyStatusLabels, language)}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="minAgeYears" label={t('benefits.catalogue.minAge')}>
                <InputNumber<number> min={0} max={18} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="maxAgeYears" label={t('benefits.catalogue.maxAge')}>
                <InputNumber<number> min={1} max={18} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="budgetSource"
                label={t('benefits.fields.budgetSource')}
                rules={[{ required: true }]}
              >
                <Select options={optionsFromLabels(BudgetSource.options, budgetSourceLabels, language)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="amountType" label={t('benefits.catalogue.amountType')}>
                <Radio.Group
                  options={(['fixed', 'coefficient', 'in_kind'] as const).map((value) => ({
                    value,
                    label: t(`benefits.catalogue.amountTypes.${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <AmountFieldsInput type={amountType} />
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="legalRef"
                label={t('benefits.fields.legalRef')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input maxLength={300} placeholder="Nghị quyết số …/NQ-HĐND" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="validFrom"
                label={t('benefits.catalogue.validFrom')}
                rules={[{ required: true }]}
              >
                <IsoDatePicker />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="validTo" label={t('benefits.catalogue.validTo')}>
                <IsoDatePicker />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="needsDecision"
                valuePropName="checked"
                label={t('benefits.catalogue.needsDecision')}
              >
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Flex>
    </Modal>
  );
}

/** "Thêm mức chuẩn của tỉnh": a province's higher base level from a date (a provincial top-up). */
export function BaseLevelModal({
  provinceCode,
  currentVnd,
  onClose,
}: {
  provinceCode: string;
  currentVnd: number | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateBaseLevel();
  const [form] = Form.useForm<{
    provinceCode: string;
    amountVnd: number;
    validFrom: string;
    legalRef: string;
  }>();
  return (
    <Modal
      open
      title={t('benefits.catalogue.addBaseLevel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ provinceCode, amountVnd: currentVnd, validFrom: todayInVietnam(), legalRef: '' }}
        onFinish={(values) =>
          create.mutate(
            { ...values, provinceCode: values.provinceCode, legalRef: values.legalRef.trim() },
            {
              onSuccess: () => {
                void message.success(t('benefits.catalogue.added'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="provinceCode"
          label={t('benefits.catalogue.provinceCode')}
          rules={[
            { required: true, pattern: /^\d{2}$/, message: t('benefits.catalogue.provinceCodeInvalid') },
          ]}
        >
          <Input maxLength={2} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item
          name="amountVnd"
          label={t('benefits.catalogue.baseLevel')}
          extra={
            currentVnd ? t('benefits.catalogue.currentBase', { amount: formatMoney(currentVnd) }) : undefined
          }
          rules={[{ required: true }]}
        >
          <MoneyInput style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item name="validFrom" label={t('benefits.catalogue.validFrom')} rules={[{ required: true }]}>
          <IsoDatePicker />
        </Form.Item>
        <Form.Item
          name="legalRef"
          label={t('benefits.fields.legalRef')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={300} placeholder="Nghị quyết số …/NQ-HĐND tỉnh" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
