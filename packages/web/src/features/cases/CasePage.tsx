import { ArrowLeftOutlined, EyeOutlined, LockOutlined } from '@ant-design/icons';
import type { Case } from '@tuoitho/domain';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Spin,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, todayInVietnam } from '../../lib/dates';
import { isApiError } from '../../lib/problem';
import { useLanguage } from '../children/ChildTags';
import { useUnit } from '../units/api';
import { useCase } from './api';
import { CaseStatusTag, concernsText, UrgencyTag } from './CaseTags';
import { extraCaseTabs } from './caseTabs';
import { protectionLevelName } from './caseText';
import { CaseActionPanel } from './parts/CaseActionPanel';
import { CaseClocksPanel } from './parts/CaseClocksPanel';
import { CaseDocumentsTab } from './parts/CaseDocumentsTab';
import { CaseMembersTab } from './parts/CaseMembersTab';
import { CasePlanTab } from './parts/CasePlanTab';
import { CaseTimeline } from './parts/CaseTimeline';

const READ_REASON_MIN = 10;

/** A province officer gives a reason (kept in the read log) before reading the content. */
function ReadReasonModal({ onRead, onClose }: { onRead: (reason: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t('cases.content.reasonTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cases.content.read')}
      okButtonProps={{ 'data-testid': 'case-read-reason-submit' } as never}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('cases.content.reasonIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={({ reason }) => onRead(reason.trim())}>
        <Form.Item
          name="reason"
          label={t('cases.content.reason')}
          rules={[
            { required: true, whitespace: true, message: t('cases.content.reasonRequired') },
            {
              validator: (_rule, value: string | undefined) =>
                (value ?? '').trim().length >= READ_REASON_MIN
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('cases.content.reasonTooShort', { count: READ_REASON_MIN }))),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus data-testid="case-read-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The confidential narrative: shown to those who may read it, or after a reason is given. */
function CaseContentCard({ caseData, onReadWithReason }: { caseData: Case; onReadWithReason: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <span>
          <LockOutlined aria-hidden /> {t('cases.content.title')}
        </span>
      }
      data-testid="case-content"
    >
      {caseData.canReadContent && caseData.summary !== null ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'summary',
              label: t('cases.fields.summary'),
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{caseData.summary}</span>,
            },
            {
              key: 'reporter',
              label: t('cases.fields.reporter'),
              children: caseData.reporter ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
          ]}
        />
      ) : caseData.canReadWithReason ? (
        <Flex vertical gap={8} align="flex-start">
          <Typography.Text type="secondary">{t('cases.content.needsReason')}</Typography.Text>
          <Button icon={<EyeOutlined />} onClick={onReadWithReason} data-testid="case-read-content">
            {t('cases.content.readButton')}
          </Button>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('cases.content.hidden')}</Typography.Text>
      )}
    </Card>
  );
}

function CaseHeader({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-number" className="tt-mono">
          {caseData.number}
        </Typography.Title>
        <CaseStatusTag status={caseData.status} />
        <UrgencyTag urgency={caseData.urgency} />
      </Flex>
      <Descriptions
        size="small"
        style={{ marginTop: 8 }}
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'child',
            label: t('cases.fields.child'),
            children: (
              <Link to={`/children/${caseData.child.id}`} data-testid="case-child-link">
                {caseData.child.fullName}
              </Link>
            ),
          },
          { key: 'commune', label: t('cases.fields.commune'), children: caseData.unitName },
          {
            key: 'protectionLevel',
            label: t('cases.fields.protectionLevel'),
            children: protectionLevelName(caseData.protectionLevel, language) || t('cases.notAssessed'),
          },
          {
            key: 'assignee',
            label: t('cases.fields.assignee'),
            children: caseData.assignee?.name ?? t('cases.unassigned'),
          },
          {
            key: 'concerns',
            label: t('cases.fields.concerns'),
            children: concernsText(caseData.concerns, language),
          },
          {
            key: 'receivedAt',
            label: t('cases.fields.receivedAt'),
            children: formatDateTime(caseData.receivedAt),
          },
        ]}
      />
      {caseData.status === 'closed' && caseData.process?.closure ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={t('cases.closedOn', {
            at: formatDateTime(caseData.process.closure.at),
            reason: t(`cases.closeReason.${caseData.process.closure.reason}`),
          })}
        />
      ) : null}
    </>
  );
}

