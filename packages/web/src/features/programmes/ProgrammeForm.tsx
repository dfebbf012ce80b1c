import { type Programme, ProgrammeKind, programmeKindLabels } from '@tuoitho/domain';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newIdempotencyKey } from '../../lib/api';
import { todayInVietnam } from '../../lib/dates';
import { applyFieldErrors } from '../../lib/errors';
import { useSession } from '../auth/api';
import { useLanguage } from '../children/ChildTags';
import { optionsFromLabels } from '../children/childText';
import { useCreateProgramme, useDocumentSearch, useUpdateProgramme } from './api';
import { BudgetEditor } from './BudgetEditor';
import {
  type BudgetFormValue,
  budgetToRequest,
  programmeTargetToRequest,
  type TargetFormValue,
} from './programmeText';
import { TargetsEditor } from './TargetsEditor';
import { type UnitChoice, UnitSelect } from './UnitSelect';

interface ProgrammeFormValues {
  unit?: string;
  kind: ProgrammeKind;
  name: string;
  theme?: string | null;
  yearFrom: number;
  yearTo: number;
  description?: string | null;
  leadOrganisation: string;
  partnerOrganisations: string[];
  unitCodes: string[];
  documentIds: string[];
  targets: TargetFormValue[];
  budget: BudgetFormValue[];
}

type TabKey = 'general' | 'targets' | 'budget' | 'links';
const tabOfField: Record<string, TabKey> = {
  targets: 'targets',
  budget: 'budget',
  unitCodes: 'links',
  documentIds: 'links',
};
const FIELD_NAMES = [
  'unit',
  'kind',
  'name',
  'theme',
  'yearFrom',
  'yearTo',
  'description',
  'leadOrganisation',
  'partnerOrganisations',
  'unitCodes',
  'documentIds',
  'targets',
  'budget',
];

