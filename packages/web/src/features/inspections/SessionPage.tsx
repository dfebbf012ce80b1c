import { CheckCircleOutlined, FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import { type InspectionSession, scoreChecklist } from '@tuoitho/domain';
import { Alert, App, Button, Card, Flex, Input, Modal, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../lib/dates';
import { describeError } from '../../lib/errors';
import { useSession } from '../auth/api';
import {
  sessionReportUrl,
  useCompleteSession,
  useInspectionSession,
  useSaveSession,
  useUploadSessionEvidence,
} from './api';
import { ChecklistSection } from './ChecklistSection';
import { DateField } from './DateField';
import { EvidenceList } from './EvidenceList';
import { FindingsEditor } from './FindingsEditor';
import {
  answerValues,
  type DraftState,
  draftToRequest,
  findingsWithoutText,
  isDirty,
  type SessionDraft,
  syncDraft,
} from './inspectionText';
import { SessionRecommendations } from './SessionRecommendations';

/** Below this width the session is one column (a tablet held upright, a phone). */
const WIDE = '(min-width: 900px)';

function useIsWide(): boolean {
  const [isWide, setIsWide] = useState(() => window.matchMedia(WIDE).matches);
  useEffect(() => {
    const query = window.matchMedia(WIDE);
    const update = () => setIsWide(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return isWide;
}

/**
 * An inspection session in the field: the checklist with a live score and what is still missing,
 * the findings, the recommendations to the inspected unit, completion and the report. Built for
 * a tablet: large touch targets, one column when narrow, the save bar always at hand.
 */
export default function SessionPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const session = useInspectionSession(id);
  const save = useSaveSession();
  const complete = useCompleteSession();
  const upload = useUploadSessionEvidence();
  const isWide = useIsWide();
  const [state, setState] = useState<DraftState | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const dirty = isDirty(state);

  useEffect(() => {
    if (session.data) {
      const data = session.data;
      setState((current) => syncDraft(current, data));
    }
  }, [session.data]);

  // Leaving the page with unsaved answers asks first (a tablet's back gesture is easy to make).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (session.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (session.error) return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  if (!state) return null;
  const data = session.data;
  const { draft } = state;
  const isReadOnly =
    data.status === 'completed' || !data.canEdit || !user.permissions.includes('inspections.write');
  const score = scoreChecklist(data.questions, answerValues(draft.answers));
  const numberOf = (questionId: string) => data.questions.findIndex((q) => q.id === questionId) + 1;
  const withoutText = findingsWithoutText(draft.findings);
  const edit = (patch: Partial<SessionDraft>) =>
    setState((current) => (current ? { ...current, draft: { ...current.draft, ...patch } } : current));

  /** Saves the draft; the new version comes back. Null when it could not be saved. */
  const saveDraft = async (): Promise<InspectionSession | null> => {
    if (withoutText.length > 0) {
      setShowErrors(true);
      void message.error(t('inspections.session.findingNeedsText'));
      return null;
    }
    try {
      const saved = await save.mutateAsync({ id: data.id, request: draftToRequest(draft, state.version) });
      setState(syncDraft(null, saved));
      setShowErrors(false);
      return saved;
    } catch (error) {
      void message.error({ content: describeError(error, t), duration: 8 });
      return null;
    }
  };

  const onSave = async () => {
    if (!dirty || (await saveDraft())) void message.success(t('inspections.session.saved'));
  };

  const onComplete = async () => {
    const current = dirty ? await saveDraft() : data;
    if (!current) return;
    try {
      await complete.mutateAsync({ id: data.id, version: current.version });
      setIsConfirming(false);
      void message.success(t('inspections.session.completed'));
    } catch (error) {
      void message.error({ content: describeError(error, t), duration: 8 });
    }
  };

  const scoreText = t('inspections.session.scoreOf', { score: score.score, max: score.maxScore });
  const missingList =
    score.missing.length > 0 ? (
      <Flex gap={4} wrap data-testid="session-missing">
        {score.missing.map((questionId) => (
          <a key={questionId} href={`#question-${questionId}`}>
            <Tag color="orange" style={{ padding: '4px 8px', fontSize: 14 }}>
              {t('inspections.session.questionNumber', { number: numberOf(questionId) })}
            </Tag>
          </a>
        ))}
      </Flex>
    ) : (
      <Typography.Text type="success">{t('inspections.session.allAnswered')}</Typography.Text>
    );

  const scoreCard = (
    <Card
      size="small"
      title={t('inspections.session.score')}
      style={isWide ? { position: 'sticky', top: 16 } : undefined}
    >
      <Flex vertical gap={8}>
        <Typography.Text strong style={{ fontSize: 28 }} data-testid="session-score">
          {scoreText}
        </Typography.Text>
        {data.status === 'completed' && data.score !== null ? (
          <Typography.Text type="secondary">
            {t('inspections.session.savedScore', { score: data.score, max: data.maxScore ?? 0 })}
          </Typography.Text>
        ) : null}
        {isReadOnly ? null : (
          <>
            <Typography.Text type="secondary">{t('inspections.session.missing')}</Typography.Text>
            {missingList}
          </>
        )}
        {score.invalid.length > 0 ? (
          <Typography.Text type="danger">
            {t('inspections.session.invalidList', {
              list: score.invalid.map((item) => numberOf(item.questionId)).join(', '),
            })}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );

  const main: ReactNode = (
    <Flex vertical gap={16} style={{ minWidth: 0 }}>
      <Card size="small" title={t('inspections.session.checklist')}>
        <ChecklistSection
          sessionId={data.id}
          questions={data.questions}
          answers={draft.answers}
          evidence={data.evidence}
          missing={showErrors ? score.missing : []}
          invalid={score.invalid.map((item) => item.questionId)}
          isReadOnly={isReadOnly}
          onChange={(questionId, answer) => edit({ answers: { ...draft.answers, [questionId]: answer } })}
        />
      </Card>
      <Card size="small" title={t('inspections.session.findings')}>
        <FindingsEditor
          findings={draft.findings}
          questions={data.questions}
          withoutText={showErrors ? withoutText : []}
          isReadOnly={isReadOnly}
          onChange={(findings) => edit({ findings })}
        />
      </Card>
      <Card size="small" title={t('inspections.session.summaryTitle')}>
        <Flex vertical gap={12}>
          <div>
            <label htmlFor="session-summary">{t('inspections.session.summary')}</label>
            <Input.TextArea
              id="session-summary"
              data-testid="session-summary"
              disabled={isReadOnly}
              autoSize={{ minRows: 3, maxRows: 12 }}
              maxLength={10_000}
              value={draft.summary}
              onChange={(event) => edit({ summary: event.target.value })}
              style={{ fontSize: 16 }}
            />
          </div>
          <div>
            <label htmlFor="session-conclusion">{t('inspections.session.conclusion')}</label>
            <Input.TextArea
              id="session-conclusion"
              data-testid="session-conclusion"
              disabled={isReadOnly}
              autoSize={{ minRows: 3, maxRows: 12 }}
              maxLength={10_000}
              value={draft.conclusion}
              onChange={(event) => edit({ conclusion: event.target.value })}
              style={{ fontSize: 16 }}
            />
          </div>
          <div>
            <Typography.Text>{t('inspections.evidence.general')}</Typography.Text>
            <EvidenceList
              evidence={data.evidence.filter((item) => item.questionId === null)}
              canDelete={!isReadOnly}
              isUploading={upload.isPending}
              onUpload={
                isReadOnly
                  ? undefined
                  : (file) => upload.mutateAsync({ sessionId: data.id, questionId: null, file })
              }
              testId="evidence-general"
            />
          </div>
        </Flex>
      </Card>
      <Card size="small" title={t('inspections.session.recommendations')}>
        <SessionRecommendations
          session={data}
          canAdd={!isReadOnly}
          beforeAdd={async () => (dirty ? (await saveDraft()) !== null : true)}
        />
      </Card>
    </Flex>
  );

  return (
    <div style={{ paddingBottom: 8 }}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('inspections.session.title', { unit: data.unitName })}
          </Typography.Title>
          <Typography.Text type="secondary">
            <Link to={`/inspections/plans/${data.planId}`}>{data.planTitle}</Link>
          </Typography.Text>
        </div>
        <Flex gap={8} align="center" wrap>
          <Tag
            color={data.status === 'completed' ? 'green' : 'gold'}
            data-testid="session-status"
            style={{ fontSize: 14, padding: '4px 8px' }}
          >
            {t(`inspections.session.statuses.${data.status}`)}
          </Tag>
          {isReadOnly ? (
            <Typography.Text>{`${t('inspections.session.heldOn')}: ${formatDate(data.heldOn)}`}</Typography.Text>
          ) : (
            <Flex gap={8} align="center">
              <Typography.Text>{t('inspections.session.heldOn')}</Typography.Text>
              <DateField
                value={draft.heldOn}
                onChange={(heldOn) => heldOn && edit({ heldOn })}
                allowClear={false}
                notAfterToday
                aria-label={t('inspections.session.heldOn')}
                style={{ width: 160 }}
              />
            </Flex>
          )}
        </Flex>
      </Flex>
      {data.completedAt ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('inspections.session.completedAt', { at: formatDateTime(data.completedAt) })}
        />
      ) : null}
      {isWide ? (
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'minmax(0, 1fr) 300px',
            gap: 16,
            alignItems: 'start',
          }}
        >
          {main}
          {scoreCard}
        </div>
      ) : (
        <Flex vertical gap={16}>
          {scoreCard}
          {main}
        </Flex>
      )}
      <Card
        size="small"
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 10,
          marginTop: 16,
          boxShadow: '0 -2px 8px rgba(0,0,0,0.08)',
        }}
        data-testid="session-bar"
      >
        <Flex gap={8} wrap align="center" justify="space-between">
          <Flex gap={12} align="center" wrap>
            <Typography.Text strong style={{ fontSize: 18 }}>
              {scoreText}
            </Typography.Text>
            {!isReadOnly && score.missing.length > 0 ? (
              <Typography.Text type="warning">
                {t('inspections.session.missingCount', { count: score.missing.length })}
              </Typography.Text>
            ) : null}
            {dirty ? (
              <Typography.Text type="secondary">{t('inspections.session.unsaved')}</Typography.Text>
            ) : null}
          </Flex>
          <Flex gap={8} wrap>
            <Button
              size="large"
              icon={<FileWordOutlined />}
              href={sessionReportUrl(data.id)}
              download
              data-testid="session-report"
              style={{ minHeight: 48 }}
            >
              {t('inspections.session.report')}
            </Button>
            {isReadOnly ? null : (
              <>
                <Button
                  size="large"
                  icon={<SaveOutlined />}
                  loading={save.isPending}
                  onClick={() => void onSave()}
                  data-testid="session-save"
                  style={{ minHeight: 48 }}
                >
                  {t('inspections.session.save')}
                </Button>
                <Button
                  size="large"
                  type="primary"
                  icon={<CheckCircleOutlined />}
                  onClick={() => {
                    setShowErrors(true);
                    setIsConfirming(true);
                  }}
                  data-testid="session-complete"
                  style={{ minHeight: 48 }}
                >
                  {t('inspections.session.complete')}
                </Button>
              </>
            )}
          </Flex>
        </Flex>
      </Card>
      {isConfirming ? (
        <Modal
          open
          title={t('inspections.session.completeTitle')}
          onCancel={() => setIsConfirming(false)}
          onOk={() => void onComplete()}
          okText={t('inspections.session.completeConfirm')}
          okButtonProps={
            {
              'data-testid': 'session-complete-confirm',
              size: 'large',
              disabled: score.missing.length > 0 || score.invalid.length > 0,
            } as never
          }
          cancelButtonProps={{ size: 'large' }}
          cancelText={t('common.cancel')}
          confirmLoading={save.isPending || complete.isPending}
        >
          <Flex vertical gap={8}>
            <Typography.Text>{t('inspections.session.completeText')}</Typography.Text>
            <Typography.Text strong>{scoreText}</Typography.Text>
            {score.missing.length > 0 ? (
              <>
                <Typography.Text type="danger">{t('inspections.session.completeMissing')}</Typography.Text>
                {missingList}
              </>
            ) : null}
          </Flex>
        </Modal>
      ) : null}
    </div>
  );
}
