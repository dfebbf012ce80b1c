import { PlusOutlined } from '@ant-design/icons';
import {
  type Communication,
  CommunicationAudience,
  CommunicationChannel,
  communicationAudienceLabels,
  communicationChannelLabels,
} from '@tuoitho/domain';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newIdempotencyKey } from '../../lib/api';
import { formatDate, todayInVietnam } from '../../lib/dates';
import { applyFieldErrors } from '../../lib/errors';
import { useSession } from '../auth/api';
import { useLanguage } from '../children/ChildTags';
import { labelOf, optionsFromLabels } from '../children/childText';
import { IsoDatePicker } from '../children/DateInputs';
import { UnitCodePicker } from '../children/UnitCodePicker';
import {
  useCommunicationSummary,
  useCommunications,
  useCreateCommunication,
  useDeleteCommunication,
  useProgrammeOptions,
  useUpdateCommunication,
} from './api';
import { LoadMore, thisYear, YearSelect } from './OutreachParts';
import { formatNumber } from './outreachCharts';
import {
  type CommunicationFormValues,
  communicationFormToRequest,
  communicationToFormValues,
  withoutUnit,
} from './outreachForms';

const formFields = [
  'unit',
  'heldOn',
  'channel',
  'audience',
  'title',
  'reachCount',
  'materials',
  'programmeId',
];

