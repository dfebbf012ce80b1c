import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type InspectionPlan,
  InspectionTopic,
  inspectionTopicLabels,
  TeamRole,
  teamRoleLabels,
} from '@tuoitho/domain';
import { App, Button, Col, Flex, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newIdempotencyKey } from '../../lib/api';
import { todayInVietnam } from '../../lib/dates';
import { applyFieldErrors } from '../../lib/errors';
import { useSession } from '../auth/api';
import { useLanguage } from '../children/ChildTags';
import { optionsFromLabels } from '../children/childText';
import { UnitSelect } from '../programmes/UnitSelect';
import { useCreatePlan, useUpdatePlan } from './api';
import { DateField } from './DateField';
import { type PlanFormValues, planFormToRequest, planToFormValues } from './inspectionText';

const fieldNames = [
  'title',
  'year',
  'number',
  'issuedOn',
  'issuingBody',
  'topics',
  'description',
  'targets',
  'team',
];

/**
 * Creates a yearly inspection plan (or edits one): what, when, by whom, where. The targets are
 * units of the caller's subtree; each may carry planned dates (the schedule).
 */
export function PlanFormModal({ plan, onClose }: { plan?: InspectionPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useSession();
  const [form] = Form.useForm<PlanFormValues>();
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const targets = Form.useWatch('targets', form) ?? [];
  const known = useMemo(
    () => plan?.targets.map((target) => ({ code: target.unitCode, name: target.unitName })) ?? [],
    [plan],
  );
  const nameOf = (code: string) => known.find((unit) => unit.code === code)?.name ?? code;

  const initialValues = useMemo<Partial<PlanFormValues>>(
    () =>
      plan
        ? planToFormValues(plan)
        : {
            year: Number(todayInVietnam().slice(0, 4)),
            issuingBody: t('inspections.plan.defaultIssuingBody', { unit: user.unit.fullName }),
            topics: [],
            targets: [],
            team: [],
          },
    [plan, t, user.unit.fullName],
  );

  const onError = (error: unknown) => setLeftOver(applyFieldErrors(form, error, fieldNames));
  const submit = (values: PlanFormValues) => {
    setLeftOver([]);
    const request = planFormToRequest(values);
    if (plan) {
      update.mutate(
        { id: plan.id, request: { ...request, version: plan.version } },
        {
          onSuccess: () => {
            void message.success(t('inspections.plan.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      { request, idempotencyKey },
      {
        onSuccess: (created) => {
          void message.success(t('inspections.plan.created'));
          onClose();
          navigate(`/inspections/plans/${created.id}`);
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open
      width={920}
      title={plan ? t('inspections.plan.editTitle') : t('inspections.plan.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={plan ? t('common.save') : t('inspections.plan.create')}
      okButtonProps={{ 'data-testid': 'plan-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<PlanFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Row gutter={12}>
          <Col xs={24} md={18}>
            <Form.Item
              name="title"
              label={t('inspections.plan.fields.title')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input data-testid="plan-title" maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="year" label={t('inspections.plan.fields.year')} rules={[{ required: true }]}>
              <InputNumber data-testid="plan-year" min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="issuingBody"
              label={t('inspections.plan.fields.issuingBody')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input data-testid="plan-issuing-body" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="number" label={t('inspections.plan.fields.number')}>
              <Input maxLength={60} placeholder="12/KH-UBND" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="issuedOn" label={t('inspections.plan.fields.issuedOn')}>
              <DateField />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="topics" label={t('inspections.plan.fields.topics')} rules={[{ required: true }]}>
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="plan-topics"
                options={optionsFromLabels(InspectionTopic.options, inspectionTopicLabels, language)}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="targets"
              label={t('inspections.plan.fields.targets')}
              rules={[{ required: true }]}
            >
              <UnitSelect mode="multiple" within={user.unit.code} known={known} data-testid="plan-targets" />
            </Form.Item>
          </Col>
        </Row>
        {targets.length > 0 ? (
          <>
            <Typography.Text strong>{t('inspections.plan.schedule')}</Typography.Text>
            <Flex vertical gap={4} style={{ margin: '8px 0 16px' }}>
              {targets.map((code) => (
                <Row key={code} gutter={8} align="middle">
                  <Col xs={24} md={10}>
                    <Typography.Text>{nameOf(code)}</Typography.Text>
                  </Col>
                  <Col xs={12} md={7}>
                    <Form.Item name={['schedule', code, 'plannedFrom']} noStyle>
                      <DateField aria-label={t('inspections.plan.fields.plannedFrom')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={7}>
                    <Form.Item name={['schedule', code, 'plannedTo']} noStyle>
                      <DateField aria-label={t('inspections.plan.fields.plannedTo')} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
            </Flex>
          </>
        ) : null}
        <Typography.Text strong>{t('inspections.plan.team')}</Typography.Text>
        <Form.List name="team">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top">
                  <Col xs={24} md={9}>
                    <Form.Item name={[field.name, 'fullName']} rules={[{ required: true, whitespace: true }]}>
                      <Input placeholder={t('inspections.plan.fields.memberName')} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={6}>
                    <Form.Item name={[field.name, 'role']} rules={[{ required: true }]}>
                      <Select options={optionsFromLabels(TeamRole.options, teamRoleLabels, language)} />
                    </Form.Item>
                  </Col>
                  <Col xs={11} md={8}>
                    <Form.Item name={[field.name, 'organisation']}>
                      <Input placeholder={t('inspections.plan.fields.organisation')} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={3} md={1}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('inspections.plan.removeMember')}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ fullName: '', role: fields.length === 0 ? 'lead' : 'member' })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('inspections.plan.addMember')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item
          name="description"
          label={t('inspections.plan.fields.description')}
          style={{ marginTop: 16 }}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        {create.error || update.error ? (
          <ErrorAlert error={create.error ?? update.error} extra={leftOver} />
        ) : null}
      </Form>
    </Modal>
  );
}
