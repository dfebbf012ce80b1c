import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Movement } from '@tuoitho/domain';
import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newIdempotencyKey } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { useSession } from '../auth/api';
import { UnitCodePicker } from '../children/UnitCodePicker';
import { useCreateMovement, useMovements, useUpdateMovement } from './api';
import { FIRST_YEAR, thisYear } from './OutreachParts';
import {
  type MovementFormValues,
  movementFormToRequest,
  movementToFormValues,
  participationsByYear,
  withoutUnit,
} from './outreachForms';

const formFields = ['unit', 'name', 'description', 'yearFrom', 'yearTo', 'participations'];

/** Records or edits a movement with its participating units by year. */
function MovementModal({
  movement,
  defaultUnit,
  onClose,
}: {
  movement: Movement | undefined;
  defaultUnit: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<MovementFormValues>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useCreateMovement();
  const update = useUpdateMovement();
  const mutation = movement ? update : create;
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const year = thisYear();
  const initialValues: Partial<MovementFormValues> = movement
    ? movementToFormValues(movement)
    : { unit: defaultUnit, yearFrom: year, participations: [] };

  const submit = (values: MovementFormValues) => {
    const request = movementFormToRequest(values);
    const onError = (error: unknown) => setLeftOver(applyFieldErrors(form, error, formFields));
    const onSuccess = () => {
      void message.success(
        movement ? t('communications.movements.saved') : t('communications.movements.created'),
      );
      onClose();
    };
    if (movement) {
      update.mutate(
        { id: movement.id, request: { ...withoutUnit(request), version: movement.version } },
        { onSuccess, onError },
      );
    } else {
      create.mutate({ request, idempotencyKey }, { onSuccess, onError });
    }
  };

  return (
    <Modal
      open
      width={760}
      title={movement ? t('communications.movements.editTitle') : t('communications.movements.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'movement-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {mutation.error ? <ErrorAlert error={mutation.error} extra={leftOver} /> : null}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Form.Item
          name="name"
          label={t('communications.movements.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={300} data-testid="movement-name" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="unit" label={t('communications.movements.unit')} style={{ flex: '2 1 260px' }}>
            <UnitCodePicker
              within={user.unit.code}
              disabled={Boolean(movement)}
              aria-label={t('communications.movements.unit')}
            />
          </Form.Item>
          <Form.Item
            name="yearFrom"
            label={t('communications.movements.yearFrom')}
            rules={[{ required: true }]}
            style={{ flex: '0 1 120px' }}
          >
            <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="yearTo"
            label={t('communications.movements.yearTo')}
            tooltip={t('communications.movements.yearToHelp')}
            dependencies={['yearFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: number | null | undefined) =>
                  value && value < getFieldValue('yearFrom')
                    ? Promise.reject(new Error(t('communications.movements.yearToBeforeFrom')))
                    : Promise.resolve(),
              }),
            ]}
            style={{ flex: '0 1 120px' }}
          >
            <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('communications.movements.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Typography.Text strong>{t('communications.movements.participations')}</Typography.Text>
        <Form.List name="participations">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap>
                  <Form.Item
                    name={[field.name, 'unitCode']}
                    rules={[{ required: true }]}
                    style={{ flex: '2 1 260px', marginBottom: 8 }}
                  >
                    <UnitCodePicker
                      within={user.unit.code}
                      aria-label={t('communications.movements.participationUnit')}
                      placeholder={t('communications.movements.participationUnit')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'year']}
                    rules={[{ required: true }]}
                    style={{ flex: '0 1 100px', marginBottom: 8 }}
                  >
                    <InputNumber<number>
                      min={FIRST_YEAR}
                      max={2100}
                      precision={0}
                      aria-label={t('communications.movements.participationYear')}
                      placeholder={t('communications.movements.participationYear')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']} style={{ flex: '1 1 160px', marginBottom: 8 }}>
                    <Input
                      maxLength={300}
                      aria-label={t('communications.movements.participationNote')}
                      placeholder={t('communications.movements.participationNote')}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('communications.movements.removeParticipation')}
                    title={t('communications.movements.removeParticipation')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ year })}
                data-testid="movement-add-participation"
              >
                {t('communications.movements.addParticipation')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** How many years of participation a card shows before "show all". */
const YEARS_SHOWN = 5;

/** A movement: who launched it, when, and the units taking part year by year (latest first). */
function MovementCard({
  movement,
  canEdit,
  onEdit,
}: {
  movement: Movement;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const [isExpanded, setIsExpanded] = useState(false);
  const years = participationsByYear(movement);
  const shown = isExpanded ? years : years.slice(0, YEARS_SHOWN);
  return (
    <Card
      size="small"
      title={movement.name}
      data-testid={`movement-${movement.id}`}
      extra={
        canEdit ? (
          <Button size="small" onClick={onEdit}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          {`${movement.unitName} · ${movement.yearFrom}–${movement.yearTo ?? t('communications.movements.ongoing')}`}
        </Typography.Text>
        {movement.description ? (
          <Typography.Paragraph style={{ margin: 0 }}>{movement.description}</Typography.Paragraph>
        ) : null}
        {years.length === 0 ? (
          <Typography.Text type="secondary">{t('communications.movements.noParticipation')}</Typography.Text>
        ) : (
          shown.map((row) => (
            <Flex key={row.year} gap={8} align="baseline" wrap>
              <Typography.Text strong style={{ minWidth: 150 }}>
                {t('communications.movements.unitsInYear', { year: row.year, count: row.units.length })}
              </Typography.Text>
              <Flex gap={4} wrap style={{ flex: 1 }}>
                {row.units.map((name) => (
                  <Tag key={name} style={{ marginInlineEnd: 0 }}>
                    {name}
                  </Tag>
                ))}
              </Flex>
            </Flex>
          ))
        )}
        {years.length > YEARS_SHOWN ? (
          <Button
            type="link"
            size="small"
            style={{ alignSelf: 'flex-start', padding: 0 }}
            onClick={() => setIsExpanded(!isExpanded)}
          >
            {isExpanded
              ? t('communications.movements.showFewerYears')
              : t('communications.movements.showAllYears', { count: years.length })}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}

/** "Phong trào": movements with the units taking part each year. */
export function MovementsTab({ unit, canWrite }: { unit: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const movements = useMovements(unit);
  const [editing, setEditing] = useState<Movement | 'new' | null>(null);
  const items = movements.data?.items ?? [];
  return (
    <Flex vertical gap={16}>
      {canWrite ? (
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="movement-new"
          >
            {t('communications.movements.new')}
          </Button>
        </Flex>
      ) : null}
      {movements.isError ? (
        <ErrorAlert error={movements.error} onRetry={() => void movements.refetch()} />
      ) : null}
      <List<Movement>
        data-testid="movement-list"
        loading={movements.isFetching}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('communications.movements.none')} /> }}
        pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        renderItem={(movement) => (
          <List.Item style={{ display: 'block', paddingInline: 0 }}>
            <MovementCard
              movement={movement}
              canEdit={canWrite && movement.canEdit}
              onEdit={() => setEditing(movement)}
            />
          </List.Item>
        )}
      />
      {editing ? (
        <MovementModal
          movement={editing === 'new' ? undefined : editing}
          defaultUnit={unit}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}
