import { type ChildImport, type ChildImportSummary, importFieldLabels } from '@tuoitho/domain';
import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../ChildTags';
import { formatCount, labelOf } from '../childText';

type SummaryKey = keyof ChildImportSummary;

const colors: Partial<Record<SummaryKey, string>> = {
  valid: '#237804',
  invalid: '#cf1322',
  warnings: '#ad6800',
  duplicates: '#ad4e00',
  created: '#237804',
};

/** The counts of an import as cards; a count that needs attention is coloured only when not 0. */
export function ImportSummaryCards({
  summary,
  keys,
  isCompact = false,
}: {
  summary: ChildImportSummary;
  keys: readonly SummaryKey[];
  /** Three cards in a row whatever the width (the outcome of a commit). */
  isCompact?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Row gutter={[12, 12]} data-testid="import-summary">
      {keys.map((key) => (
        <Col key={key} {...(isCompact ? { xs: 8 } : { xs: 12, sm: 8, lg: 4 })}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={t(`childImport.summary.${key}`)}
              value={summary[key]}
              formatter={(value) => formatCount(Number(value), language)}
              styles={{ content: { color: summary[key] > 0 ? colors[key] : undefined } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** How each header of the file was understood; ignored columns stand out. */
export function ImportColumnsCard({ columns }: { columns: NonNullable<ChildImport['columns']> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const understood = columns.filter((column) => column.field !== null).length;
  const hasIgnored = understood < columns.length;
  return (
    <Card size="small" title={t('childImport.columns.title')}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('childImport.columns.understood', { count: understood, total: columns.length })}
        {hasIgnored ? `. ${t('childImport.columns.ignoredHint')}` : null}
      </Typography.Paragraph>
      <Table
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={columns}
        data-testid="import-columns"
        columns={[
          {
            title: t('childImport.columns.header'),
            dataIndex: 'header',
            render: (header: string) => header || <em>{t('childImport.columns.noHeader')}</em>,
          },
          {
            title: t('childImport.columns.field'),
            dataIndex: 'field',
            render: (field: string | null) =>
              field === null ? (
                <Tag style={{ marginInlineEnd: 0 }}>{t('childImport.columns.ignored')}</Tag>
              ) : (
                <Typography.Text strong>{labelOf(importFieldLabels, field, language)}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
