import { type AtRiskFlag, atRiskFlagLabels, type Child, type Sex, sexLabels } from '@tuoitho/domain';
import {
  Alert,
  App,
  Empty,
  Flex,
  Input,
  Modal,
  Radio,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useChild } from './api';
import { useLanguage } from './ChildTags';
import { type MergePreviewField, type MergePreviewRow, mergePreview } from './childLifecycle';
import { formatDateOfBirth, labelOf } from './childText';
import { useMergeCandidates, useMergeChildren } from './lifecycleApi';

const fieldLabelKeys: Record<MergePreviewField, string> = {
  fullName: 'children.fields.fullName',
  sex: 'children.fields.sex',
  dateOfBirth: 'children.fields.dateOfBirth',
  personalId: 'children.fields.personalId',
  unit: 'children.fields.unit',
  village: 'children.fields.village',
  address: 'children.fields.address',
  headName: 'children.fields.headName',
  caregivers: 'children.fields.caregivers',
  groups: 'merge.groups',
  atRisk: 'children.fields.atRisk',
  note: 'children.fields.note',
};

/**
 * "Gộp hồ sơ trùng": find the other record of the same child in the caller's area, compare both
 * side by side with what the merge gives, choose which record is kept, confirm.
 */
export function ChildMergeModal({
  child,
  open,
  onClose,
}: {
  child: Child;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const [otherId, setOtherId] = useState<string>();
  const [keep, setKeep] = useState<'current' | 'other'>('current');
  const candidates = useMergeCandidates(term, child.id);
  const other = useChild(otherId ?? '', Boolean(otherId));
  const merge = useMergeChildren();

  const close = () => {
    setSearch('');
    setOtherId(undefined);
    setKeep('current');
    merge.reset();
    onClose();
  };

  const pair =
    other.data && other.data.id === otherId
      ? keep === 'current'
        ? { survivor: child, duplicate: other.data }
        : { survivor: other.data, duplicate: child }
      : undefined;

  const show = (row: MergePreviewRow, value: string) => {
    if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
    if (row.field === 'sex') return labelOf(sexLabels, value as Sex, language);
    if (row.field === 'atRisk') {
      return value
        .split(', ')
        .map((flag) => labelOf(atRiskFlagLabels, flag as AtRiskFlag, language))
        .join(', ');
    }
    return value;
  };

  const columns: TableColumnsType<MergePreviewRow> = [
    {
      title: t('merge.columns.field'),
      key: 'field',
      width: 140,
      render: (_value, row) => t(fieldLabelKeys[row.field]),
    },
    { title: t('merge.columns.survivor'), key: 'survivor', render: (_value, row) => show(row, row.survivor) },
    {
      title: t('merge.columns.duplicate'),
      key: 'duplicate',
      render: (_value, row) => show(row, row.duplicate),
    },
    {
      title: t('merge.columns.merged'),
      key: 'merged',
      render: (_value, row) => (
        <Flex gap={4} wrap align="center">
          <span>{show(row, row.merged)}</span>
          {row.isFilled ? <Tag color="green">{t('merge.filled')}</Tag> : null}
        </Flex>
      ),
    },
  ];

  const submit = () => {
    if (!pair) return;
    merge.mutate(pair, {
      onSuccess: (survivor) => {
        void message.success(t('merge.done', { name: survivor.fullName }));
        close();
        navigate(`/children/${survivor.id}`);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('merge.title', { name: child.fullName })}
      onCancel={close}
      onOk={submit}
      okText={t('merge.submit')}
      okButtonProps={{ danger: true, disabled: !pair }}
      cancelText={t('common.cancel')}
      confirmLoading={merge.isPending}
      width={860}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('merge.intro')}
        </Typography.Paragraph>
        {merge.error ? (
          <ErrorAlert
            error={merge.error}
            onRetry={() => {
              merge.reset();
              void other.refetch();
            }}
            retryLabel={t('common.reload')}
          />
        ) : null}
        <div>
          <label htmlFor="merge-search" style={{ display: 'block', marginBottom: 4 }}>
            {t('merge.search')}
          </label>
          <Input.Search
            id="merge-search"
            autoFocus
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t('merge.searchPlaceholder')}
            loading={candidates.isFetching}
          />
          {term.length < 2 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('merge.searchHint')}
            </Typography.Text>
          ) : null}
        </div>
        {term.length >= 2 && candidates.data ? (
          candidates.data.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('merge.noResults')} />
          ) : (
            <Radio.Group
              value={otherId}
              onChange={(event) => setOtherId(event.target.value as string)}
              aria-label={t('merge.search')}
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            >
              {candidates.data.map((candidate) => (
                <Radio key={candidate.id} value={candidate.id}>
                  <Typography.Text strong>{candidate.fullName}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {[
                      formatDateOfBirth(candidate.dateOfBirth),
                      candidate.personalId,
                      candidate.village,
                      candidate.unitName,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </Radio>
              ))}
            </Radio.Group>
          )
        ) : null}
        {otherId && other.isPending ? <Spin /> : null}
        {other.isError ? <ErrorAlert error={other.error} onRetry={() => void other.refetch()} /> : null}
        {pair ? (
          <>
            <Radio.Group
              value={keep}
              onChange={(event) => setKeep(event.target.value as 'current' | 'other')}
              optionType="button"
              aria-label={t('merge.keep')}
              options={[
                { value: 'current', label: t('merge.keepCurrent') },
                { value: 'other', label: t('merge.keepOther') },
              ]}
            />
            <Table<MergePreviewRow>
              rowKey="field"
              size="small"
              columns={columns}
              dataSource={mergePreview(pair.survivor, pair.duplicate)}
              pagination={false}
              scroll={{ x: 640 }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('merge.sameGroupKept')}
            </Typography.Text>
            <Alert type="warning" showIcon title={t('merge.warning')} />
          </>
        ) : null}
      </Flex>
    </Modal>
  );
}
