import {
  type Incident,
  IncidentCause,
  IncidentOutcome,
  incidentCauseLabels,
  incidentOutcomeLabels,
  PlaceType,
  placeTypeLabels,
  Sex,
  sexLabels,
} from '@tuoitho/domain';
import { App, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { newIdempotencyKey } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/errors';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useSession } from '../../auth/api';
import { IsoDateTimePicker } from '../../cases/CaseTags';
import { useLanguage } from '../../children/ChildTags';
import { formatDateOfBirth, optionsFromLabels } from '../../children/childText';
import { UnitCodePicker } from '../../children/UnitCodePicker';
import { useChildSearch, useCreateIncident, useUpdateIncident } from '../api';
import {
  type IncidentFormValues,
  incidentFormToRequest,
  incidentToFormValues,
  withoutUnit,
} from '../outreachForms';

const formFields = [
  'unit',
  'occurredAt',
  'cause',
  'placeType',
  'placeDescription',
  'age',
  'sex',
  'outcome',
  'childId',
  'description',
];

/** A commune code has five digits (a province two). */
const isCommuneCode = (code: string) => /^\d{5}$/.test(code);

/**
 * Chooses the registered child an incident is about: type a name, pick from the registry. Shown
 * only to users who may read the registry (the server also hides the name from the others).
 */
function ChildLinkSelect({
  value,
  onChange,
  unit,
  initialLabel,
  onPicked,
}: {
  value?: string | null;
  onChange?: (childId: string | null) => void;
  unit: string | undefined;
  initialLabel: string | null;
  onPicked: (child: { sex: Sex }) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const children = useChildSearch(term, unit, true);
  const found = children.data?.items;
  const options = useMemo(() => {
    const list = (found ?? []).map((child) => ({
      value: child.id,
      label: `${child.fullName} · ${formatDateOfBirth(child.dateOfBirth)} · ${child.unitName}`,
    }));
    if (value && initialLabel && !list.some((option) => option.value === value))
      list.unshift({ value, label: initialLabel });
    return list;
  }, [found, value, initialLabel]);
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      aria-label={t('incidents.fields.child')}
      data-testid="incident-child"
      placeholder={t('incidents.childSearch')}
      value={value ?? undefined}
      onChange={(childId: string | undefined) => {
        onChange?.(childId ?? null);
        const picked = found?.find((child) => child.id === childId);
        if (picked) onPicked({ sex: picked.sex });
      }}
      options={options}
      loading={children.isFetching}
      notFoundContent={term.length >= 2 && !children.isFetching ? t('incidents.childNone') : null}
    />
  );
}

/** Records an injury or death of a child, or corrects it; a stale version answers 409. */
export function IncidentModal({
  incident,
  defaultUnit,
  onClose,
}: {
  incident: Incident | undefined;
  defaultUnit: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const { user } = useSession();
  const canReadRegistry = user.permissions.includes('registry.read');
  const [form] = Form.useForm<IncidentFormValues>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useCreateIncident();
  const update = useUpdateIncident();
  const mutation = incident ? update : create;
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const unit = Form.useWatch('unit', form);
  const initialValues: Partial<IncidentFormValues> = incident
    ? incidentToFormValues(incident)
    : { unit: isCommuneCode(defaultUnit) ? defaultUnit : undefined, cause: 'drowning' };

  const submit = (values: IncidentFormValues) => {
    const request = incidentFormToRequest(values);
    const onError = (error: unknown) => setLeftOver(applyFieldErrors(form, error, formFields));
    const onSuccess = () => {
      void message.success(incident ? t('incidents.saved') : t('incidents.created'));
      onClose();
    };
    if (incident) {
      // Without the registry right the link is neither shown nor changed.
      const kept = canReadRegistry ? request : { ...request, childId: incident.childId };
      update.mutate(
        { id: incident.id, request: { ...withoutUnit(kept), version: incident.version } },
        { onSuccess, onError },
      );
    } else {
      create.mutate({ request, idempotencyKey }, { onSuccess, onError });
    }
  };

  return (
    <Modal
      open
      width={720}
      title={incident ? t('incidents.editTitle') : t('incidents.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'incident-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {mutation.error ? <ErrorAlert error={mutation.error} extra={leftOver} /> : null}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Flex gap={12} wrap>
          <Form.Item
            name="occurredAt"
            label={t('incidents.fields.occurredAt')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 200px' }}
          >
            <IsoDateTimePicker notAfterNow aria-label={t('incidents.fields.occurredAt')} />
          </Form.Item>
          <Form.Item
            name="unit"
            label={t('incidents.fields.unit')}
            rules={[{ required: !incident, message: t('incidents.unitRequired') }]}
            style={{ flex: '2 1 280px' }}
          >
            <UnitCodePicker
              level="commune"
              within={user.unit.code}
              disabled={Boolean(incident) || user.unit.level === 'commune'}
              aria-label={t('incidents.fields.unit')}
            />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="cause"
            label={t('incidents.fields.cause')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 200px' }}
          >
            <Select
              aria-label={t('incidents.fields.cause')}
              data-testid="incident-cause"
              options={optionsFromLabels(IncidentCause.options, incidentCauseLabels, language)}
            />
          </Form.Item>
          <Form.Item
            name="outcome"
            label={t('incidents.fields.outcome')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 200px' }}
          >
            <Select
              aria-label={t('incidents.fields.outcome')}
              data-testid="incident-outcome"
              options={optionsFromLabels(IncidentOutcome.options, incidentOutcomeLabels, language)}
            />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="placeType"
            label={t('incidents.fields.placeType')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 200px' }}
          >
            <Select
              aria-label={t('incidents.fields.placeType')}
              data-testid="incident-place-type"
              options={optionsFromLabels(PlaceType.options, placeTypeLabels, language)}
            />
          </Form.Item>
          <Form.Item
            name="placeDescription"
            label={t('incidents.fields.placeDescription')}
            style={{ flex: '2 1 280px' }}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="age"
            label={t('incidents.fields.age')}
            rules={[{ required: true }]}
            style={{ flex: '0 1 120px' }}
          >
            <InputNumber<number>
              min={0}
              max={17}
              precision={0}
              style={{ width: '100%' }}
              data-testid="incident-age"
            />
          </Form.Item>
          <Form.Item name="sex" label={t('incidents.fields.sex')} style={{ flex: '0 1 160px' }}>
            <Select
              allowClear
              aria-label={t('incidents.fields.sex')}
              placeholder={t('incidents.unknownSex')}
              options={optionsFromLabels(Sex.options, sexLabels, language)}
            />
          </Form.Item>
          {canReadRegistry ? (
            <Form.Item
              name="childId"
              label={t('incidents.fields.child')}
              tooltip={t('incidents.childHelp')}
              style={{ flex: '2 1 260px' }}
            >
              <ChildLinkSelect
                unit={unit ?? incident?.unitCode}
                initialLabel={incident?.childName ?? null}
                onPicked={({ sex }) => {
                  if (!form.getFieldValue('sex')) form.setFieldValue('sex', sex);
                }}
              />
            </Form.Item>
          ) : null}
        </Flex>
        <Form.Item name="description" label={t('incidents.fields.description')}>
          <Input.TextArea rows={3} maxLength={3000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
