import { DownloadOutlined } from '@ant-design/icons';
import { type ChildImportIssue, type ImportIssueSeverity, importFieldLabels } from '@tuoitho/domain';
import { Button, Card, Empty, Flex, Grid, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLanguage } from '../ChildTags';
import { labelOf } from '../childText';
import { importReportUrl, useImportIssues } from './api';

type IssueFilter = 'all' | ImportIssueSeverity;

const severityColors: Record<ImportIssueSeverity, string> = { error: 'red', warning: 'gold' };

/** The column of an issue as the file names it, the field's own name otherwise, or "Cả dòng". */
function useColumnLabel() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (issue: ChildImportIssue) =>
    issue.column ||
    (issue.field ? labelOf(importFieldLabels, issue.field, language) : t('childImport.issues.wholeRow'));
}

function SeverityTag({ severity }: { severity: ImportIssueSeverity }) {
  const { t } = useTranslation();
  return (
    <Tag color={severityColors[severity]} style={{ marginInlineEnd: 0 }}>
      {t(severity === 'error' ? 'childImport.issues.errors' : 'childImport.issues.warnings')}
    </Tag>
  );
}

function IssueValue({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (value === null || value === '') {
    return <Typography.Text type="secondary">{t('childImport.issues.emptyValue')}</Typography.Text>;
  }
  return (
    <Typography.Text code style={{ wordBreak: 'break-word' }}>
      {value}
    </Typography.Text>
  );
}

/**
 * The problems of the dry run, row by row and column by column, in the officer's language, with
 * a filter on errors or warnings and the download of the report with the bad cells marked.
 */
export function ImportIssuesCard({ importId, hasIssues }: { importId: string; hasIssues: boolean }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const columnLabel = useColumnLabel();
  const [filter, setFilter] = useState<IssueFilter>('all');
  // The server filters, so that the total and the pages are those of the chosen kind.
  const issues = useImportIssues(importId, filter === 'all' ? undefined : filter, hasIssues);
  const loaded = useMemo(() => issues.data?.pages.flatMap((page) => page.items) ?? [], [issues.data]);
  const total = issues.data?.pages[0]?.total ?? 0;

  const columns: ColumnsType<ChildImportIssue> = isPhone
    ? [
        { title: t('childImport.issues.row'), dataIndex: 'row', width: 64 },
        {
          title: t('childImport.issues.message'),
          key: 'message',
          render: (_value, issue) => (
            <Flex vertical gap={2}>
              <Flex gap={6} wrap align="center">
                <SeverityTag severity={issue.severity} />
                <Typography.Text strong>{columnLabel(issue)}</Typography.Text>
              </Flex>
              <span>{issue.message}</span>
              <IssueValue value={issue.value} />
            </Flex>
          ),
        },
      ]
    : [
        { title: t('childImport.issues.row'), dataIndex: 'row', width: 72, sorter: (a, b) => a.row - b.row },
        {
          title: t('childImport.issues.severity'),
          dataIndex: 'severity',
          width: 100,
          render: (severity: ImportIssueSeverity) => <SeverityTag severity={severity} />,
        },
        {
          title: t('childImport.issues.column'),
          key: 'column',
          width: 190,
          render: (_value, issue) => columnLabel(issue),
        },
        {
          title: t('childImport.issues.value'),
          dataIndex: 'value',
          width: 200,
          render: (value: string | null) => <IssueValue value={value} />,
        },
        { title: t('childImport.issues.message'), dataIndex: 'message' },
      ];

  return (
    <Card
      size="small"
      title={t('childImport.issues.title')}
      extra={
        hasIssues ? (
          <Button
            icon={<DownloadOutlined />}
            href={importReportUrl(importId)}
            download
            data-testid="import-report"
          >
            {t('childImport.issues.report')}
          </Button>
        ) : null
      }
      data-testid="import-issues"
    >
      {!hasIssues ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('childImport.issues.none')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('childImport.issues.reportHint')}</Typography.Paragraph>
          {issues.isError ? <ErrorAlert error={issues.error} onRetry={() => void issues.refetch()} /> : null}
          <Segmented<IssueFilter>
            aria-label={t('childImport.issues.filter')}
            value={filter}
            onChange={setFilter}
            style={{ marginBottom: 12 }}
            options={[
              { value: 'all', label: t('childImport.issues.all') },
              { value: 'error', label: t('childImport.issues.errors') },
              { value: 'warning', label: t('childImport.issues.warnings') },
            ]}
          />
          <Table<ChildImportIssue>
            rowKey={(issue) => `${issue.row}:${issue.field ?? issue.column ?? ''}:${issue.code}`}
            size="small"
            columns={columns}
            dataSource={loaded}
            loading={issues.isPending || issues.isPlaceholderData}
            pagination={{
              defaultPageSize: 10,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              hideOnSinglePage: true,
            }}
            scroll={isPhone ? undefined : { x: 760 }}
            locale={{ emptyText: t('childImport.issues.noneOfKind') }}
          />
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">
              {t('childImport.issues.loaded', { count: loaded.length, total })}
            </Typography.Text>
            {issues.hasNextPage ? (
              <Button onClick={() => void issues.fetchNextPage()} loading={issues.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            ) : null}
          </Flex>
        </>
      )}
    </Card>
  );
}
