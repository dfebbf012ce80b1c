import type { Job } from '@tuoitho/domain';
import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { importStageOf, jobPercent } from './importWizard';

/**
 * The progress of an analysis or a commit: a bar (moving without a number while the total is
 * unknown), the stage in words and the rows done. Screen readers hear the stage change.
 */
export function ImportProgress({ job }: { job: Job | null }) {
  const { t } = useTranslation();
  const percent = jobPercent(job);
  const stage = importStageOf(job);
  const total = job?.progress.total;
  return (
    <Flex vertical gap={8} style={{ padding: '24px 0' }} data-testid="import-progress">
      <Typography.Text strong aria-live="polite">
        {t(`childImport.progress.${stage}`)}
      </Typography.Text>
      <Progress
        percent={percent ?? 100}
        status="active"
        showInfo={percent !== undefined}
        aria-label={t('childImport.progress.label')}
      />
      {job && total ? (
        <Typography.Text type="secondary">
          {t('childImport.progress.counter', { done: Math.min(job.progress.done, total), total })}
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('childImport.progress.leaveHint')}
      </Typography.Text>
    </Flex>
  );
}