const tabKeys = ['process', 'plan', 'documents', 'members'];

/** One case: header, deadlines, history, content, and the process, plan, documents, members tabs. */
export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [readReason, setReadReason] = useState<string | undefined>();
  const [isReasonOpen, setIsReasonOpen] = useState(false);
  const query = useCase(id, readReason);
  const [searchParams, setSearchParams] = useSearchParams();
  const caseData = query.data;
  // The users of the case's commune (assigning, members) are listed by unit id.
  const unit = useUnit(caseData?.unitCode, todayInVietnam());
  const unitId = unit.data?.id;

  const back = (
    <Link to="/cases" style={{ display: 'inline-block', marginBottom: 8 }}>
      <ArrowLeftOutlined aria-hidden /> {t('cases.backToList')}
    </Link>
  );
  if (query.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (query.isError || !caseData) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <Result status="404" title={t('cases.notFound')} subTitle={t('cases.notFoundText')} extra={back} />
      );
    }
    return (
      <>
        {back}
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const reload = () => void query.refetch();
  const tabs = [
    {
      key: 'process',
      label: t('cases.tabs.process'),
      children: <CaseActionPanel caseData={caseData} unitId={unitId} onReload={reload} />,
    },
    { key: 'plan', label: t('cases.tabs.plan'), children: <CasePlanTab caseData={caseData} /> },
    {
      key: 'documents',
      label: t('cases.tabs.documents'),
      children: <CaseDocumentsTab caseData={caseData} />,
    },
    {
      key: 'members',
      label: t('cases.tabs.members'),
      children: <CaseMembersTab caseData={caseData} unitId={unitId} />,
    },
    // The people, referrals and placements tabs (CasePeopleTab, CaseReferralsTab,
    // CasePlacementsTab from './parts/…') are registered in `extraCaseTabs` (caseTabs.tsx).
    ...extraCaseTabs.map((tab) => ({
      key: tab.key,
      label: t(tab.labelKey),
      children: tab.render({ caseData, readReason }),
    })),
  ];
  const tabParam = searchParams.get('tab') ?? 'process';
  const activeTab = [...tabKeys, ...extraCaseTabs.map((tab) => tab.key)].includes(tabParam)
    ? tabParam
    : 'process';

  return (
    <>
      {back}
      <Card style={{ marginBottom: 16 }}>
        <CaseHeader caseData={caseData} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <CaseContentCard caseData={caseData} onReadWithReason={() => setIsReasonOpen(true)} />
            <Card>
              <Tabs
                activeKey={activeTab}
                onChange={(key) => {
                  const next = new URLSearchParams(searchParams);
                  next.set('tab', key);
                  setSearchParams(next, { replace: true });
                }}
                items={tabs}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <CaseClocksPanel deadlines={caseData.deadlines} />
            <CaseTimeline
              caseId={caseData.id}
              canRead={caseData.canReadContent && caseData.process !== null}
              readReason={readReason}
              measureNames={
                new Map(
                  (caseData.process?.plans ?? []).flatMap((plan) =>
                    plan.measures.map((measure) => [measure.id, measure.description] as const),
                  ),
                )
              }
            />
          </Flex>
        </Col>
      </Row>
      {isReasonOpen ? (
        <ReadReasonModal
          onClose={() => setIsReasonOpen(false)}
          onRead={(reason) => {
            setReadReason(reason);
            setIsReasonOpen(false);
          }}
        />
      ) : null}
    </>
  );
}
