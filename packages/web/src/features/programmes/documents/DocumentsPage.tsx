import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { DocumentType, documentTypeLabels, type PlanDocument } from '@tuoitho/domain';
import { App, Button, Card, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate, todayInVietnam } from '../../../lib/dates';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useSession } from '../../auth/api';
import { useLanguage } from '../../children/ChildTags';
import { labelOf, optionsFromLabels } from '../../children/childText';
import { type DocumentFilters, useDeleteDocument, useDocuments } from '../api';
import { filterYears } from '../programmeText';
import { DocumentFileCell } from './DocumentFileCell';
import { DocumentFormModal } from './DocumentForm';

function Validity({ document, today }: { document: PlanDocument; today: string }) {
  const { t } = useTranslation();
  const { validFrom, validTo } = document;
  if (!validFrom && !validTo) return <Typography.Text type="secondary">—</Typography.Text>;
  const isExpired = validTo !== null && validTo < today;
  const isPending = validFrom !== null && validFrom > today;
  return (
    <Flex vertical gap={2}>
      <span>
        {formatDate(validFrom) || '…'} – {formatDate(validTo) || t('planDocuments.validity.open')}
      </span>
      {isExpired ? (
        <Tag style={{ width: 'fit-content' }}>{t('planDocuments.validity.expired')}</Tag>
      ) : isPending ? (
        <Tag color="blue" style={{ width: 'fit-content' }}>
          {t('planDocuments.validity.pending')}
        </Tag>
      ) : (
        <Tag color="green" style={{ width: 'fit-content' }}>
          {t('planDocuments.validity.inForce')}
        </Tag>
      )}
    </Flex>
  );
}

/**
 * "Văn bản, kế hoạch": the register of directives, programmes, plans, decisions and reports of the
 * caller's area and of the units above it, with their files and the targets they set. Search
 * ignores diacritics ("ke hoach boi" finds "Kế hoạch … bơi").
 */
export default function DocumentsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const canWrite = user.permissions.includes('programmes.write');
  const [search, setSearch] = useState(searchParams.get('q') ?? '');
  const q = useDebouncedValue(search.trim(), 350);
  const typeParam = searchParams.get('type');
  const type = DocumentType.safeParse(typeParam).success ? (typeParam as DocumentType) : undefined;
  const yearParam = Number(searchParams.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const [editing, setEditing] = useState<PlanDocument | 'new' | null>(null);
  const filters: DocumentFilters = { q: q || undefined, type, year };
  const list = useDocuments(filters);
  const remove = useDeleteDocument();
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const today = todayInVietnam();
  const years = filterYears(Number(today.slice(0, 4)));

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearchParams(next, { replace: true });
  };

  const confirmDelete = (document: PlanDocument) =>
    void modal.confirm({
      title: t('planDocuments.deleteTitle', { number: document.number }),
      content: t('planDocuments.deleteText'),
      okText: t('planDocuments.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove
          .mutateAsync({ id: document.id, version: document.version })
          .then(() => void message.success(t('planDocuments.deleted', { number: document.number }))),
    });

  return (
    <>
      <PageHeader
        title={t('planDocuments.title')}
        intro={t('planDocuments.intro')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="document-new"
            >
              {t('planDocuments.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label={t('planDocuments.list.search')}
            placeholder={t('planDocuments.list.searchPlaceholder')}
            allowClear
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setParam('q', event.target.value.trim() || undefined);
            }}
            maxLength={200}
            style={{ flex: '1 1 280px' }}
            data-testid="documents-search"
          />
          <Select<DocumentType>
            aria-label={t('planDocuments.fields.type')}
            allowClear
            placeholder={t('planDocuments.list.anyType')}
            value={type}
            onChange={(value) => setParam('type', value)}
            options={optionsFromLabels(DocumentType.options, documentTypeLabels, language)}
            style={{ minWidth: 180 }}
            data-testid="documents-type"
          />
          <Select<number>
            aria-label={t('planDocuments.list.year')}
            allowClear
            placeholder={t('planDocuments.list.anyYear')}
            value={year}
            onChange={(value) => setParam('year', value ? String(value) : undefined)}
            options={years.map((value) => ({ value, label: String(value) }))}
            style={{ minWidth: 130 }}
            data-testid="documents-year"
          />
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        <Table<PlanDocument>
          rowKey="id"
          size="middle"
          dataSource={items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 1100 }}
          data-testid="documents-table"
          locale={{ emptyText: t('planDocuments.list.empty') }}
          onRow={(document) => ({ 'data-testid': `document-row-${document.id}` }) as object}
          columns={[
            {
              title: t('planDocuments.list.numberAndDate'),
              key: 'number',
              width: 130,
              render: (_, document) => (
                <Flex vertical gap={2}>
                  <Typography.Text strong>{document.number}</Typography.Text>
                  <Typography.Text type="secondary">{formatDate(document.issuedOn)}</Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('planDocuments.list.issuerAndType'),
              key: 'issuingBody',
              width: 170,
              render: (_, document) => (
                <Flex vertical gap={4} align="flex-start">
                  <span>{document.issuingBody}</span>
                  <Tag style={{ marginInlineEnd: 0 }}>
                    {labelOf(documentTypeLabels, document.type, language)}
                  </Tag>
                </Flex>
              ),
            },
            {
              title: t('planDocuments.fields.title'),
              key: 'title',
              render: (_, document) => (
                <Flex vertical gap={2}>
                  <Typography.Text>{document.title}</Typography.Text>
                  {document.summary ? (
                    <Typography.Paragraph
                      type="secondary"
                      ellipsis={{ rows: 2, tooltip: document.summary }}
                      style={{ margin: 0, fontSize: 12 }}
                    >
                      {document.summary}
                    </Typography.Paragraph>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t('planDocuments.fields.validity'),
              key: 'validity',
              width: 140,
              render: (_, document) => <Validity document={document} today={today} />,
            },
            {
              title: t('planDocuments.fields.targets'),
              key: 'targets',
              width: 70,
              align: 'right',
              render: (_, document) =>
                document.targets.length > 0 ? (
                  <Tooltip
                    title={document.targets.map((target) => `${target.label} (${target.year})`).join('; ')}
                  >
                    <Typography.Text underline>{document.targets.length}</Typography.Text>
                  </Tooltip>
                ) : (
                  0
                ),
            },
            {
              title: t('planDocuments.fields.file'),
              key: 'file',
              width: 180,
              render: (_, document) => <DocumentFileCell document={document} canWrite={canWrite} />,
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'actions',
                    width: 76,
                    render: (_: unknown, document: PlanDocument) =>
                      document.canEdit ? (
                        <Flex gap={2}>
                          <Button
                            type="text"
                            icon={<EditOutlined />}
                            aria-label={t('planDocuments.edit')}
                            onClick={() => setEditing(document)}
                            data-testid={`document-edit-${document.id}`}
                          />
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('planDocuments.delete')}
                            onClick={() => confirmDelete(document)}
                          />
                        </Flex>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('common.shown', { count: items.length })}</Typography.Text>
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </Flex>
      </Card>
      {editing ? (
        <DocumentFormModal
          document={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
