import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Activity,
  ActivityKind,
  activityKindLabels,
  fundingSourceLabels,
  participantGroupLabels,
} from '@tuoitho/domain';
import {
  App,
  Button,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { newIdempotencyKey } from '../../../lib/api';
import { formatDate } from '../../../lib/dates';
import { applyFieldErrors } from '../../../lib/errors';
import { MoneyInput } from '../../benefits/DecisionFields';
import { useLanguage } from '../../children/ChildTags';
import { labelOf, optionsFromLabels } from '../../children/childText';
import { IsoDatePicker } from '../../children/DateInputs';
import {
  type ActivityFormValues,
  activityFormDefaults,
  activityToFormValues,
  createActivityRequest,
  defaultSessionCount,
  generateSessionDays,
  MAX_GENERATED_SESSIONS,
  updateActivityRequest,
} from './activityForm';
import { useCreateActivity, useUpdateActivity, useVisibleProgrammes } from './api';
import { CommuneSelect } from './CommuneSelect';

const formFields = [
  'unit',
  'kind',
  'programmeId',
  'title',
  'startsOn',
  'endsOn',
  'sessionCount',
  'sessions',
  'place',
  'organisers',
  'description',
  'budget',
  'otherParticipants',
];

/** The programme picker: the programmes the caller can see, newest first by name. */
function ProgrammeSelect({
  value,
  onChange,
  id,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const programmes = useVisibleProgrammes();
  return (
    <Select<string>
      id={id}
      data-testid="activity-programme"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('activities.form.noProgramme')}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      loading={programmes.isPending}
      options={(programmes.data ?? []).map((programme) => ({
        value: programme.id,
        label: `${programme.name} (${programme.yearFrom}–${programme.yearTo})`,
      }))}
      popupMatchSelectWidth={false}
    />
  );
}

/** Budget by source (planned and spent) and the counts of other participants by group. */
function BudgetAndGroups() {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance<ActivityFormValues>();
  return (
    <Row gutter={24}>
      <Col xs={24} lg={14}>
        <Typography.Text strong>{t('activities.fields.budget')}</Typography.Text>
        <Row gutter={8} style={{ marginTop: 4, marginBottom: -4 }}>
          <Col span={8} />
          <Col span={8}>
            <Typography.Text type="secondary">{t('activities.fields.planned')}</Typography.Text>
          </Col>
          <Col span={8}>
            <Typography.Text type="secondary">{t('activities.fields.spent')}</Typography.Text>
          </Col>
        </Row>
        <Form.List name="budget">
          {(fields) =>
            fields.map((field) => {
              const source = form.getFieldValue(['budget', field.name, 'source']);
              return (
                <Row key={field.key} gutter={8} align="middle" style={{ marginTop: 8 }}>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'source']} hidden>
                      <Input />
                    </Form.Item>
                    {labelOf(fundingSourceLabels, source, language)}
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'planned']} noStyle>
                      <MoneyInput />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'spent']} noStyle>
                      <MoneyInput />
                    </Form.Item>
                  </Col>
                </Row>
              );
            })
          }
        </Form.List>
      </Col>
      <Col xs={24} lg={10}>
        <Typography.Text strong>{t('activities.fields.otherParticipants')}</Typography.Text>
        <Form.List name="otherParticipants">
          {(fields) =>
            fields.map((field) => {
              const group = form.getFieldValue(['otherParticipants', field.name, 'group']);
              return (
                <Row key={field.key} gutter={8} align="middle" style={{ marginTop: 8 }}>
                  <Col span={16}>
                    <Form.Item name={[field.name, 'group']} hidden>
                      <Input />
                    </Form.Item>
                    {labelOf(participantGroupLabels, group, language)}
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'count']} noStyle>
                      <InputNumber<number>
                        min={0}
                        max={100_000_000}
                        precision={0}
                        style={{ width: '100%' }}
                        aria-label={labelOf(participantGroupLabels, group, language)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              );
            })
          }
        </Form.List>
      </Col>
    </Row>
  );
}

/** The sessions of an activity being edited: add, remove, change the day or topic. */
function SessionsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="sessions">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8} data-testid="activity-sessions">
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="center">
              <Typography.Text style={{ width: 70, flex: 'none' }}>
                {t('activities.attendance.session', { seq: index + 1 })}
              </Typography.Text>
              {/* Registered so that the kept session's id is sent back with it. */}
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name={[field.name, 'heldOn']}
                noStyle
                rules={[{ required: true, message: t('activities.form.sessionDayRequired') }]}
              >
                <IsoDatePicker
                  aria-label={t('activities.form.sessionDay')}
                  style={{ width: 160 }}
                  placeholder={t('activities.form.sessionDay')}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'topic']} noStyle>
                <Input placeholder={t('activities.form.sessionTopic')} maxLength={300} />
              </Form.Item>
              <Button
                aria-label={t('activities.form.removeSession')}
                title={t('activities.form.removeSession')}
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <div>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ heldOn: null, topic: null })}
              data-testid="activity-session-add"
            >
              {t('activities.form.addSession')}
            </Button>
          </div>
          <Typography.Text type="secondary">{t('activities.form.sessionsHint')}</Typography.Text>
        </Flex>
      )}
    </Form.List>
  );
}

/**
 * Records a new activity ("Thêm hoạt động") or edits one. A new activity gets one session per
 * day from its start day; an edited one lists its sessions.
 */
