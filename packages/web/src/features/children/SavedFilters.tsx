import { DeleteOutlined, DownOutlined, FilterOutlined, SaveOutlined } from '@ant-design/icons';
import type { SavedChildFilter } from '@tuoitho/domain';
import { App, Button, Empty, Flex, Form, Input, Modal, Popconfirm, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, describeError } from '../../lib/errors';
import { useDeleteFilter, useSavedFilters, useSaveFilter } from './api';
import { FilterSummary } from './ChildFiltersBar';
import { filtersFromQueryString, filtersToQueryString } from './childFilters';

/** Saved queries are compared in canonical form: the same filters written differently match. */
function canonical(query: string): string {
  return filtersToQueryString(filtersFromQueryString(query));
}

interface SavedFiltersProps {
  /** The list's current query string (canonical, without `?`). */
  currentQuery: string;
  onApply: (query: string) => void;
}

/** "Bộ lọc đã lưu": pick one to apply it, delete one; "Lưu bộ lọc" saves the current filters. */
export function SavedFilters({ currentQuery, onApply }: SavedFiltersProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useSavedFilters();
  const deleteFilter = useDeleteFilter();
  const [isOpen, setIsOpen] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const current = saved.data?.find((filter) => canonical(filter.query) === currentQuery);

  const remove = (filter: SavedChildFilter) =>
    deleteFilter
      .mutateAsync(filter.id)
      .then(() => void message.success(t('children.saved.deleted', { name: filter.name })))
      .catch((error: unknown) => void message.error(describeError(error, t)));

  const list = (
    <div style={{ width: 'min(340px, 86vw)' }}>
      {saved.isPending ? <Spin size="small" /> : null}
      {saved.isError ? <ErrorAlert error={saved.error} onRetry={() => void saved.refetch()} /> : null}
      {saved.data?.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('children.saved.none')} />
      ) : null}
      <Flex vertical gap={2} role="list">
        {saved.data?.map((filter) => (
          <Flex key={filter.id} align="center" gap={4} role="listitem">
            <Button
              type={filter === current ? 'primary' : 'text'}
              ghost={filter === current}
              style={{ flex: 1, justifyContent: 'flex-start', minWidth: 0 }}
              onClick={() => {
                onApply(canonical(filter.query));
                setIsOpen(false);
              }}
            >
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{filter.name}</span>
            </Button>
            <Popconfirm
              title={t('children.saved.deleteConfirm', { name: filter.name })}
              okText={t('children.saved.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => remove(filter)}
            >
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('children.saved.delete')}: ${filter.name}`}
                title={t('children.saved.delete')}
              />
            </Popconfirm>
          </Flex>
        ))}
      </Flex>
    </div>
  );

  return (
    <>
      <Popover
        content={list}
        title={t('children.saved.title')}
        trigger="click"
        open={isOpen}
        onOpenChange={setIsOpen}
        placement="bottomRight"
      >
        <Button icon={<FilterOutlined />}>
          {current ? current.name : t('children.saved.title')} <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Popover>
      <Button icon={<SaveOutlined />} onClick={() => setIsSaving(true)} disabled={current !== undefined}>
        {t('children.saved.save')}
      </Button>
      <SaveFilterModal open={isSaving} query={currentQuery} onClose={() => setIsSaving(false)} />
    </>
  );
}

function SaveFilterModal({ open, query, onClose }: { open: boolean; query: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const save = useSaveFilter();
  const [leftOver, setLeftOver] = useState<string[]>([]);

  const close = () => {
    form.resetFields();
    save.reset();
    setLeftOver([]);
    onClose();
  };

  const submit = ({ name }: { name: string }) =>
    save.mutate(
      { name: name.trim(), query },
      {
        onSuccess: (filter) => {
          void message.success(t('children.saved.saved', { name: filter.name }));
          close();
        },
        onError: (error) => setLeftOver(applyFieldErrors(form, error, ['name'])),
      },
    );

  return (
    <Modal
      open={open}
      title={t('children.saved.saveTitle')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.error ? <ErrorAlert error={save.error} extra={leftOver} /> : null}
      <Form form={form} name="saveChildFilter" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="name"
          label={t('children.saved.name')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('children.saved.nameRequired') }]}
        >
          <Input autoFocus autoComplete="off" placeholder={t('children.saved.namePlaceholder')} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {query ? t('children.saved.what') : t('children.saved.whatAll')}
        </Typography.Paragraph>
        <FilterSummary filters={filtersFromQueryString(query)} />
      </Form>
    </Modal>
  );
}
