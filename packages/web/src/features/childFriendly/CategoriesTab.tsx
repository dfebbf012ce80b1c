import {
  CfRecognisingLevel,
  CfUnitCategory,
  type CfUnitCategoryEntry,
  cfUnitCategories,
} from '@tuoitho/domain';
import { App, Button, Card, Empty, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { describeError } from '../../lib/errors';
import { useLanguage } from '../children/ChildTags';
import { useCfSettings, useCfUnitCategories, useUpdateCfSettings, useUpdateCfUnitCategory } from './api';

/** Who recognises a commune: the province by default, since the district level ended on 30/06/2025. */
function SettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useCfSettings();
  const update = useUpdateCfSettings();
  const [form] = Form.useForm<{ recognisingLevel: CfRecognisingLevel; recognisingBody: string }>();
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!settings.data) return null;
  const data = settings.data;
  return (
    <Card size="small" title={t('childFriendly.settings.title')}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ recognisingLevel: data.recognisingLevel, recognisingBody: data.recognisingBody }}
        disabled={!data.canEdit}
        onFinish={(values) =>
          update.mutate(
            { ...values, recognisingBody: values.recognisingBody.trim(), version: data.version },
            {
              onSuccess: () => void message.success(t('childFriendly.settings.saved')),
              onError: (error) => void message.error(describeError(error, t)),
            },
          )
        }
        style={{ rowGap: 8 }}
      >
        <Form.Item name="recognisingLevel" label={t('childFriendly.settings.level')}>
          <Select<CfRecognisingLevel>
            options={CfRecognisingLevel.options.map((value) => ({
              value,
              label: t(`childFriendly.settings.levels.${value}`),
            }))}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item
          name="recognisingBody"
          label={t('childFriendly.settings.body')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} style={{ width: 260 }} />
        </Form.Item>
        {data.canEdit ? (
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Form.Item>
        ) : null}
      </Form>
      <Typography.Text type="secondary">
        {t('childFriendly.settings.help')} · {formatDateTime(data.updatedAt)}
      </Typography.Text>
    </Card>
  );
}

/**
 * The kind of each commune of the area (which sets the total it needs: 900, 800 or 850) and the
 * recognising level. Communes never set count as "the others" (850).
 */
export function CategoriesTab({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const categories = useCfUnitCategories(unit);
  const update = useUpdateCfUnitCategory();
  const [search, setSearch] = useState('');
  const rows = useMemo(() => {
    const term = search.trim().toLocaleLowerCase('vi');
    const items = categories.data?.items ?? [];
    return term ? items.filter((item) => item.unitName.toLocaleLowerCase('vi').includes(term)) : items;
  }, [categories.data, search]);

  const change = (entry: CfUnitCategoryEntry, category: CfUnitCategory) =>
    update.mutate(
      { unitCode: entry.unitCode, request: { category, version: entry.version } },
      {
        onSuccess: () => void message.success(t('childFriendly.categories.saved', { unit: entry.unitName })),
        onError: (error) => void message.error(describeError(error, t)),
      },
    );

  return (
    <Flex vertical gap={16}>
      <SettingsCard />
      <Typography.Text>{t('childFriendly.categories.intro')}</Typography.Text>
      {categories.isError ? (
        <ErrorAlert error={categories.error} onRetry={() => void categories.refetch()} />
      ) : null}
      <Input.Search
        allowClear
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        placeholder={t('childFriendly.categories.search')}
        aria-label={t('childFriendly.categories.search')}
        style={{ maxWidth: 360 }}
      />
      <Table<CfUnitCategoryEntry>
        rowKey="unitCode"
        size="small"
        loading={categories.isFetching}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        data-testid="cf-categories"
        locale={{ emptyText: <Empty description={t('childFriendly.categories.none')} /> }}
        columns={[
          { key: 'unit', title: t('childFriendly.fields.unit'), dataIndex: 'unitName', width: 240 },
          {
            key: 'category',
            title: t('childFriendly.fields.category'),
            render: (_, entry) => (
              <Flex gap={6} align="center" wrap>
                <Select<CfUnitCategory>
                  value={entry.category}
                  disabled={!entry.canEdit || update.isPending}
                  onChange={(category) => change(entry, category)}
                  aria-label={`${t('childFriendly.fields.category')} ${entry.unitName}`}
                  options={CfUnitCategory.options.map((value) => ({
                    value,
                    label: `${cfUnitCategories[value].label[language]} (${cfUnitCategories[value].minPoints})`,
                  }))}
                  style={{ minWidth: 360 }}
                  data-testid={`cf-category-${entry.unitCode}`}
                />
                {entry.isDefault ? <Tag>{t('childFriendly.categories.default')}</Tag> : null}
              </Flex>
            ),
          },
          {
            key: 'threshold',
            title: t('childFriendly.fields.threshold'),
            align: 'right',
            width: 100,
            render: (_, entry) => cfUnitCategories[entry.category].minPoints,
          },
        ]}
      />
    </Flex>
  );
}