export function ActivityFormModal({ activity, onClose }: { activity?: Activity; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityFormValues>();
  const isNew = activity === undefined;
  const create = useCreateActivity();
  const update = useUpdateActivity(activity?.id ?? '');
  const mutation = isNew ? create : update;
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const startsOn = Form.useWatch('startsOn', form);
  const sessionCount = Form.useWatch('sessionCount', form);

  const initialValues = useMemo<Partial<ActivityFormValues>>(
    () =>
      activity
        ? activityToFormValues(activity)
        : { kind: 'swimming_class', sessionCount: 1, ...activityFormDefaults() },
    [activity],
  );

  const onError = (error: unknown) => setLeftOver(applyFieldErrors(form, error, formFields));
  const submit = (values: ActivityFormValues) => {
    setLeftOver([]);
    if (isNew) {
      create.mutate(
        { request: createActivityRequest(values), idempotencyKey },
        {
          onSuccess: (created) => {
            void message.success(t('activities.form.created'));
            onClose();
            navigate(`/activities/${created.id}`);
          },
          onError,
        },
      );
    } else {
      update.mutate(updateActivityRequest(values, activity.version), {
        onSuccess: () => {
          void message.success(t('activities.form.saved'));
          onClose();
        },
        onError,
      });
    }
  };

  // New dates give the default count again: one session per day of the activity.
  const onDatesChange = (changed: Partial<ActivityFormValues>, all: ActivityFormValues) => {
    if (isNew && ('startsOn' in changed || 'endsOn' in changed)) {
      form.setFieldValue('sessionCount', defaultSessionCount(all.startsOn, all.endsOn));
    }
  };
  const lastSessionDay =
    startsOn && sessionCount ? formatDate(generateSessionDays(startsOn, sessionCount).at(-1)) : undefined;

  return (
    <Modal
      open
      width={920}
      title={isNew ? t('activities.form.createTitle') : t('activities.form.editTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={isNew ? t('activities.form.create') : t('common.save')}
      okButtonProps={{ 'data-testid': 'activity-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<ActivityFormValues>
        form={form}
        name={isNew ? 'activityCreate' : 'activityEdit'}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={onDatesChange}
        style={{ marginTop: 12 }}
        data-testid="activity-form"
      >
        <Row gutter={16}>
          {isNew ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="unit"
                label={t('activities.fields.unit')}
                rules={[{ required: true, message: t('activities.form.unitRequired') }]}
              >
                <CommuneSelect data-testid="activity-unit" aria-label={t('activities.fields.unit')} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item
              name="kind"
              label={t('activities.fields.kind')}
              rules={[{ required: true, message: t('activities.form.kindRequired') }]}
            >
              <Select
                data-testid="activity-kind"
                showSearch={{ optionFilterProp: 'label' }}
                options={optionsFromLabels(ActivityKind.options, activityKindLabels, language)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="programmeId" label={t('activities.fields.programme')}>
              <ProgrammeSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={isNew ? 12 : 24}>
            <Form.Item
              name="title"
              label={t('activities.fields.title')}
              rules={[{ required: true, whitespace: true, message: t('activities.form.titleRequired') }]}
            >
              <Input data-testid="activity-title" maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={isNew ? 8 : 12}>
            <Form.Item
              name="startsOn"
              label={t('activities.fields.startsOn')}
              rules={[{ required: true, message: t('activities.form.startsRequired') }]}
            >
              <DateField testId="activity-starts" label={t('activities.fields.startsOn')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={isNew ? 8 : 12}>
            <Form.Item
              name="endsOn"
              label={t('activities.fields.endsOn')}
              dependencies={['startsOn']}
              rules={[
                { required: true, message: t('activities.form.endsRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, value: string | null) =>
                    !value || !getFieldValue('startsOn') || value >= getFieldValue('startsOn')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('activities.form.endsBeforeStart'))),
                }),
              ]}
            >
              <DateField testId="activity-ends" label={t('activities.fields.endsOn')} />
            </Form.Item>
          </Col>
          {isNew ? (
            <Col xs={24} md={8}>
              <Form.Item
                name="sessionCount"
                label={t('activities.fields.sessionCount')}
                extra={
                  lastSessionDay
                    ? t('activities.form.sessionCountHintTo', { day: lastSessionDay })
                    : t('activities.form.sessionCountHint')
                }
                rules={[{ required: true, message: t('activities.form.sessionCountRequired') }]}
              >
                <InputNumber<number>
                  data-testid="activity-session-count"
                  min={1}
                  max={MAX_GENERATED_SESSIONS}
                  precision={0}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        {isNew ? null : (
          <Form.Item label={t('activities.fields.sessions')} required>
            <SessionsEditor />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="place" label={t('activities.fields.place')}>
              <Input maxLength={300} data-testid="activity-place" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="organisers" label={t('activities.fields.organisers')}>
              <Input maxLength={500} data-testid="activity-organisers" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('activities.fields.description')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Divider style={{ margin: '8px 0 12px' }} />
        <BudgetAndGroups />
      </Form>
      {/* Near the buttons, where the officer looks after saving; the form may be scrolled. */}
      {mutation.error ? (
        <div style={{ marginTop: 16 }}>
          <ErrorAlert error={mutation.error} extra={leftOver} />
        </div>
      ) : null}
    </Modal>
  );
}

/** A date field with its test id on the wrapper (antd's DatePicker puts props on the input). */
function DateField({
  value,
  onChange,
  id,
  testId,
  label,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  testId: string;
  label: string;
}) {
  return (
    <div data-testid={testId}>
      <IsoDatePicker id={id} value={value} onChange={onChange} aria-label={label} />
    </div>
  );
}