/** Records or corrects a communication event; a stale version answers 409. */
function CommunicationModal({
  item,
  defaultUnit,
  onClose,
}: {
  item: Communication | undefined;
  defaultUnit: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<CommunicationFormValues>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useCreateCommunication();
  const update = useUpdateCommunication();
  const programmes = useProgrammeOptions(undefined);
  const mutation = item ? update : create;
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const initialValues: Partial<CommunicationFormValues> = item
    ? communicationToFormValues(item)
    : { unit: defaultUnit, heldOn: todayInVietnam(), audience: 'community', reachCount: 0 };

  const submit = (values: CommunicationFormValues) => {
    const request = communicationFormToRequest(values);
    const onError = (error: unknown) => setLeftOver(applyFieldErrors(form, error, formFields));
    const onSuccess = () => {
      void message.success(item ? t('communications.saved') : t('communications.created'));
      onClose();
    };
    if (item) {
      update.mutate(
        { id: item.id, request: { ...withoutUnit(request), version: item.version } },
        { onSuccess, onError },
      );
    } else {
      create.mutate({ request, idempotencyKey }, { onSuccess, onError });
    }
  };

  return (
    <Modal
      open
      width={640}
      title={item ? t('communications.editTitle') : t('communications.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'communication-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {mutation.error ? <ErrorAlert error={mutation.error} extra={leftOver} /> : null}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Flex gap={12} wrap>
          <Form.Item
            name="heldOn"
            label={t('communications.fields.heldOn')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 160px' }}
          >
            <IsoDatePicker notAfterToday aria-label={t('communications.fields.heldOn')} />
          </Form.Item>
          <Form.Item name="unit" label={t('communications.fields.unit')} style={{ flex: '2 1 260px' }}>
            <UnitCodePicker
              within={user.unit.code}
              disabled={Boolean(item) || user.unit.level === 'commune'}
              aria-label={t('communications.fields.unit')}
            />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="channel"
            label={t('communications.fields.channel')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 240px' }}
          >
            <Select
              aria-label={t('communications.fields.channel')}
              data-testid="communication-channel"
              options={optionsFromLabels(CommunicationChannel.options, communicationChannelLabels, language)}
            />
          </Form.Item>
          <Form.Item
            name="audience"
            label={t('communications.fields.audience')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 200px' }}
          >
            <Select
              aria-label={t('communications.fields.audience')}
              options={optionsFromLabels(
                CommunicationAudience.options,
                communicationAudienceLabels,
                language,
              )}
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="title"
          label={t('communications.fields.title')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={300} data-testid="communication-title" />
        </Form.Item>
        <Form.Item name="reachCount" label={t('communications.fields.reach')} rules={[{ required: true }]}>
          <InputNumber<number>
            min={0}
            max={100_000_000}
            precision={0}
            style={{ width: 200 }}
            data-testid="communication-reach"
          />
        </Form.Item>
        <Form.Item name="materials" label={t('communications.fields.materials')}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('communications.materialsPlaceholder')} />
        </Form.Item>
        <Form.Item name="programmeId" label={t('communications.fields.programme')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('communications.fields.programme')}
            placeholder={t('communications.noProgramme')}
            loading={programmes.isPending}
            options={programmes.data ?? []}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The year's events and reach by channel, the total last. */
function ChannelSummary({ unit, year }: { unit: string; year: number | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const summary = useCommunicationSummary(unit, year);
  const rows = summary.data?.byChannel.filter((row) => row.events > 0) ?? [];
  return (
    <Card
      size="small"
      title={
        year === undefined
          ? t('communications.summary.titleAll')
          : t('communications.summary.title', { year })
      }
    >
      {summary.isError ? <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      <Table
        rowKey="channel"
        size="small"
        data-testid="communication-summary"
        loading={summary.isFetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description={t('communications.summary.none')} /> }}
        columns={[
          {
            key: 'channel',
            title: t('communications.fields.channel'),
            render: (_, row) => labelOf(communicationChannelLabels, row.channel, language),
          },
          {
            key: 'events',
            title: t('communications.summary.events'),
            align: 'right',
            render: (_, row) => formatNumber(row.events, language),
          },
          {
            key: 'reach',
            title: t('communications.summary.reach'),
            align: 'right',
            render: (_, row) => formatNumber(row.reach, language),
          },
        ]}
        summary={() =>
          summary.data && rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('communications.summary.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{formatNumber(summary.data.total.events, language)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong>{formatNumber(summary.data.total.reach, language)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}

/** "Truyền thông": the events of the area with channel and year filters, and the year's summary. */
export function CommunicationsTab({ unit, canWrite }: { unit: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [channel, setChannel] = useState<CommunicationChannel | undefined>();
  const [year, setYear] = useState<number | undefined>(thisYear());
  const [editing, setEditing] = useState<Communication | 'new' | null>(null);
  const list = useCommunications({ unit, channel, year });
  const remove = useDeleteCommunication();
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="center">
          <Select<CommunicationChannel>
            aria-label={t('communications.fields.channel')}
            data-testid="communication-filter-channel"
            allowClear
            placeholder={t('communications.anyChannel')}
            value={channel}
            onChange={(value) => setChannel(value ?? undefined)}
            options={optionsFromLabels(CommunicationChannel.options, communicationChannelLabels, language)}
            style={{ minWidth: 240 }}
          />
          <YearSelect
            label={t('communications.year')}
            placeholder={t('communications.anyYear')}
            value={year}
            onChange={setYear}
            data-testid="communication-filter-year"
          />
          <Typography.Text strong aria-live="polite">
            {list.data
              ? t('communications.found', { n: `${items.length}${list.hasNextPage ? '+' : ''}` })
              : null}
          </Typography.Text>
        </Flex>
        {canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="communication-new"
          >
            {t('communications.new')}
          </Button>
        ) : null}
      </Flex>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <Table<Communication>
        rowKey="id"
        size="small"
        data-testid="communication-table"
        loading={list.isFetching && !list.isFetchingNextPage}
        dataSource={items}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 1600 }}
        locale={{ emptyText: <Empty description={t('communications.none')} /> }}
        columns={[
          {
            key: 'heldOn',
            title: t('communications.fields.heldOn'),
            width: 110,
            render: (_, item) => formatDate(item.heldOn),
          },
          { key: 'unit', title: t('communications.fields.unit'), dataIndex: 'unitName', width: 180 },
          {
            key: 'channel',
            title: t('communications.fields.channel'),
            width: 180,
            render: (_, item) => labelOf(communicationChannelLabels, item.channel, language),
          },
          {
            key: 'audience',
            title: t('communications.fields.audience'),
            width: 150,
            render: (_, item) => labelOf(communicationAudienceLabels, item.audience, language),
          },
          {
            key: 'title',
            title: t('communications.fields.title'),
            width: 320,
            render: (_, item) => (
              <Flex vertical>
                <span>{item.title}</span>
                {item.programmeName ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.programmeName}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          {
            key: 'reach',
            title: t('communications.fields.reach'),
            align: 'right',
            width: 120,
            render: (_, item) => formatNumber(item.reachCount, language),
          },
          {
            key: 'materials',
            title: t('communications.fields.materials'),
            dataIndex: 'materials',
            width: 200,
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 130,
                  fixed: 'right' as const,
                  render: (_: unknown, item: Communication) =>
                    item.canEdit ? (
                      <Flex gap={4}>
                        <Button size="small" onClick={() => setEditing(item)}>
                          {t('common.edit')}
                        </Button>
                        <Popconfirm
                          title={t('communications.deleteConfirm')}
                          okText={t('communications.delete')}
                          cancelText={t('common.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() =>
                            remove.mutate(
                              { id: item.id, version: item.version },
                              { onSuccess: () => void message.success(t('communications.deleted')) },
                            )
                          }
                        >
                          <Button size="small" danger>
                            {t('communications.delete')}
                          </Button>
                        </Popconfirm>
                      </Flex>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <LoadMore
        hasMore={Boolean(list.hasNextPage)}
        isLoading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      <ChannelSummary unit={unit} year={year} />
      {editing ? (
        <CommunicationModal
          item={editing === 'new' ? undefined : editing}
          defaultUnit={unit}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}
