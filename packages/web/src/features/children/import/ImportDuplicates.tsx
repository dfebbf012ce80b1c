import { ExportOutlined } from '@ant-design/icons';
import { type ChildImportDuplicate, duplicateReasonLabels, type ImportDecision } from '@tuoitho/domain';
import { Alert, Button, Card, Flex, Pagination, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../ChildTags';
import { formatDateOfBirth, labelOf } from '../childText';
import { canCreateDuplicate, decideAll, type ImportDecisions, undecidedRows } from './importWizard';

const PAGE_SIZE = 10;

interface ImportDuplicatesProps {
  duplicates: readonly ChildImportDuplicate[];
  decisions: ImportDecisions;
  onChange: (decisions: Map<number, ImportDecision>) => void;
  disabled?: boolean;
}

function DuplicateRow({
  duplicate,
  decision,
  onDecide,
  disabled,
}: {
  duplicate: ChildImportDuplicate;
  decision: ImportDecision | undefined;
  onDecide: (decision: ImportDecision) => void;
  disabled: boolean | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labelId = `import-duplicate-${duplicate.row}`;
  const canCreate = canCreateDuplicate(duplicate);
  return (
    <Card size="small" role="listitem" data-testid="import-duplicate">
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div id={labelId} style={{ minWidth: 0 }}>
          <Tag style={{ marginInlineEnd: 6 }}>{t('childImport.duplicates.row', { row: duplicate.row })}</Tag>
          <Typography.Text strong>{duplicate.fullName}</Typography.Text>
          <Typography.Text type="secondary">{` · ${formatDateOfBirth(duplicate.dateOfBirth)}`}</Typography.Text>
        </div>
        <Radio.Group
          aria-label={t('childImport.duplicates.decision', { row: duplicate.row })}
          value={decision}
          onChange={(event) => onDecide(event.target.value as ImportDecision)}
          disabled={disabled}
          optionType="button"
          buttonStyle="solid"
          size="small"
          options={[
            { value: 'create', label: t('childImport.duplicates.create'), disabled: !canCreate },
            { value: 'skip', label: t('childImport.duplicates.skip') },
          ]}
        />
      </Flex>
      {canCreate ? null : (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 13 }}>
          {t('childImport.duplicates.onlySkip')}
        </Typography.Text>
      )}
      <Flex vertical gap={6} style={{ marginTop: 8 }}>
        {duplicate.candidates.map((candidate) => (
          <Flex
            key={candidate.childId}
            justify="space-between"
            align="flex-start"
            gap={8}
            wrap
            style={{ borderInlineStart: '3px solid #ffd591', paddingInlineStart: 8 }}
          >
            <div style={{ minWidth: 0 }}>
              <a href={`/children/${candidate.childId}`} target="_blank" rel="noopener noreferrer">
                {candidate.fullName} <ExportOutlined aria-label={t('childImport.duplicates.open')} />
              </a>
              <Typography.Text type="secondary">
                {[` · ${formatDateOfBirth(candidate.dateOfBirth)}`, candidate.village]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
              <Flex gap={4} wrap style={{ marginTop: 4 }}>
                {candidate.reasons.map((reason) => (
                  <Tag
                    key={reason}
                    color={reason.endsWith('_differs') ? undefined : 'blue'}
                    style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
                  >
                    {labelOf(duplicateReasonLabels, reason, language)}
                  </Tag>
                ))}
              </Flex>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {t('childImport.duplicates.score', { percent: Math.round(candidate.score * 100) })}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/**
 * Rows of the file that may be children already in the registry: a decision per row ("Tạo trẻ
 * mới" or "Bỏ qua"), or one for all; each candidate opens in a new tab so the decisions stay.
 */
export function ImportDuplicatesCard({ duplicates, decisions, onChange, disabled }: ImportDuplicatesProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const undecided = undecidedRows(duplicates, decisions).length;
  const shown = duplicates.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <Card
      size="small"
      title={`${t('childImport.duplicates.title')} (${duplicates.length})`}
      data-testid="import-duplicates"
    >
      <Typography.Paragraph type="secondary">{t('childImport.duplicates.intro')}</Typography.Paragraph>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <Button disabled={disabled} onClick={() => onChange(decideAll(duplicates, 'create'))}>
            {t('childImport.duplicates.createAll')}
          </Button>
          <Button disabled={disabled} onClick={() => onChange(decideAll(duplicates, 'skip'))}>
            {t('childImport.duplicates.skipAll')}
          </Button>
        </Flex>
        <Typography.Text type={undecided > 0 ? 'warning' : 'success'} aria-live="polite">
          {undecided > 0
            ? t('childImport.duplicates.undecided', { count: undecided })
            : t('childImport.duplicates.allDecided')}
        </Typography.Text>
      </Flex>
      <Flex vertical gap={8} role="list">
        {shown.map((duplicate) => (
          <DuplicateRow
            key={duplicate.row}
            duplicate={duplicate}
            decision={decisions.get(duplicate.row)}
            disabled={disabled}
            onDecide={(decision) => onChange(new Map(decisions).set(duplicate.row, decision))}
          />
        ))}
      </Flex>
      {duplicates.length > PAGE_SIZE ? (
        <Pagination
          style={{ marginTop: 12 }}
          current={page}
          pageSize={PAGE_SIZE}
          total={duplicates.length}
          onChange={setPage}
          showSizeChanger={false}
          size="small"
        />
      ) : null}
      {undecided > 0 && duplicates.length > PAGE_SIZE ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('childImport.duplicates.undecided', { count: undecided })}
        />
      ) : null}
    </Card>
  );
}
