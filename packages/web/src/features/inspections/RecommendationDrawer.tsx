import { EditOutlined } from '@ant-design/icons';
import { type Recommendation, recommendationStateLabels } from '@tuoitho/domain';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Modal,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../lib/dates';
import { applyFieldErrors } from '../../lib/errors';
import { useSession } from '../auth/api';
import { useLanguage } from '../children/ChildTags';
import { useRecommendation, useUpdateRecommendation, useUploadRecommendationEvidence } from './api';
import { DateField } from './DateField';
import { EvidenceList } from './EvidenceList';
import { RecommendationStateTag, TopicTags } from './InspectionTags';
import { RespondModal } from './RespondModal';

type RecommendationEvent = Recommendation['events'][number];

/** A recommendation in full: the plan it comes from, the response, the evidence and its history. */
export function RecommendationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const recommendation = useRecommendation(id ?? undefined);
  const upload = useUploadRecommendationEvidence();
  const [isResponding, setIsResponding] = useState(false);
  const [isEditing, setIsEditing] = useState(false);
  const data = recommendation.data;
  const canReadPlans = user.permissions.includes('inspections.read');

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={t('inspections.recommendation.detailTitle')}
      destroyOnHidden
      extra={
        data ? (
          <Flex gap={8}>
            {data.canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
            {data.canRespond ? (
              <Button
                type="primary"
                onClick={() => setIsResponding(true)}
                data-testid="recommendation-drawer-respond"
              >
                {t('inspections.respond.open')}
              </Button>
            ) : null}
          </Flex>
        ) : null
      }
    >
      {recommendation.isPending && id ? <Spin /> : null}
      {recommendation.error ? <ErrorAlert error={recommendation.error} /> : null}
      {data ? (
        <Flex vertical gap={16} data-testid="recommendation-detail">
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'state',
                label: t('inspections.recommendation.state'),
                children: <RecommendationStateTag state={data.state} />,
              },
              {
                key: 'text',
                label: t('inspections.recommendation.text'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{data.text}</span>,
              },
              { key: 'unit', label: t('inspections.recommendation.unit'), children: data.unitName },
              {
                key: 'deadline',
                label: t('inspections.recommendation.deadline'),
                children: formatDate(data.deadline),
              },
              {
                key: 'plan',
                label: t('inspections.recommendation.plan'),
                children: canReadPlans ? (
                  <Link to={`/inspections/plans/${data.planId}`}>{data.planTitle}</Link>
                ) : (
                  data.planTitle
                ),
              },
              {
                key: 'topics',
                label: t('inspections.plan.fields.topics'),
                children: <TopicTags topics={data.topics} />,
              },
              ...(canReadPlans
                ? [
                    {
                      key: 'session',
                      label: t('inspections.recommendation.session'),
                      children: (
                        <Link to={`/inspections/sessions/${data.sessionId}`}>
                          {t('inspections.session.open')}
                        </Link>
                      ),
                    },
                  ]
                : []),
              {
                key: 'response',
                label: t('inspections.respond.response'),
                children: data.response ? (
                  <span style={{ whiteSpace: 'pre-wrap' }}>{data.response}</span>
                ) : (
                  <Typography.Text type="secondary">{t('inspections.respond.none')}</Typography.Text>
                ),
              },
              ...(data.completedOn
                ? [
                    {
                      key: 'completedOn',
                      label: t('inspections.respond.completedOn'),
                      children: `${formatDate(data.completedOn)}${
                        data.doneOnTime === false ? ` (${t('inspections.recommendation.late')})` : ''
                      }`,
                    },
                  ]
                : []),
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('inspections.evidence.title')}</Typography.Title>
            <EvidenceList
              evidence={data.evidence}
              onUpload={data.canRespond ? (file) => upload.mutateAsync({ id: data.id, file }) : undefined}
              isUploading={upload.isPending}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('inspections.recommendation.history')}</Typography.Title>
            <Timeline
              items={data.events.map((event) => ({
                key: `${event.at}-${event.kind}`,
                children: <EventLine event={event} />,
              }))}
            />
          </div>
        </Flex>
      ) : null}
      {isResponding && data ? (
        <RespondModal recommendation={data} onClose={() => setIsResponding(false)} />
      ) : null}
      {isEditing && data ? (
        <EditRecommendationModal recommendation={data} onClose={() => setIsEditing(false)} />
      ) : null}
    </Drawer>
  );
}

function EventLine({ event }: { event: RecommendationEvent }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const stateLabel = (status: string | null) =>
    status && status in recommendationStateLabels
      ? recommendationStateLabels[status as keyof typeof recommendationStateLabels][language]
      : (status ?? '');
  const change = event.fromStatus
    ? `${stateLabel(event.fromStatus)} → ${stateLabel(event.toStatus)}`
    : stateLabel(event.toStatus);
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>
        {t(`inspections.recommendation.events.${event.kind}`)}
        {change ? `: ${change}` : ''}
      </Typography.Text>
      {event.note ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{event.note}</Typography.Text> : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[formatDateTime(event.at), event.actorName].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Flex>
  );
}

interface EditValues {
  text: string;
  deadline: string;
}

/** The inspecting side corrects the text or moves the deadline. */
function EditRecommendationModal({
  recommendation,
  onClose,
}: {
  recommendation: Recommendation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateRecommendation();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const submit = (values: EditValues) =>
    update.mutate(
      {
        id: recommendation.id,
        request: { text: values.text.trim(), deadline: values.deadline, version: recommendation.version },
      },
      {
        onSuccess: () => {
          void message.success(t('inspections.recommendation.saved'));
          onClose();
        },
        onError: (error) => setLeftOver(applyFieldErrors(form, error, ['text', 'deadline'])),
      },
    );
  return (
    <Modal
      open
      title={t('inspections.recommendation.editTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ text: recommendation.text, deadline: recommendation.deadline }}
      >
        <Form.Item
          name="text"
          label={t('inspections.recommendation.text')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={3000} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('inspections.recommendation.deadline')}
          rules={[{ required: true }]}
        >
          <DateField allowClear={false} />
        </Form.Item>
        {update.error ? <ErrorAlert error={update.error} extra={leftOver} /> : null}
      </Form>
    </Modal>
  );
}
