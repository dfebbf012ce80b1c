import { EditOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { type InspectionPlan, teamRoleLabels } from '@tuoitho/domain';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Modal,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { newIdempotencyKey } from '../../lib/api';
import { formatDate, todayInVietnam } from '../../lib/dates';
import { useSession } from '../auth/api';
import { useLanguage } from '../children/ChildTags';
import { usePlan, useStartSession, useTemplates } from './api';
import { DateField } from './DateField';
import { TopicTags } from './InspectionTags';
import { PlanFormModal } from './PlanFormModal';

type Target = InspectionPlan['targets'][number];

/** A plan: what is inspected, by whom, where and when, with the session held in each target unit. */
export default function PlanPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const { user } = useSession();
  const navigate = useNavigate();
  const plan = usePlan(id);
  const [isEditing, setIsEditing] = useState(false);
  const [starting, setStarting] = useState<Target | null>(null);
  const canWrite = user.permissions.includes('inspections.write');

  if (plan.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (plan.error) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const data = plan.data;
  const mayEdit = canWrite && data.canEdit;

  return (
    <>
      <PageHeader
        title={data.title}
        intro={`${data.issuingBody} · ${t('inspections.plan.fields.year')} ${data.year}`}
        extra={
          <>
            <Button onClick={() => navigate('/inspections?tab=plans')}>{t('inspections.backToPlans')}</Button>
            {mayEdit ? (
              <Button icon={<EditOutlined />} data-testid="plan-edit" onClick={() => setIsEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'number', label: t('inspections.plan.fields.number'), children: data.number ?? '—' },
              {
                key: 'issuedOn',
                label: t('inspections.plan.fields.issuedOn'),
                children: formatDate(data.issuedOn) || '—',
              },
              { key: 'unit', label: t('inspections.plan.fields.unit'), children: data.unitName },
              {
                key: 'recommendations',
                label: t('inspections.plan.recommendationCounts'),
                children: (
                  <Flex gap={8} wrap>
                    <span>{t('inspections.plan.countTotal', { count: data.recommendations.total })}</span>
                    <Typography.Text type="success">
                      {t('inspections.plan.countDone', { count: data.recommendations.done })}
                    </Typography.Text>
                    <Typography.Text type={data.recommendations.overdue > 0 ? 'danger' : 'secondary'}>
                      {t('inspections.plan.countOverdue', { count: data.recommendations.overdue })}
                    </Typography.Text>
                    {data.recommendations.total > 0 ? (
                      <Link to={`/inspections?tab=recommendations&planId=${data.id}`}>
                        {t('inspections.plan.seeRecommendations')}
                      </Link>
                    ) : null}
                  </Flex>
                ),
              },
              {
                key: 'topics',
                label: t('inspections.plan.fields.topics'),
                span: 'filled',
                children: <TopicTags topics={data.topics} />,
              },
              ...(data.description
                ? [
                    {
                      key: 'description',
                      label: t('inspections.plan.fields.description'),
                      span: 'filled' as const,
                      children: <span style={{ whiteSpace: 'pre-wrap' }}>{data.description}</span>,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card title={t('inspections.plan.team')} size="small">
          {data.team.length === 0 ? (
            <Typography.Text type="secondary">{t('inspections.plan.noTeam')}</Typography.Text>
          ) : (
            <Flex vertical gap={4}>
              {data.team.map((member) => (
                <div key={`${member.fullName}-${member.role}`}>
                  <Tag color={member.role === 'lead' ? 'blue' : undefined}>
                    {teamRoleLabels[member.role][language]}
                  </Tag>
                  <Typography.Text strong>{member.fullName}</Typography.Text>
                  {member.organisation ? (
                    <Typography.Text type="secondary"> · {member.organisation}</Typography.Text>
                  ) : null}
                </div>
              ))}
            </Flex>
          )}
        </Card>
        <Card title={t('inspections.plan.fields.targets')} size="small">
          <Table<Target>
            rowKey="unitCode"
            size="middle"
            pagination={false}
            dataSource={data.targets}
            scroll={{ x: 640 }}
            onRow={(target) => ({ 'data-testid': `plan-target-${target.unitCode}` }) as never}
            columns={[
              { key: 'unit', title: t('inspections.plan.fields.unit'), dataIndex: 'unitName' },
              {
                key: 'schedule',
                title: t('inspections.plan.schedule'),
                width: 220,
                render: (_, target) =>
                  target.plannedFrom || target.plannedTo
                    ? `${formatDate(target.plannedFrom)} – ${formatDate(target.plannedTo)}`
                    : '—',
              },
              {
                key: 'status',
                title: t('inspections.session.status'),
                width: 160,
                render: (_, target) =>
                  target.sessionStatus ? (
                    <Tag color={target.sessionStatus === 'completed' ? 'green' : 'gold'}>
                      {t(`inspections.session.statuses.${target.sessionStatus}`)}
                    </Tag>
                  ) : (
                    <Typography.Text type="secondary">{t('inspections.session.notStarted')}</Typography.Text>
                  ),
              },
              {
                key: 'actions',
                title: t('common.actions'),
                width: 170,
                render: (_, target) =>
                  target.sessionId ? (
                    <Link
                      to={`/inspections/sessions/${target.sessionId}`}
                      data-testid={`session-open-${target.unitCode}`}
                      style={{ display: 'inline-block', padding: '8px 4px' }}
                    >
                      {t('inspections.session.open')}
                    </Link>
                  ) : canWrite ? (
                    <Button
                      size="large"
                      type="primary"
                      icon={<PlayCircleOutlined />}
                      data-testid={`session-start-${target.unitCode}`}
                      onClick={() => setStarting(target)}
                    >
                      {t('inspections.session.start')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      </Flex>
      {isEditing ? <PlanFormModal plan={data} onClose={() => setIsEditing(false)} /> : null}
      {starting ? (
        <StartSessionModal plan={data} target={starting} onClose={() => setStarting(null)} />
      ) : null}
    </>
  );
}

interface StartValues {
  templateId: string;
  heldOn: string;
}

/** Starts the session in a target unit: which checklist, which day; then opens it. */
function StartSessionModal({
  plan,
  target,
  onClose,
}: {
  plan: InspectionPlan;
  target: Target;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<StartValues>();
  const templates = useTemplates();
  const start = useStartSession();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const active = (templates.data?.items ?? []).filter((template) => template.isActive);
  // The template of the plan's first topic comes first.
  const sorted = [...active].sort(
    (a, b) => Number(!plan.topics.includes(a.topic)) - Number(!plan.topics.includes(b.topic)),
  );

  const firstTemplate = sorted[0]?.id;
  useEffect(() => {
    if (firstTemplate && !form.getFieldValue('templateId'))
      form.setFieldsValue({ templateId: firstTemplate });
  }, [firstTemplate, form]);

  const submit = (values: StartValues) =>
    start.mutate(
      { planId: plan.id, request: { unitCode: target.unitCode, ...values }, idempotencyKey },
      {
        onSuccess: (session) => {
          void message.success(t('inspections.session.started'));
          onClose();
          navigate(`/inspections/sessions/${session.id}`);
        },
      },
    );

  return (
    <Modal
      open
      title={t('inspections.session.startTitle', { unit: target.unitName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inspections.session.start')}
      okButtonProps={{ 'data-testid': 'session-start-confirm' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={start.isPending}
      destroyOnHidden
    >
      <Form<StartValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ heldOn: target.plannedFrom ?? todayInVietnam() }}
      >
        <Form.Item name="templateId" label={t('inspections.session.template')} rules={[{ required: true }]}>
          <Select
            data-testid="session-template"
            showSearch={{ optionFilterProp: 'label' }}
            loading={templates.isPending}
            options={sorted.map((template) => ({ value: template.id, label: template.name }))}
          />
        </Form.Item>
        <Form.Item name="heldOn" label={t('inspections.session.heldOn')} rules={[{ required: true }]}>
          <DateField data-testid="session-date" />
        </Form.Item>
        {templates.error ? <ErrorAlert error={templates.error} /> : null}
        {start.error ? <ErrorAlert error={start.error} /> : null}
      </Form>
    </Modal>
  );
}
