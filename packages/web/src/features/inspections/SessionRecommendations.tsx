import { PlusOutlined } from '@ant-design/icons';
import { findingSeverityLabels, type InspectionSession, type Recommendation } from '@tuoitho/domain';
import { App, Button, Flex, Form, Input, List, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newIdempotencyKey } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { applyFieldErrors } from '../../lib/errors';
import { useLanguage } from '../children/ChildTags';
import { UnitSelect } from '../programmes/UnitSelect';
import { useCreateRecommendation } from './api';
import { DateField } from './DateField';
import { RecommendationStateTag } from './InspectionTags';
import { defaultDeadline } from './inspectionText';
import { RecommendationDrawer } from './RecommendationDrawer';

interface SessionRecommendationsProps {
  session: InspectionSession;
  canAdd: boolean;
  /** Saves the draft first, so that new findings can be chosen; false when saving failed. */
  beforeAdd: () => Promise<boolean>;
}

/** The recommendations of a session: who must do what by when, and how far they are. */
export function SessionRecommendations({ session, canAdd, beforeAdd }: SessionRecommendationsProps) {
  const { t } = useTranslation();
  const [isAdding, setIsAdding] = useState(false);
  const [isPreparing, setIsPreparing] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const add = async () => {
    setIsPreparing(true);
    const isReady = await beforeAdd();
    setIsPreparing(false);
    if (isReady) setIsAdding(true);
  };

  return (
    <Flex vertical gap={12}>
      {session.recommendations.length === 0 ? (
        <Typography.Text type="secondary">{t('inspections.session.noRecommendations')}</Typography.Text>
      ) : (
        <List<Recommendation>
          dataSource={session.recommendations}
          renderItem={(item) => (
            <List.Item
              data-testid={`session-recommendation-${item.id}`}
              onClick={() => setOpenId(item.id)}
              style={{ cursor: 'pointer' }}
              extra={<RecommendationStateTag state={item.state} />}
            >
              <List.Item.Meta
                title={<span style={{ whiteSpace: 'pre-wrap', fontWeight: 'normal' }}>{item.text}</span>}
                description={`${item.unitName} · ${t('inspections.recommendation.deadline')}: ${formatDate(item.deadline)}`}
              />
            </List.Item>
          )}
        />
      )}
      {canAdd ? (
        <Button
          size="large"
          icon={<PlusOutlined />}
          data-testid="recommendation-add"
          loading={isPreparing}
          onClick={() => void add()}
          style={{ minHeight: 48, alignSelf: 'flex-start' }}
        >
          {t('inspections.recommendation.add')}
        </Button>
      ) : null}
      {isAdding ? <CreateRecommendationModal session={session} onClose={() => setIsAdding(false)} /> : null}
      <RecommendationDrawer id={openId} onClose={() => setOpenId(null)} />
    </Flex>
  );
}

interface RecommendationFormValues {
  text: string;
  unitCode: string;
  deadline: string;
  findingId?: string | null;
}

function CreateRecommendationModal({
  session,
  onClose,
}: {
  session: InspectionSession;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecommendationFormValues>();
  const create = useCreateRecommendation();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const known = useMemo(() => [{ code: session.unitCode, name: session.unitName }], [session]);

  const submit = (values: RecommendationFormValues) =>
    create.mutate(
      {
        sessionId: session.id,
        request: {
          text: values.text.trim(),
          unitCode: values.unitCode,
          deadline: values.deadline,
          findingId: values.findingId ?? null,
        },
        idempotencyKey,
      },
      {
        onSuccess: () => {
          void message.success(t('inspections.recommendation.created'));
          onClose();
        },
        onError: (error) =>
          setLeftOver(applyFieldErrors(form, error, ['text', 'unitCode', 'deadline', 'findingId'])),
      },
    );

  return (
    <Modal
      open
      width={640}
      title={t('inspections.recommendation.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('inspections.recommendation.create')}
      okButtonProps={{ 'data-testid': 'recommendation-submit', size: 'large' } as never}
      cancelButtonProps={{ size: 'large' }}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<RecommendationFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ unitCode: session.unitCode, deadline: defaultDeadline(session.heldOn) }}
      >
        <Form.Item
          name="text"
          label={t('inspections.recommendation.text')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea
            data-testid="recommendation-text"
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={3000}
          />
        </Form.Item>
        <Form.Item name="unitCode" label={t('inspections.recommendation.unit')} rules={[{ required: true }]}>
          <UnitSelect within={session.unitCode} known={known} data-testid="recommendation-unit" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('inspections.recommendation.deadline')}
          rules={[{ required: true }]}
        >
          <DateField data-testid="recommendation-deadline" allowClear={false} />
        </Form.Item>
        <Form.Item name="findingId" label={t('inspections.recommendation.finding')}>
          <Select
            allowClear
            data-testid="recommendation-finding"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('inspections.recommendation.noFinding')}
            options={session.findings.map((finding) => ({
              value: finding.id,
              label: `${findingSeverityLabels[finding.severity][language]}: ${finding.text}`,
            }))}
          />
        </Form.Item>
        {create.error ? <ErrorAlert error={create.error} extra={leftOver} /> : null}
      </Form>
    </Modal>
  );
}
