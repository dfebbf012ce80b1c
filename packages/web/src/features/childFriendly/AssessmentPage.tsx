import { ArrowLeftOutlined, ReloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { type CfAssessment, type CfCriterion, type CfCriterionScore, scoreAssessment } from '@tuoitho/domain';
import { Alert, App, Button, Card, Flex, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/dates';
import { describeError } from '../../lib/errors';
import { isApiError } from '../../lib/problem';
import { useLanguage } from '../children/ChildTags';
import { useCfAssessment, useRefreshCfAssessment, useSubmitCfAssessment, useUpdateCfAssessment } from './api';
import { CategoryText, CfStatusTag, DecisionText, UnverifiedTag } from './CfTags';
import {
  type CfDraft,
  draftOf,
  entriesOf,
  isDraftChanged,
  overridesWithoutReason,
  valuesToSave,
} from './cfForm';
import { IndicatorRow } from './IndicatorRow';
import { ReviewActions } from './ReviewActions';
import { MissingPanel, ScoreSummary } from './ScorePanel';

function CriterionCard({
  criterion,
  score,
  children,
}: {
  criterion: CfCriterion;
  score: CfCriterionScore | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const points = score?.points ?? 0;
  const state = points === 0 ? 'zero' : score?.met ? 'met' : 'notMet';
  const color = { zero: 'error', met: 'success', notMet: 'warning' }[state];
  return (
    <Card
      id={`cf-criterion-${criterion.number}`}
      size="small"
      data-testid={`cf-criterion-${criterion.number}`}
      data-met={score?.met ? 'true' : 'false'}
      title={
        <Flex gap={8} wrap align="center" style={{ whiteSpace: 'normal', padding: '6px 0' }}>
          <Typography.Text strong>
            {t('childFriendly.assessment.criterion', { number: criterion.number })}.{' '}
            {criterion.name[language]}
          </Typography.Text>
          {criterion.maxPointsVerified && criterion.passPointsVerified ? null : <UnverifiedTag />}
        </Flex>
      }
      extra={
        <Flex gap={6} align="center" wrap justify="flex-end">
          <Typography.Text strong data-testid={`cf-criterion-${criterion.number}-points`}>
            {t('childFriendly.assessment.points', { points, max: criterion.maxPoints })}
          </Typography.Text>
          <Tag color={color} style={{ marginInlineEnd: 0 }}>
            {t(`childFriendly.assessment.criterionState.${state}`, { pass: criterion.passPoints })}
          </Tag>
        </Flex>
      }
    >
      {children}
    </Card>
  );
}

function History({ assessment }: { assessment: CfAssessment }) {
  const { t } = useTranslation();
  if (assessment.history.length === 0) return null;
  return (
    <Card size="small" title={t('childFriendly.history.title')}>
      <Timeline
        data-testid="cf-history"
        items={[...assessment.history].reverse().map((event, index) => ({
          key: `${event.at}-${index}`,
          content: (
            <Flex vertical gap={2}>
              <Typography.Text strong>{t(`childFriendly.history.actions.${event.action}`)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(event.at)}
                {event.actorName ? ` · ${event.actorName}` : ''}
              </Typography.Text>
              {event.note ? <Typography.Text>{event.note}</Typography.Text> : null}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}

/** The form of one assessment; mounted per assessment so its draft starts from what is saved. */
function AssessmentForm({ assessment }: { assessment: CfAssessment }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const catalogue = assessment.catalogue;
  const [draft, setDraft] = useState<CfDraft>(() => draftOf(catalogue, assessment.values));
  const [saved, setSaved] = useState<CfDraft>(draft);
  const update = useUpdateCfAssessment();
  const refresh = useRefreshCfAssessment();
  const submit = useSubmitCfAssessment();
  const canEdit = assessment.canEdit;
  const isChanged = canEdit && isDraftChanged(catalogue, draft, saved);
  // Scored in the browser with the domain's own function, so the figures move as the commune types.
  const score = useMemo(
    () => scoreAssessment(catalogue, entriesOf(catalogue, draft, assessment.values), assessment.category),
    [catalogue, draft, assessment.values, assessment.category],
  );
  const valuesByCode = useMemo(
    () => new Map(assessment.values.map((value) => [value.code, value])),
    [assessment.values],
  );
  const isBusy = update.isPending || refresh.isPending || submit.isPending;

  const restart = (next: CfAssessment) => {
    const fresh = draftOf(next.catalogue, next.values);
    setDraft(fresh);
    setSaved(fresh);
  };

  /** Saves the form; resolves with the saved assessment (or the current one when nothing changed). */
  const save = async (): Promise<CfAssessment | null> => {
    const unexplained = overridesWithoutReason(catalogue, draft);
    if (unexplained.length > 0) {
      void message.error(t('childFriendly.assessment.overrideMissing', { codes: unexplained.join(', ') }));
      return null;
    }
    if (!isChanged) return assessment;
    try {
      const next = await update.mutateAsync({
        id: assessment.id,
        request: { version: assessment.version, values: valuesToSave(catalogue, draft) },
      });
      restart(next);
      return next;
    } catch (error) {
      void message.error(describeError(error, t));
      return null;
    }
  };

  const confirmSubmit = () =>
    void modal.confirm({
      title: t('childFriendly.assessment.submitTitle', { year: assessment.year }),
      content: score.passed
        ? t('childFriendly.assessment.submitText', { total: score.total })
        : t('childFriendly.assessment.submitNotPassed', { total: score.total, threshold: score.threshold }),
      okText: t('childFriendly.assessment.submit'),
      okButtonProps: { 'data-testid': 'cf-submit-confirm' } as never,
      cancelText: t('common.cancel'),
      onOk: async () => {
        const current = await save();
        if (!current) return;
        try {
          const next = await submit.mutateAsync({ id: current.id, version: current.version });
          restart(next);
          void message.success(t('childFriendly.assessment.submitted'));
        } catch (error) {
          void message.error(describeError(error, t));
        }
      },
    });

  const runRefresh = () =>
    refresh.mutate(
      { id: assessment.id, version: assessment.version },
      {
        // Only possible with nothing unsaved: the form restarts from the refreshed figures.
        onSuccess: (next) => {
          restart(next);
          void message.success(t('childFriendly.assessment.refreshed'));
        },
        onError: (error) => void message.error(describeError(error, t)),
      },
    );

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        {canEdit ? (
          <Button
            icon={<SaveOutlined />}
            onClick={() =>
              void save().then((next) => next && message.success(t('childFriendly.assessment.saved')))
            }
            loading={update.isPending}
            disabled={!isChanged || isBusy}
            data-testid="cf-save"
          >
            {t('childFriendly.assessment.save')}
          </Button>
        ) : null}
        {canEdit ? (
          <Button
            icon={<ReloadOutlined />}
            onClick={runRefresh}
            loading={refresh.isPending}
            disabled={isChanged || isBusy}
            title={isChanged ? t('childFriendly.assessment.saveFirst') : undefined}
            data-testid="cf-refresh"
          >
            {t('childFriendly.assessment.refresh')}
          </Button>
        ) : null}
        {assessment.canSubmit ? (
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={confirmSubmit}
            loading={submit.isPending}
            disabled={isBusy}
            data-testid="cf-submit"
          >
            {t('childFriendly.assessment.submit')}
          </Button>
        ) : null}
        <ReviewActions assessment={assessment} />
      </Flex>
      {isChanged ? <Alert type="info" showIcon title={t('childFriendly.assessment.unsaved')} /> : null}
      <ScoreSummary score={score} isLive={canEdit} />
      <MissingPanel score={score} catalogue={catalogue} />
      {catalogue.criteria.map((criterion) => {
        const criterionScore = score.criteria.find((c) => c.number === criterion.number);
        return (
          <CriterionCard key={criterion.number} criterion={criterion} score={criterionScore}>
            {criterion.indicators.map((indicator) => {
              const entry = draft[indicator.code];
              if (!entry) return null;
              return (
                <IndicatorRow
                  key={indicator.code}
                  assessmentId={assessment.id}
                  indicator={indicator}
                  saved={valuesByCode.get(indicator.code)}
                  entry={entry}
                  score={criterionScore?.indicators.find((i) => i.code === indicator.code)}
                  canEdit={canEdit}
                  onChange={(next) => setDraft((all) => ({ ...all, [indicator.code]: next }))}
                />
              );
            })}
          </CriterionCard>
        );
      })}
      <History assessment={assessment} />
    </Flex>
  );
}

/**
 * "Đánh giá xã, phường phù hợp với trẻ em" of one commune and year: each criterion's indicators
 * with the points they earn as they are entered, the total against the commune's threshold, what
 * is still missing, the workflow (submit; review, recognise or return) and the history.
 */
export default function AssessmentPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const assessment = useCfAssessment(id);

  if (assessment.isError) {
    const isMissing = isApiError(assessment.error) && [403, 404].includes(assessment.error.status);
    return isMissing ? (
      <Result
        status="404"
        title={t('childFriendly.assessment.notFound')}
        extra={<Button onClick={() => navigate('/child-friendly')}>{t('childFriendly.backToList')}</Button>}
      />
    ) : (
      <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
    );
  }
  if (!assessment.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const data = assessment.data;

  return (
    <>
      <PageHeader
        title={t('childFriendly.assessment.title', { unit: data.unitName, year: data.year })}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/child-friendly')}>
            {t('childFriendly.backToList')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Flex gap={8} align="center" wrap>
          <CfStatusTag status={data.status} testId="cf-status" />
          <Typography.Text type="secondary">
            <CategoryText category={data.category} />
          </Typography.Text>
          {data.decisionNumber ? (
            <Typography.Text>
              {t('childFriendly.fields.decision')}:{' '}
              <DecisionText number={data.decisionNumber} date={data.decisionDate} />
            </Typography.Text>
          ) : null}
          {data.submittedAt ? (
            <Typography.Text type="secondary">
              {t('childFriendly.assessment.submittedAt', { at: formatDateTime(data.submittedAt) })}
            </Typography.Text>
          ) : null}
        </Flex>
        {data.status === 'returned' && data.returnReason ? (
          <Alert
            type="warning"
            showIcon
            title={t('childFriendly.assessment.returnedTitle')}
            description={data.returnReason}
            data-testid="cf-return-reason-text"
          />
        ) : null}
        {data.reviewNote ? (
          <Alert
            type="info"
            showIcon
            title={t('childFriendly.assessment.reviewNote')}
            description={data.reviewNote}
          />
        ) : null}
        <AssessmentForm key={data.id} assessment={data} />
      </Flex>
    </>
  );
}
