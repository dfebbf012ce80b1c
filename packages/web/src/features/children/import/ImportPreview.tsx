import { CheckOutlined, DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ChildImport, ImportDecision } from '@tuoitho/domain';
import { Alert, App, Button, Card, Col, Flex, Popconfirm, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { importReportUrl, useCommitImport, useDiscardImport, useImportDuplicates } from './api';
import { ImportDuplicatesCard } from './ImportDuplicates';
import { ImportIssuesCard } from './ImportIssues';
import { ImportColumnsCard, ImportSummaryCards } from './ImportSummary';
import {
  buildCommitRequest,
  commitBlocker,
  commitOutcome,
  importProblemOf,
  initialDecisions,
  undecidedRows,
} from './importWizard';

interface ImportPreviewProps {
  childImport: ChildImport;
  /** "Tải tệp khác": back to the first step (this import stays in the recent list). */
  onOtherFile: () => void;
}

/**
 * Step 2, once the dry run is over: the counts, how the columns were understood, the problems
 * row by row, the possible duplicates to decide, and the commit, refused while the file has errors.
 */
export function ImportPreview({ childImport, onOtherFile }: ImportPreviewProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const summary = childImport.summary;
  const isAnalysed = childImport.status === 'analysed';
  const hasDuplicates = (summary?.duplicates ?? 0) > 0;
  const duplicates = useImportDuplicates(childImport.id, isAnalysed && hasDuplicates);
  const duplicateRows = hasDuplicates ? duplicates.data : [];
  const [decisions, setDecisions] = useState<Map<number, ImportDecision>>(new Map());
  useEffect(() => {
    // Read again (after a refused commit), the list keeps the choices already made on this page.
    const listed = duplicates.data;
    if (listed) setDecisions((current) => new Map([...initialDecisions(listed), ...current]));
  }, [duplicates.data]);
  const commit = useCommitImport();
  const discard = useDiscardImport();
  const blocker = commitBlocker(childImport, duplicateRows, decisions);
  const outcome = commitOutcome(childImport, duplicateRows ?? [], decisions);
  const commitProblem = importProblemOf(commit.error);

  if (!summary) return null;
  const hasIssues = summary.invalid + summary.warnings > 0;

  const confirmCommit = () => {
    if (blocker || !duplicateRows) return;
    modal.confirm({
      title: t('childImport.commit.confirmTitle'),
      content: t('childImport.commit.confirmText', { create: outcome.create, unit: childImport.unitName }),
      okText: t('childImport.commit.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        commit
          .mutateAsync({ id: childImport.id, request: buildCommitRequest(duplicateRows, decisions) })
          .catch(() => {
            // Shown by the alert above the commit button.
          }),
    });
  };

  const discardImport = () =>
    discard.mutate(childImport.id, {
      onSuccess: () => {
        void message.success(t('childImport.commit.discarded'));
        onOtherFile();
      },
    });

  return (
    <Flex vertical gap={16} data-testid="import-preview">
      <ImportSummaryCards
        summary={summary}
        keys={['rows', 'valid', 'invalid', 'warnings', 'duplicates', 'alreadyImported']}
      />
      {summary.invalid > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="import-has-errors"
          title={t('childImport.commit.hasErrorsTitle', { count: summary.invalid })}
          description={
            <>
              <div>{t('childImport.commit.hasErrorsText')}</div>
              <Flex gap={8} wrap style={{ marginTop: 8 }}>
                <Button icon={<DownloadOutlined />} href={importReportUrl(childImport.id)} download>
                  {t('childImport.issues.report')}
                </Button>
                <Button icon={<UploadOutlined />} onClick={onOtherFile}>
                  {t('childImport.commit.otherFile')}
                </Button>
              </Flex>
            </>
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          <ImportIssuesCard importId={childImport.id} hasIssues={hasIssues} />
        </Col>
        <Col xs={24} xxl={8}>
          {childImport.columns ? <ImportColumnsCard columns={childImport.columns} /> : null}
        </Col>
      </Row>
      {hasDuplicates ? (
        duplicates.isError ? (
          <ErrorAlert error={duplicates.error} onRetry={() => void duplicates.refetch()} />
        ) : duplicates.data ? (
          <ImportDuplicatesCard
            duplicates={duplicates.data}
            decisions={decisions}
            onChange={setDecisions}
            disabled={!isAnalysed || summary.invalid > 0}
          />
        ) : (
          <Card size="small" loading />
        )
      ) : null}
      {isAnalysed ? (
        <Card size="small" data-testid="import-commit">
          <Flex vertical gap={12}>
            {commit.isError ? (
              <ErrorAlert
                error={commit.error}
                title={
                  commitProblem === 'hasErrors' ||
                  commitProblem === 'undecided' ||
                  commitProblem === 'notAnalysed'
                    ? t(`childImport.problems.${commitProblem}`)
                    : undefined
                }
              />
            ) : null}
            <CommitExplanation
              blocker={blocker}
              outcome={outcome}
              undecided={undecidedRows(duplicateRows ?? [], decisions).length}
              warnings={summary.warnings}
            />
            <Flex gap={8} wrap>
              <Button
                type="primary"
                size="large"
                icon={<CheckOutlined />}
                disabled={blocker !== undefined}
                loading={commit.isPending}
                onClick={confirmCommit}
                data-testid="import-commit-button"
              >
                {t('childImport.commit.button')}
              </Button>
              <Button size="large" icon={<UploadOutlined />} onClick={onOtherFile}>
                {t('childImport.commit.otherFile')}
              </Button>
              <Popconfirm
                title={t('childImport.commit.discardConfirm')}
                okText={t('childImport.commit.discard')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={discardImport}
              >
                <Button size="large" type="text" danger icon={<DeleteOutlined />} loading={discard.isPending}>
                  {t('childImport.commit.discard')}
                </Button>
              </Popconfirm>
            </Flex>
            {discard.isError ? <ErrorAlert error={discard.error} /> : null}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}

/** Why the commit button is disabled, or what committing will do. */
function CommitExplanation({
  blocker,
  outcome,
  undecided,
  warnings,
}: {
  blocker: ReturnType<typeof commitBlocker>;
  outcome: { create: number; skip: number };
  undecided: number;
  warnings: number;
}) {
  const { t } = useTranslation();
  if (blocker === 'hasErrors') {
    return (
      <Typography.Text type="danger" data-testid="import-commit-blocked">
        {t('childImport.commit.hasErrorsText')}
      </Typography.Text>
    );
  }
  if (blocker === 'undecided') {
    return (
      <Typography.Text type="warning" data-testid="import-commit-blocked">
        {t('childImport.commit.undecided', { count: undecided })}
      </Typography.Text>
    );
  }
  if (blocker) return null;
  return (
    <Flex vertical gap={4}>
      <Typography.Text>
        {outcome.create === 0
          ? t('childImport.commit.nothingNew')
          : t('childImport.commit.ready', { create: outcome.create })}
      </Typography.Text>
      {warnings > 0 ? (
        <Typography.Text type="secondary">
          {t('childImport.commit.warnings', { count: warnings })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
