import { ArrowLeftOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { ChildImport } from '@tuoitho/domain';
import { Button, Card, Flex, Grid, Result, Spin, Steps, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ForbiddenPage } from '../../../app/StatusPages';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/dates';
import { isApiError } from '../../../lib/problem';
import { useSession } from '../../auth/api';
import { useLanguage } from '../ChildTags';
import { importKeys, useChildImport } from './api';
import { ImportChooseStep } from './ImportChooseStep';
import { ImportPreview } from './ImportPreview';
import { ImportProgress } from './ImportProgress';
import { ImportSummaryCards } from './ImportSummary';
import { formatFileSize, isImportBusy, WizardStep, wizardStepOf } from './importWizard';
import { RecentImports } from './RecentImports';

const START = '/children/import';

/** The wizard's steps; the current one is "error" when the import failed. */
function WizardSteps({ current, failed }: { current: WizardStep; failed: boolean }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Steps
      current={current}
      status={failed ? 'error' : current === WizardStep.Done ? 'finish' : undefined}
      size={screens.md ? 'medium' : 'small'}
      responsive={false}
      titlePlacement={screens.md ? 'horizontal' : 'vertical'}
      style={{ marginBottom: 24 }}
      items={(['choose', 'check', 'write', 'done'] as const).map((step) => ({
        key: step,
        title: t(`childImport.steps.${step}`),
      }))}
    />
  );
}

/** File name, size, commune and time of an import, above its step. */
function ImportFileLine({ childImport }: { childImport: ChildImport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Flex gap={8} align="baseline" wrap style={{ marginBottom: 16 }}>
      <FileExcelOutlined aria-hidden style={{ color: '#1d6f42' }} />
      <Typography.Text strong style={{ wordBreak: 'break-word' }} data-testid="import-file-name">
        {t('childImport.file.info', {
          fileName: childImport.fileName,
          size: formatFileSize(childImport.fileSize, language),
          unit: childImport.unitName,
        })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('childImport.file.uploadedAt', { time: formatDateTime(childImport.createdAt) })}
      </Typography.Text>
    </Flex>
  );
}

/** Step 4: what the commit did, and where to go next. */
function ImportDone({ childImport }: { childImport: ChildImport }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summary = childImport.summary;
  const listLink = `/children?${new URLSearchParams({ unit: childImport.unitCode, sort: '-createdAt' }).toString()}`;
  return (
    <Result
      status="success"
      title={t('childImport.done.title')}
      subTitle={t('childImport.done.text', {
        created: summary?.created ?? 0,
        skipped: summary?.skipped ?? 0,
        unit: childImport.unitName,
      })}
      extra={
        <Flex vertical gap={16} align="center" data-testid="import-done">
          {summary ? (
            <div style={{ width: '100%', maxWidth: 640, textAlign: 'start' }}>
              <ImportSummaryCards summary={summary} keys={['rows', 'created', 'skipped']} isCompact />
            </div>
          ) : null}
          <Flex gap={8} wrap justify="center">
            <Button type="primary" onClick={() => navigate(listLink)}>
              {t('childImport.done.viewList')}
            </Button>
            <Button onClick={() => navigate(START)}>{t('childImport.done.again')}</Button>
          </Flex>
        </Flex>
      }
    />
  );
}

/** The step of an existing import: progress while a job runs, then the preview or the outcome. */
function ImportAt({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useChildImport(id);
  const childImport = query.data;
  const status = childImport?.status;
  useEffect(() => {
    if (!status) return;
    // The recent imports show this import's status; once written, the children lists are out of date.
    void queryClient.invalidateQueries({ queryKey: importKeys.recent });
    if (status === 'committed') void queryClient.invalidateQueries({ queryKey: ['children', 'list'] });
  }, [status, queryClient]);

  if (query.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (!childImport) {
    // 400: not an import id at all (a mistyped link); 403/404: not one of the user's imports.
    const isMissing = isApiError(query.error) && [400, 403, 404].includes(query.error.status);
    return isMissing ? (
      <Result
        status="404"
        title={t('childImport.notFound')}
        extra={
          <Button type="primary" onClick={() => navigate(START)}>
            {t('childImport.done.again')}
          </Button>
        }
      />
    ) : (
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
    );
  }

  const step = wizardStepOf(childImport);
  const isFailed = childImport.status === 'failed';
  const otherFile = () => navigate(START);
  let content: ReactNode;
  if (isImportBusy(childImport)) {
    content = <ImportProgress job={childImport.job} />;
  } else if (isFailed) {
    content = (
      <Result
        status="error"
        title={t(step === WizardStep.Write ? 'childImport.failed.commit' : 'childImport.failed.analyse')}
        subTitle={[
          childImport.job?.error?.message,
          step === WizardStep.Write ? t('childImport.failed.commitText') : null,
        ]
          .filter(Boolean)
          .join(' ')}
        extra={
          <Button type="primary" onClick={otherFile}>
            {t('childImport.commit.otherFile')}
          </Button>
        }
      />
    );
  } else if (childImport.status === 'discarded') {
    content = (
      <Result
        status="info"
        title={t('childImport.discarded')}
        extra={
          <Button type="primary" onClick={otherFile}>
            {t('childImport.done.again')}
          </Button>
        }
      />
    );
  } else if (step === WizardStep.Done) {
    content = <ImportDone childImport={childImport} />;
  } else {
    content = <ImportPreview childImport={childImport} onOtherFile={otherFile} />;
  }

  return (
    <>
      <WizardSteps current={step} failed={isFailed} />
      <ImportFileLine childImport={childImport} />
      {query.isError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        </div>
      ) : null}
      {content}
    </>
  );
}

/**
 * "Nhập danh sách trẻ em từ Excel": choose the commune and the file, see the dry run (errors per
 * row and column, possible duplicates), write all rows or none, see the outcome. `/children/import/:id`
 * resumes an import after a reload; the recent imports are listed below the wizard.
 */
export default function ChildImportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  if (!user.permissions.includes('registry.write')) return <ForbiddenPage />;

  return (
    <>
      <PageHeader
        title={t('childImport.title')}
        intro={t('childImport.intro')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/children')}>
            {t('children.title')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          {id ? (
            <ImportAt key={id} id={id} />
          ) : (
            <>
              <WizardSteps current={WizardStep.Choose} failed={false} />
              <ImportChooseStep onUploaded={(childImport) => navigate(`${START}/${childImport.id}`)} />
            </>
          )}
        </Card>
        <RecentImports currentId={id} />
      </Flex>
    </>
  );
}
