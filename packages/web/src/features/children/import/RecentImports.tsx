import type { ChildImport } from '@tuoitho/domain';
import { Card, Empty, Flex, Grid, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/dates';
import { useRecentImports } from './api';
import { importStatusColors } from './importWizard';

function StatusTag({ childImport }: { childImport: ChildImport }) {
  const { t } = useTranslation();
  return (
    <Tag color={importStatusColors[childImport.status]} style={{ marginInlineEnd: 0 }}>
      {t(`childImport.status.${childImport.status}`)}
    </Tag>
  );
}

/** "120 dòng · 3 dòng lỗi" or "đã thêm 117 trẻ": what an import found or did. */
function ImportCounts({ childImport }: { childImport: ChildImport }) {
  const { t } = useTranslation();
  const summary = childImport.summary;
  if (!summary) return null;
  const parts = [t('childImport.recent.rows', { count: summary.rows })];
  if (childImport.status === 'committed')
    parts.push(t('childImport.recent.created', { count: summary.created }));
  else if (summary.invalid > 0) parts.push(t('childImport.recent.invalid', { count: summary.invalid }));
  return <span>{parts.join(' · ')}</span>;
}

const importLink = (childImport: ChildImport) => `/children/import/${childImport.id}`;

/**
 * "Các lần nhập gần đây": the imports of the user's units, so that an officer can come back to
 * an import still running or waiting to be written (after a reload, on another day).
 */
export function RecentImports({ currentId }: { currentId?: string | undefined }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const recent = useRecentImports();
  const items = recent.data ?? [];

  return (
    <Card size="small" title={t('childImport.recent.title')} data-testid="import-recent">
      {recent.isError ? <ErrorAlert error={recent.error} onRetry={() => void recent.refetch()} /> : null}
      {!screens.md ? (
        items.length === 0 ? (
          recent.isPending ? (
            <Card loading size="small" />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('childImport.recent.none')} />
          )
        ) : (
          <Flex vertical gap={8} role="list">
            {items.map((childImport) => (
              <Card
                key={childImport.id}
                size="small"
                role="listitem"
                style={childImport.id === currentId ? { borderColor: '#0b6a73' } : undefined}
              >
                <Flex justify="space-between" gap={8} align="flex-start">
                  <Link to={importLink(childImport)} style={{ minWidth: 0, wordBreak: 'break-word' }}>
                    {childImport.fileName}
                  </Link>
                  <StatusTag childImport={childImport} />
                </Flex>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {formatDateTime(childImport.createdAt)} · {childImport.unitName}
                </Typography.Text>
                <ImportCounts childImport={childImport} />
              </Card>
            ))}
          </Flex>
        )
      ) : (
        <Table<ChildImport>
          rowKey="id"
          size="small"
          dataSource={items}
          loading={recent.isPending}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('childImport.recent.none') }}
          columns={[
            {
              title: t('childImport.recent.time'),
              dataIndex: 'createdAt',
              width: 150,
              render: (createdAt: string) => formatDateTime(createdAt),
            },
            {
              title: t('childImport.recent.file'),
              key: 'file',
              render: (_value, childImport) => (
                <Link
                  to={importLink(childImport)}
                  style={{
                    wordBreak: 'break-word',
                    fontWeight: childImport.id === currentId ? 600 : undefined,
                  }}
                  aria-current={childImport.id === currentId ? 'page' : undefined}
                >
                  {childImport.fileName}
                </Link>
              ),
            },
            { title: t('childImport.recent.unit'), dataIndex: 'unitName', width: 200 },
            {
              title: t('childImport.recent.status'),
              key: 'status',
              width: 150,
              render: (_value, childImport) => <StatusTag childImport={childImport} />,
            },
            {
              title: t('childImport.recent.result'),
              key: 'result',
              width: 220,
              render: (_value, childImport) => <ImportCounts childImport={childImport} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