/** Linked documents: search the register by number or title (diacritics optional). */
function DocumentsSelect({
  value,
  onChange,
  known,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  known: ReadonlyArray<{ id: string; number: string; title: string }>;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const found = useDocumentSearch(search);
  const byId = new Map<string, string>();
  for (const document of [...known, ...(found.data ?? [])])
    byId.set(document.id, `${document.number} — ${document.title}`);
  return (
    <Select<string[]>
      mode="multiple"
      aria-label={t('programmes.fields.documents')}
      value={value ?? []}
      onChange={(ids) => onChange?.(ids)}
      options={[...byId].map(([id, label]) => ({ value: id, label }))}
      showSearch={{ searchValue: search, onSearch: setSearch, filterOption: false }}
      loading={found.isFetching}
      placeholder={t('programmes.fields.documentsPlaceholder')}
      style={{ width: '100%' }}
    />
  );
}

/**
 * Creates or edits a programme: what it is, its years and organisations, its targets, its budget
 * by year and source, and the units and documents it concerns. A stale `version` answers 409.
 */
export function ProgrammeFormModal({
  programme,
  onClose,
  onSaved,
}: {
  programme?: Programme | undefined;
  onClose: () => void;
  onSaved?: (programme: Programme) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<ProgrammeFormValues>();
  const [tab, setTab] = useState<TabKey>('general');
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const create = useCreateProgramme();
  const update = useUpdateProgramme();
  const mutation = programme ? update : create;
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const runningUnit =
    (Form.useWatch('unit', form) as string | undefined) ?? programme?.unitCode ?? user.unit.code;
  const userUnit: UnitChoice = { code: user.unit.code, name: user.unit.fullName };

  const initialValues: Partial<ProgrammeFormValues> = programme
    ? {
        kind: programme.kind,
        name: programme.name,
        theme: programme.theme,
        yearFrom: programme.yearFrom,
        yearTo: programme.yearTo,
        description: programme.description,
        leadOrganisation: programme.leadOrganisation,
        partnerOrganisations: programme.partnerOrganisations,
        unitCodes: programme.units.map((unit) => unit.code),
        documentIds: programme.documents.map((document) => document.id),
        targets: programme.targets,
        budget: programme.budget,
      }
    : {
        unit: user.unit.code,
        yearFrom: thisYear,
        yearTo: thisYear,
        partnerOrganisations: [],
        unitCodes: [],
        documentIds: [],
        targets: [],
        budget: [],
      };

  const onFinish = (values: ProgrammeFormValues) => {
    setLeftOver([]);
    const fields = {
      kind: values.kind,
      name: values.name.trim(),
      theme: values.theme?.trim() || null,
      yearFrom: values.yearFrom,
      yearTo: values.yearTo,
      description: values.description?.trim() || null,
      leadOrganisation: values.leadOrganisation.trim(),
      partnerOrganisations: (values.partnerOrganisations ?? []).map((name) => name.trim()).filter(Boolean),
      unitCodes: values.unitCodes ?? [],
      documentIds: values.documentIds ?? [],
      budget: budgetToRequest(values.budget ?? []),
    };
    const targets = (values.targets ?? []).map(programmeTargetToRequest);
    const handlers = {
      onSuccess: (saved: Programme) => {
        void message.success(t('programmes.form.saved', { name: saved.name }));
        onSaved?.(saved);
        onClose();
      },
      onError: (error: unknown) => setLeftOver(applyFieldErrors(form, error, FIELD_NAMES)),
    };
    if (programme) {
      update.mutate(
        { id: programme.id, request: { ...fields, targets, version: programme.version } },
        handlers,
      );
    } else {
      create.mutate(
        {
          request: { ...fields, unit: values.unit, targets: targets.map(({ id: _id, ...target }) => target) },
          idempotencyKey,
        },
        handlers,
      );
    }
  };

  return (
    <Modal
      open
      width={1000}
      title={programme ? t('programmes.form.editTitle') : t('programmes.form.newTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'programme-submit' }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      maskClosable={false}
    >
      {mutation.error ? <ErrorAlert error={mutation.error} extra={leftOver} /> : null}
      <Form<ProgrammeFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) => {
          const first = errorFields[0]?.name[0];
          setTab(typeof first === 'string' ? (tabOfField[first] ?? 'general') : 'general');
        }}
        data-testid="programme-form"
      >
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as TabKey)}
          items={[
            {
              key: 'general',
              label: t('programmes.form.tabGeneral'),
              forceRender: true,
              children: (
                <Row gutter={16}>
                  {programme ? null : (
                    <Col xs={24} md={12}>
                      <Form.Item
                        name="unit"
                        label={t('programmes.fields.runningUnit')}
                        extra={t('programmes.fields.runningUnitHint')}
                      >
                        <UnitSelect within={user.unit.code} known={[userUnit]} data-testid="programme-unit" />
                      </Form.Item>
                    </Col>
                  )}
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="kind"
                      label={t('programmes.fields.kind')}
                      rules={[{ required: true, message: t('programmes.fields.kindRequired') }]}
                    >
                      <Select<ProgrammeKind>
                        data-testid="programme-kind"
                        options={optionsFromLabels(ProgrammeKind.options, programmeKindLabels, language)}
                        popupMatchSelectWidth={false}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item
                      name="name"
                      label={t('programmes.fields.name')}
                      rules={[
                        { required: true, whitespace: true, message: t('programmes.fields.nameRequired') },
                      ]}
                    >
                      <Input maxLength={300} data-testid="programme-name" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="theme"
                      label={t('programmes.fields.theme')}
                      extra={t('programmes.fields.themeHint')}
                    >
                      <Input maxLength={300} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name="yearFrom"
                      label={t('programmes.fields.yearFrom')}
                      rules={[{ required: true, message: t('programmes.fields.yearRequired') }]}
                    >
                      <InputNumber<number> min={2000} max={2100} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name="yearTo"
                      label={t('programmes.fields.yearTo')}
                      dependencies={['yearFrom']}
                      rules={[
                        { required: true, message: t('programmes.fields.yearRequired') },
                        ({ getFieldValue }) => ({
                          validator: async (_, value: number | null) => {
                            const from = getFieldValue('yearFrom') as number | null;
                            if (value && from && value < from)
                              throw new Error(t('programmes.fields.yearToBeforeFrom'));
                          },
                        }),
                      ]}
                    >
                      <InputNumber<number> min={2000} max={2100} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="leadOrganisation"
                      label={t('programmes.fields.lead')}
                      rules={[
                        { required: true, whitespace: true, message: t('programmes.fields.leadRequired') },
                      ]}
                    >
                      <Input maxLength={200} placeholder={t('programmes.fields.leadPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="partnerOrganisations"
                      label={t('programmes.fields.partners')}
                      extra={t('programmes.fields.partnersHint')}
                    >
                      <Select<string[]> mode="tags" open={false} suffixIcon={null} tokenSeparators={[';']} />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name="description" label={t('programmes.fields.description')}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
                    </Form.Item>
                  </Col>
                </Row>
              ),
            },
            {
              key: 'targets',
              label: t('programmes.form.tabTargets'),
              forceRender: true,
              children: <TargetsEditor withManualValue defaultYear={thisYear} />,
            },
            {
              key: 'budget',
              label: t('programmes.form.tabBudget'),
              forceRender: true,
              children: <BudgetEditor defaultYear={thisYear} />,
            },
            {
              key: 'links',
              label: t('programmes.form.tabLinks'),
              forceRender: true,
              children: (
                <>
                  <Form.Item
                    name="unitCodes"
                    label={t('programmes.fields.units')}
                    extra={t('programmes.fields.unitsHint')}
                  >
                    <UnitSelect mode="multiple" within={runningUnit} known={programme?.units ?? []} />
                  </Form.Item>
                  <Form.Item name="documentIds" label={t('programmes.fields.documents')}>
                    <DocumentsSelect known={programme?.documents ?? []} />
                  </Form.Item>
                </>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
