import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type ChecklistTemplate, inspectionTopicLabels } from '@tuoitho/domain';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { useTemplates } from './api';
import { TemplateEditorModal } from './TemplateEditorModal';

/** The checklist templates the sessions are built from. */
export function TemplatesTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const templates = useTemplates();
  const [editing, setEditing] = useState<ChecklistTemplate | 'new' | null>(null);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text type="secondary">{t('inspections.template.intro')}</Typography.Text>
        {canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="template-new"
            onClick={() => setEditing('new')}
          >
            {t('inspections.template.new')}
          </Button>
        ) : null}
      </Flex>
      {templates.error ? (
        <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />
      ) : null}
      <Table<ChecklistTemplate>
        rowKey="id"
        size="middle"
        loading={templates.isFetching}
        dataSource={templates.data?.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        onRow={(template) => ({ 'data-testid': `template-row-${template.id}` }) as never}
        columns={[
          { key: 'name', title: t('inspections.template.name'), dataIndex: 'name' },
          {
            key: 'topic',
            title: t('inspections.topic'),
            width: 240,
            render: (_, template) => inspectionTopicLabels[template.topic][language],
          },
          {
            key: 'questions',
            title: t('inspections.template.questions'),
            width: 110,
            align: 'right',
            render: (_, template) => template.questions.length,
          },
          {
            key: 'points',
            title: t('inspections.template.maxScore'),
            width: 110,
            align: 'right',
            render: (_, template) =>
              template.questions.reduce(
                (sum, q) =>
                  sum + (q.answerType === 'yes_no' || q.answerType === 'score' ? (q.maxScore ?? 0) : 0),
                0,
              ),
          },
          {
            key: 'active',
            title: t('inspections.template.status'),
            width: 130,
            render: (_, template) =>
              template.isActive ? (
                <Tag color="green">{t('inspections.template.active')}</Tag>
              ) : (
                <Tag>{t('inspections.template.inactive')}</Tag>
              ),
          },
          {
            key: 'updatedAt',
            title: t('inspections.template.updatedAt'),
            width: 150,
            render: (_, tpl) => formatDateTime(tpl.updatedAt),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 110,
            render: (_, template) =>
              canWrite && template.canEdit ? (
                <Button
                  icon={<EditOutlined />}
                  onClick={() => setEditing(template)}
                  data-testid={`template-edit-${template.id}`}
                >
                  {t('common.edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing ? (
        <TemplateEditorModal
          template={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}
