import type { AuditEntry } from '@tuoitho/domain';
import { Button, Card, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/dates';
import { type AuditFilters, formatDiff, useAuditLog } from './api';

const entityTypes = ['user', 'role', 'unit', 'session'];

function DiffView({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const text = formatDiff(entry.diff);
  return (
    <Flex vertical gap={4}>
      {entry.requestId ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('audit.requestId')}: <span className="tt-mono">{entry.requestId}</span>
        </Typography.Text>
      ) : null}
      {text ? (
        <pre className="tt-diff">{text}</pre>
      ) : (
        <Typography.Text type="secondary">{t('audit.noDiff')}</Typography.Text>
      )}
    </Flex>
  );
}

/** "Nhật ký hệ thống": who did what and when, with the recorded change of each row. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>({});
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);

  // Known codes get a readable label; a new code still shows as itself.
  const actionLabel = (action: string) =>
    t(`audit.actions.${action.replaceAll('.', '_')}`, { defaultValue: action });
  const entityLabel = (type: string) => t(`audit.entities.${type}`, { defaultValue: type });

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'occurredAt',
      width: 170,
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value, true)}</span>,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorUsername',
      width: 150,
      render: (value: string | null) =>
        value ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 230,
      render: (value: string) => (
        <Flex vertical align="flex-start">
          <span>{actionLabel(value)}</span>
          <Typography.Text type="secondary" className="tt-mono" style={{ fontSize: 11 }}>
            {value}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_value, entry) => (
        <span>
          {entityLabel(entry.entityType)}
          {entry.entityId ? (
            <Typography.Text type="secondary" className="tt-mono" style={{ fontSize: 12 }}>
              {` ${entry.entityId}`}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (value: string | null) => value ?? '' },
  ];

  const apply = () =>
    setFilters({
      entityType: draft.entityType?.trim() || undefined,
      entityId: draft.entityId?.trim() || undefined,
    });

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <Card>
        <Flex
          component="form"
          gap={8}
          wrap
          style={{ marginBottom: 16 }}
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          <Select<string>
            aria-label={t('audit.entityType')}
            placeholder={t('audit.allEntities')}
            allowClear
            value={draft.entityType}
            onChange={(entityType) => setDraft((current) => ({ ...current, entityType }))}
            options={entityTypes.map((type) => ({ value: type, label: entityLabel(type) }))}
            style={{ flex: '1 1 180px', maxWidth: 240 }}
          />
          <Input
            aria-label={t('audit.entityId')}
            placeholder={t('audit.entityId')}
            allowClear
            value={draft.entityId}
            onChange={(event) => setDraft((current) => ({ ...current, entityId: event.target.value }))}
            style={{ flex: '1 1 180px', maxWidth: 320 }}
          />
          <Button htmlType="submit">{t('audit.filter')}</Button>
        </Flex>
        {log.isError ? <ErrorAlert error={log.error} onRetry={() => void log.refetch()} /> : null}
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={entries}
          loading={log.isPending || (log.isFetching && !log.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 820 }}
          expandable={{ expandedRowRender: (entry) => <DiffView entry={entry} /> }}
        />
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('common.shown', { count: entries.length })}</Typography.Text>
          {log.hasNextPage ? (
            <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </Flex>
      </Card>
    </>
  );
}
