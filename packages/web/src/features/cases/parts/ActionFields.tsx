import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Case,
  CloseReason,
  caseProcess2017,
  type PlanMeasure,
  ReviewDecision,
  RiskLevel,
  riskLevelLabels,
} from '@tuoitho/domain';
import { Alert, Button, Form, Input, Radio, Select, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useLanguage } from '../../children/ChildTags';
import { optionsFromLabels } from '../../children/childText';
import { IsoDatePicker } from '../../children/DateInputs';
import { useUnitUsers } from '../api';
import { IsoDateTimePicker } from '../CaseTags';
import {
  exceedsMaxRemoval,
  MAX_REMOVAL_DAYS,
  type MeasureRow,
  nextMeasureId,
  type PanelActionType,
} from '../caseActions';
import { clockStepName, isClockExtendable, isDeadlineRunning } from '../caseText';

const TEXT_MAX = 4000;

function useRequired() {
  const { t } = useTranslation();
  return (key: string) => [
    { required: true, whitespace: true, message: t(`cases.actionForm.required.${key}`) },
  ];
}

function RiskLevelField({ name = 'riskLevel' }: { name?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const required = useRequired();
  return (
    <Form.Item name={name} label={t('cases.actionForm.riskLevel')} rules={required('riskLevel')}>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        options={optionsFromLabels(RiskLevel.options, riskLevelLabels, language)}
      />
    </Form.Item>
  );
}

function ProtectionLevelField({ isRequired }: { isRequired: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const required = useRequired();
  return (
    <Form.Item
      name="protectionLevel"
      label={t('cases.actionForm.protectionLevel')}
      rules={isRequired ? required('protectionLevel') : []}
    >
      <Select
        allowClear={!isRequired}
        options={caseProcess2017.protectionLevels.map((level) => ({
          value: level.code,
          label: `${level.level}. ${language === 'en' ? level.nameEn : level.nameVi}`,
        }))}
      />
    </Form.Item>
  );
}

function TextField({
  name,
  isRequired,
  rows = 3,
  max = TEXT_MAX,
}: {
  name: string;
  isRequired: boolean;
  rows?: number;
  max?: number;
}) {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <Form.Item name={name} label={t(`cases.actionForm.${name}`)} rules={isRequired ? required(name) : []}>
      <Input.TextArea rows={rows} maxLength={max} showCount={rows > 1} data-testid={`action-field-${name}`} />
    </Form.Item>
  );
}

function DecisionFields() {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <>
      <Form.Item
        name="decisionNumber"
        label={t('cases.actionForm.decisionNumber')}
        rules={required('decisionNumber')}
        extra={t('cases.actionForm.decisionNumberHint')}
      >
        <Input maxLength={50} placeholder="12/QĐ-UBND" data-testid="action-field-decisionNumber" />
      </Form.Item>
      <Form.Item
        name="decisionDate"
        label={t('cases.actionForm.decisionDate')}
        rules={required('decisionDate')}
      >
        <IsoDatePicker notAfterToday aria-label={t('cases.actionForm.decisionDate')} />
      </Form.Item>
    </>
  );
}

