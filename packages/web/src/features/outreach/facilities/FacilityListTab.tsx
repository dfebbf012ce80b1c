import { PlusOutlined } from '@ant-design/icons';
import {
  type Facility,
  FacilityCondition,
  FacilityKind,
  facilityConditionLabels,
  facilityKindLabels,
} from '@tuoitho/domain';
import {
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { newIdempotencyKey } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/errors';
import { useSession } from '../../auth/api';
import { useLanguage } from '../../children/ChildTags';
import { labelOf, optionsFromLabels } from '../../children/childText';
import { UnitCodePicker } from '../../children/UnitCodePicker';
import { useCreateFacility, useDeleteFacility, useFacilities, useUpdateFacility } from '../api';
import { LoadMore } from '../OutreachParts';
import { formatNumber } from '../outreachCharts';
import {
  type FacilityFormValues,
  facilityFormToRequest,
  facilityToFormValues,
  withoutUnit,
} from '../outreachForms';

const formFields = ['unit', 'kind', 'name', 'address', 'condition', 'capacity', 'note'];

export const conditionColors: Record<FacilityCondition, string> = {
  good: 'green',
  fair: 'blue',
  poor: 'orange',
  not_in_use: 'default',
};

/** Records or corrects a facility; a stale version answers 409. */
function FacilityModal({
  facility,
  defaultUnit,
  onClose,
}: {
  facility: Facility | undefined;
  defaultUnit: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<FacilityFormValues>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useCreateFacility();
  const update = useUpdateFacility();
  const mutation = facility ? update : create;
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const initialValues: Partial<FacilityFormValues> = facility
    ? facilityToFormValues(facility)
    : { unit: defaultUnit, kind: 'playground', condition: 'good' };

  const submit = (values: FacilityFormValues) => {
    const request = facilityFormToRequest(values);
    const onError = (error: unknown) => setLeftOver(applyFieldErrors(form, error, formFields));
    const onSuccess = () => {
      void message.success(facility ? t('facilities.saved') : t('facilities.created'));
      onClose();
    };
    if (facility) {
      update.mutate(
        { id: facility.id, request: { ...withoutUnit(request), version: facility.version } },
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
      title={facility ? t('facilities.editTitle') : t('facilities.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'facility-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {mutation.error ? <ErrorAlert error={mutation.error} extra={leftOver} /> : null}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Flex gap={12} wrap>
          <Form.Item
            name="kind"
            label={t('facilities.fields.kind')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 240px' }}
          >
            <Select
              aria-label={t('facilities.fields.kind')}
              data-testid="facility-kind"
              options={optionsFromLabels(FacilityKind.options, facilityKindLabels, language)}
            />
          </Form.Item>
          <Form.Item name="unit" label={t('facilities.fields.unit')} style={{ flex: '2 1 260px' }}>
            <UnitCodePicker
              within={user.unit.code}
              disabled={Boolean(facility) || user.unit.level === 'commune'}
              aria-label={t('facilities.fields.unit')}
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="name"
          label={t('facilities.fields.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={300} data-testid="facility-name" />
        </Form.Item>
        <Form.Item name="address" label={t('facilities.fields.address')}>
          <Input maxLength={300} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="condition"
            label={t('facilities.fields.condition')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 200px' }}
          >
            <Select
              aria-label={t('facilities.fields.condition')}
              data-testid="facility-condition"
              options={optionsFromLabels(FacilityCondition.options, facilityConditionLabels, language)}
            />
          </Form.Item>
          <Form.Item name="capacity" label={t('facilities.fields.capacity')} style={{ flex: '1 1 200px' }}>
            <InputNumber<number>
              min={0}
              max={100_000}
              precision={0}
              style={{ width: '100%' }}
              data-testid="facility-capacity"
            />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('facilities.fields.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Danh sách": the facilities of the area with kind and condition filters. */
export function FacilityListTab({ unit, canWrite }: { unit: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [kind, setKind] = useState<FacilityKind | undefined>();
  const [condition, setCondition] = useState<FacilityCondition | undefined>();
  const [editing, setEditing] = useState<Facility | 'new' | null>(null);
  const list = useFacilities({ unit, kind, condition });
  const remove = useDeleteFacility();
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="center">
          <Select<FacilityKind>
            aria-label={t('facilities.fields.kind')}
            data-testid="facility-filter-kind"
            allowClear
            placeholder={t('facilities.anyKind')}
            value={kind}
            onChange={(value) => setKind(value ?? undefined)}
            options={optionsFromLabels(FacilityKind.options, facilityKindLabels, language)}
            style={{ minWidth: 240 }}
          />
          <Select<FacilityCondition>
            aria-label={t('facilities.fields.condition')}
            data-testid="facility-filter-condition"
            allowClear
            placeholder={t('facilities.anyCondition')}
            value={condition}
            onChange={(value) => setCondition(value ?? undefined)}
            options={optionsFromLabels(FacilityCondition.options, facilityConditionLabels, language)}
            style={{ minWidth: 180 }}
          />
          <Typography.Text strong aria-live="polite">
            {list.data ? t('facilities.found', { n: `${items.length}${list.hasNextPage ? '+' : ''}` }) : null}
          </Typography.Text>
        </Flex>
        {canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="facility-new"
          >
            {t('facilities.new')}
          </Button>
        ) : null}
      </Flex>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <Table<Facility>
        rowKey="id"
        size="small"
        data-testid="facility-table"
        loading={list.isFetching && !list.isFetchingNextPage}
        dataSource={items}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 1540 }}
        locale={{ emptyText: <Empty description={t('facilities.none')} /> }}
        columns={[
          { key: 'name', title: t('facilities.fields.name'), dataIndex: 'name', width: 240 },
          {
            key: 'kind',
            title: t('facilities.fields.kind'),
            width: 200,
            render: (_, item) => labelOf(facilityKindLabels, item.kind, language),
          },
          {
            key: 'condition',
            title: t('facilities.fields.condition'),
            width: 130,
            render: (_, item) => (
              <Tag color={conditionColors[item.condition]}>
                {labelOf(facilityConditionLabels, item.condition, language)}
              </Tag>
            ),
          },
          {
            key: 'capacity',
            title: t('facilities.fields.capacityShort'),
            align: 'right',
            width: 100,
            render: (_, item) => (item.capacity === null ? '' : formatNumber(item.capacity, language)),
          },
          { key: 'unit', title: t('facilities.fields.unit'), dataIndex: 'unitName', width: 170 },
          { key: 'address', title: t('facilities.fields.address'), dataIndex: 'address', width: 240 },
          { key: 'note', title: t('facilities.fields.note'), dataIndex: 'note', width: 200 },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 130,
                  fixed: 'right' as const,
                  render: (_: unknown, item: Facility) =>
                    item.canEdit ? (
                      <Flex gap={4}>
                        <Button size="small" onClick={() => setEditing(item)}>
                          {t('common.edit')}
                        </Button>
                        <Popconfirm
                          title={t('facilities.deleteConfirm')}
                          okText={t('facilities.delete')}
                          cancelText={t('common.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() =>
                            remove.mutate(
                              { id: item.id, version: item.version },
                              { onSuccess: () => void message.success(t('facilities.deleted')) },
                            )
                          }
                        >
                          <Button size="small" danger>
                            {t('facilities.delete')}
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
      {editing ? (
        <FacilityModal
          facility={editing === 'new' ? undefined : editing}
          defaultUnit={unit}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}