function RemovalFields() {
  const { t } = useTranslation();
  const required = useRequired();
  const startAt = Form.useWatch<string | undefined>('startAt');
  const plannedEndAt = Form.useWatch<string | undefined>('plannedEndAt');
  return (
    <>
      <DecisionFields />
      <TextField name="placement" isRequired rows={2} />
      <Form.Item name="startAt" label={t('cases.actionForm.startAt')} rules={required('startAt')}>
        <IsoDateTimePicker aria-label={t('cases.actionForm.startAt')} />
      </Form.Item>
      <Form.Item
        name="plannedEndAt"
        label={t('cases.actionForm.plannedEndAt')}
        dependencies={['startAt']}
        rules={[
          ...required('plannedEndAt'),
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) => {
              const start = getFieldValue('startAt') as string | undefined;
              return value && start && Date.parse(value) <= Date.parse(start)
                ? Promise.reject(new Error(t('cases.actionForm.endBeforeStart')))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <IsoDateTimePicker aria-label={t('cases.actionForm.plannedEndAt')} />
      </Form.Item>
      {exceedsMaxRemoval(startAt, plannedEndAt) ? (
        <Alert
          type="warning"
          showIcon
          data-testid="removal-too-long"
          title={t('cases.actionForm.removalTooLong', { days: MAX_REMOVAL_DAYS })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
    </>
  );
}

function NeedsField() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('cases.actionForm.needs')} required={false}>
      <Form.List name="needs">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <div key={field.key} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
                <Form.Item name={field.name} noStyle>
                  <Input
                    maxLength={500}
                    aria-label={t('cases.actionForm.needN', { n: index + 1 })}
                    placeholder={t('cases.actionForm.needPlaceholder')}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('cases.actionForm.removeNeed')}
                  onClick={() => remove(field.name)}
                />
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
              {t('cases.actionForm.addNeed')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The plan editor (form 04): the goal and the measures as an editable table. */
export function PlanEditorFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const required = useRequired();
  return (
    <>
      <TextField name="goal" isRequired={false} rows={2} />
      <Form.List
        name="measures"
        rules={[
          {
            validator: async (_rule, rows: unknown[] | undefined) => {
              if (!rows || rows.length === 0) throw new Error(t('cases.actionForm.required.measures'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <Table
              data-testid="plan-measures-editor"
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              scroll={{ x: 860 }}
              columns={[
                {
                  title: t('cases.plan.description'),
                  key: 'description',
                  render: (_value, field) => (
                    <>
                      <Form.Item name={[field.name, 'id']} hidden>
                        <Input />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'description']}
                        rules={required('description')}
                        style={{ margin: 0 }}
                      >
                        <Input.TextArea
                          autoSize={{ minRows: 1, maxRows: 4 }}
                          maxLength={TEXT_MAX}
                          aria-label={`${t('cases.plan.description')} ${field.name + 1}`}
                        />
                      </Form.Item>
                    </>
                  ),
                },
                {
                  title: t('cases.plan.responsible'),
                  key: 'responsible',
                  width: 180,
                  render: (_value, field) => (
                    <Form.Item
                      name={[field.name, 'responsible']}
                      rules={required('responsible')}
                      style={{ margin: 0 }}
                    >
                      <Input
                        maxLength={200}
                        aria-label={`${t('cases.plan.responsible')} ${field.name + 1}`}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('cases.plan.service'),
                  key: 'service',
                  width: 180,
                  render: (_value, field) => (
                    <Form.Item name={[field.name, 'service']} style={{ margin: 0 }}>
                      <Input maxLength={200} aria-label={`${t('cases.plan.service')} ${field.name + 1}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('cases.plan.dueDate'),
                  key: 'dueDate',
                  width: 150,
                  render: (_value, field) => (
                    <Form.Item name={[field.name, 'dueDate']} style={{ margin: 0 }}>
                      <IsoDatePicker aria-label={`${t('cases.plan.dueDate')} ${field.name + 1}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: '',
                  key: 'remove',
                  width: 48,
                  render: (_value, field) => (
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={`${t('cases.actionForm.removeMeasure')} ${field.name + 1}`}
                      onClick={() => remove(field.name)}
                    />
                  ),
                },
              ]}
            />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              data-testid="plan-add-measure"
              onClick={() => {
                const rows = (form.getFieldValue('measures') as MeasureRow[] | undefined) ?? [];
                add({ id: nextMeasureId(rows.map((row) => row.id)) });
              }}
            >
              {t('cases.actionForm.addMeasure')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </>
  );
}

/** A user of the case's commune: for assigning the case or adding a member. */
export function UnitUserSelect({
  unitId,
  value,
  onChange,
  id,
  exclude = [],
}: {
  unitId: number | undefined;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  exclude?: readonly string[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const users = useUnitUsers(unitId, q);
  return (
    <Select<string>
      id={id}
      data-testid="unit-user-select"
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value}
      onChange={onChange}
      loading={users.isFetching}
      placeholder={t('cases.actionForm.userPlaceholder')}
      options={(users.data ?? [])
        .filter((user) => !exclude.includes(user.id))
        .map((user) => ({ value: user.id, label: `${user.fullName} (${user.username})` }))}
    />
  );
}

/** The fields of an action's form (labels in Vietnamese or English, validation as the domain's). */
export function ActionFields({
  type,
  caseData,
  unitId,
}: {
  type: PanelActionType;
  caseData: Case;
  unitId: number | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const required = useRequired();
  switch (type) {
    case 'initial_assessment':
      return (
        <>
          <RiskLevelField />
          <Form.Item
            name="isEmergency"
            label={t('cases.actionForm.isEmergency')}
            valuePropName="checked"
            extra={t('cases.actionForm.isEmergencyHint')}
          >
            <Switch data-testid="action-field-isEmergency" />
          </Form.Item>
          <ProtectionLevelField isRequired />
          <TextField name="harm" isRequired={false} />
        </>
      );
    case 'emergency_measure':
      return <TextField name="description" isRequired />;
    case 'temporary_removal':
      return <RemovalFields />;
    case 'removal_ended':
      return (
        <>
          <Form.Item name="outcome" label={t('cases.actionForm.outcome')} rules={required('outcome')}>
            <Select
              options={(['returned_to_family', 'alternative_care', 'other'] as const).map((outcome) => ({
                value: outcome,
                label: t(`cases.removalOutcome.${outcome}`),
              }))}
            />
          </Form.Item>
          <TextField name="note" isRequired={false} rows={2} />
        </>
      );
    case 'detailed_assessment':
      return (
        <>
          <RiskLevelField />
          <NeedsField />
          <Form.Item name="meetingOn" label={t('cases.actionForm.meetingOn')}>
            <IsoDatePicker notAfterToday aria-label={t('cases.actionForm.meetingOn')} />
          </Form.Item>
          <ProtectionLevelField isRequired={false} />
        </>
      );
    case 'plan_drafted':
      return <PlanEditorFields />;
    case 'plan_submitted':
      return <TextField name="note" isRequired={false} rows={2} />;
    case 'plan_approved':
      return <DecisionFields />;
    case 'plan_rejected':
      return <TextField name="reason" isRequired />;
    case 'review':
      return (
        <>
          <RiskLevelField />
          <Form.Item
            name="decision"
            label={t('cases.actionForm.reviewDecision')}
            rules={required('decision')}
          >
            <Radio.Group
              options={ReviewDecision.options.map((decision) => ({
                value: decision,
                label: t(`cases.reviewDecision.${decision}`),
              }))}
            />
          </Form.Item>
          <ProtectionLevelField isRequired={false} />
          <TextField name="summary" isRequired={false} />
        </>
      );
    case 'closed':
      return (
        <>
          <Form.Item name="reason" label={t('cases.actionForm.closeReason')} rules={required('closeReason')}>
            <Select
              options={CloseReason.options.map((reason) => ({
                value: reason,
                label: t(`cases.closeReason.${reason}`),
              }))}
            />
          </Form.Item>
          <TextField name="note" isRequired={false} rows={2} />
        </>
      );
    case 'reopened':
      return <TextField name="reason" isRequired />;
    case 'deadline_extended': {
      const steps = caseData.deadlines.filter(
        (deadline) => isDeadlineRunning(deadline) && isClockExtendable(deadline.step),
      );
      return (
        <>
          <Form.Item name="step" label={t('cases.actionForm.step')} rules={required('step')}>
            <Select
              options={steps.map((deadline) => ({
                value: deadline.step,
                label: clockStepName(deadline.step, language),
              }))}
            />
          </Form.Item>
          <Form.Item name="newDueAt" label={t('cases.actionForm.newDueAt')} rules={required('newDueAt')}>
            <IsoDateTimePicker aria-label={t('cases.actionForm.newDueAt')} />
          </Form.Item>
          <TextField name="reason" isRequired rows={2} max={2000} />
        </>
      );
    }
    case 'assigned':
      return (
        <Form.Item name="assigneeId" label={t('cases.actionForm.assignee')} rules={required('assignee')}>
          <UnitUserSelect unitId={unitId} />
        </Form.Item>
      );
    case 'note':
      return <TextField name="text" isRequired />;
  }
}

/** The initial values of an action's form: a redraft starts from the current plan. */
export function initialActionValues(type: PanelActionType, caseData: Case): Record<string, unknown> {
  const plan = caseData.process?.plans.at(-1);
  switch (type) {
    case 'initial_assessment':
      return { isEmergency: caseData.urgency === 'emergency' };
    case 'detailed_assessment':
      return { needs: [''], protectionLevel: caseData.protectionLevel ?? undefined };
    case 'plan_drafted':
      return plan
        ? {
            goal: plan.goal ?? undefined,
            measures: plan.measures.map((measure: PlanMeasure) => ({
              id: measure.id,
              description: measure.description,
              responsible: measure.responsible,
              service: measure.service ?? undefined,
              dueDate: measure.dueDate ?? undefined,
            })),
          }
        : { measures: [{ id: 'm1' }] };
    case 'review':
      return { protectionLevel: caseData.protectionLevel ?? undefined };
    default:
      return {};
  }
}
