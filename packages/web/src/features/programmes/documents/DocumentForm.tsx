import { DocumentType, documentTypeLabels, type PlanDocument } from '@tuoitho/domain';
import { App, Col, Form, Input, Modal, Row, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { newIdempotencyKey } from '../../../lib/api';
import { todayInVietnam } from '../../../lib/dates';
import { applyFieldErrors } from '../../../lib/errors';
import { useSession } from '../../auth/api';
import { useLanguage } from '../../children/ChildTags';
import { optionsFromLabels } from '../../children/childText';
import { IsoDatePicker } from '../../children/DateInputs';
import { useCreateDocument, useUpdateDocument } from '../api';
import { type TargetFormValue, targetToRequest } from '../programmeText';
import { TargetsEditor } from '../TargetsEditor';
import { UnitSelect } from '../UnitSelect';

interface DocumentFormValues {
  unit?: string;
  number: string;
  issuedOn: string;
  issuingBody: string;
  type: DocumentType;
  title: string;
  summary?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  targets: TargetFormValue[];
}

const FIELD_NAMES = [
  'unit',
  'number',
  'issuedOn',
  'issuingBody',
  'type',
  'title',
  'summary',
  'validFrom',
  'validTo',
  'targets',
];

/** Registers a document or plan, or corrects one: its number, date, issuer, type, title, validity and targets. */
export function DocumentFormModal({
  document,
  onClose,
  onSaved,
}: {
  document?: PlanDocument | undefined;
  onClose: () => void;
  onSaved?: (document: PlanDocument) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<DocumentFormValues>();
  const [tab, setTab] = useState<'general' | 'targets'>('general');
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const create = useCreateDocument();
  const update = useUpdateDocument();
  const mutation = document ? update : create;
  const thisYear = Number(todayInVietnam().slice(0, 4));

  const initialValues: Partial<DocumentFormValues> = document
    ? {
        number: document.number,
        issuedOn: document.issuedOn,
        issuingBody: document.issuingBody,
        type: document.type,
        title: document.title,
        summary: document.summary,
        validFrom: document.validFrom,
        validTo: document.validTo,
        targets: document.targets,
      }
    : { unit: user.unit.code, targets: [] };

  const onFinish = (values: DocumentFormValues) => {
    setLeftOver([]);
    const fields = {
      number: values.number.trim(),
      issuedOn: values.issuedOn,
      issuingBody: values.issuingBody.trim(),
      type: values.type,
      title: values.title.trim(),
      summary: values.summary?.trim() || null,
      validFrom: values.validFrom ?? null,
      validTo: values.validTo ?? null,
      targets: (values.targets ?? []).map(targetToRequest),
    };
    const handlers = {
      onSuccess: (saved: PlanDocument) => {
        void message.success(t('planDocuments.form.saved', { number: saved.number }));
        onSaved?.(saved);
        onClose();
      },
      onError: (error: unknown) => setLeftOver(applyFieldErrors(form, error, FIELD_NAMES)),
    };
    if (document) {
      update.mutate({ id: document.id, request: { ...fields, version: document.version } }, handlers);
    } else {
      create.mutate({ request: { ...fields, unit: values.unit }, idempotencyKey }, handlers);
    }
  };

  return (
    <Modal
      open
      width={960}
      title={
        document
          ? t('planDocuments.form.editTitle', { number: document.number })
          : t('planDocuments.form.newTitle')
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'document-submit' }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      maskClosable={false}
    >
      {mutation.error ? <ErrorAlert error={mutation.error} extra={leftOver} /> : null}
      <Form<DocumentFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) =>
          setTab(errorFields[0]?.name[0] === 'targets' ? 'targets' : 'general')
        }
        data-testid="document-form"
      >
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as 'general' | 'targets')}
          items={[
            {
              key: 'general',
              label: t('planDocuments.form.tabGeneral'),
              forceRender: true,
              children: (
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="number"
                      label={t('planDocuments.fields.number')}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('planDocuments.fields.numberRequired'),
                        },
                      ]}
                    >
                      <Input maxLength={60} placeholder="125/KH-UBND" data-testid="document-number" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="issuedOn"
                      label={t('planDocuments.fields.issuedOn')}
                      rules={[{ required: true, message: t('planDocuments.fields.issuedOnRequired') }]}
                    >
                      <IsoDatePicker aria-label={t('planDocuments.fields.issuedOn')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="type"
                      label={t('planDocuments.fields.type')}
                      rules={[{ required: true, message: t('planDocuments.fields.typeRequired') }]}
                    >
                      <Select<DocumentType>
                        data-testid="document-type"
                        options={optionsFromLabels(DocumentType.options, documentTypeLabels, language)}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={document ? 24 : 12}>
                    <Form.Item
                      name="issuingBody"
                      label={t('planDocuments.fields.issuingBody')}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('planDocuments.fields.issuingBodyRequired'),
                        },
                      ]}
                    >
                      <Input maxLength={200} placeholder={t('planDocuments.fields.issuingBodyPlaceholder')} />
                    </Form.Item>
                  </Col>
                  {document ? null : (
                    <Col xs={24} md={12}>
                      <Form.Item
                        name="unit"
                        label={t('planDocuments.fields.unit')}
                        extra={t('planDocuments.fields.unitHint')}
                      >
                        <UnitSelect
                          within={user.unit.code}
                          known={[{ code: user.unit.code, name: user.unit.fullName }]}
                        />
                      </Form.Item>
                    </Col>
                  )}
                  <Col span={24}>
                    <Form.Item
                      name="title"
                      label={t('planDocuments.fields.title')}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('planDocuments.fields.titleRequired'),
                        },
                      ]}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={500}
                        data-testid="document-title"
                      />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name="summary" label={t('planDocuments.fields.summary')}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item name="validFrom" label={t('planDocuments.fields.validFrom')}>
                      <IsoDatePicker aria-label={t('planDocuments.fields.validFrom')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item
                      name="validTo"
                      label={t('planDocuments.fields.validTo')}
                      dependencies={['validFrom']}
                      rules={[
                        ({ getFieldValue }) => ({
                          validator: async (_, value: string | null) => {
                            const from = getFieldValue('validFrom') as string | null;
                            if (value && from && value < from)
                              throw new Error(t('planDocuments.fields.validToBeforeFrom'));
                          },
                        }),
                      ]}
                    >
                      <IsoDatePicker aria-label={t('planDocuments.fields.validTo')} />
                    </Form.Item>
                  </Col>
                </Row>
              ),
            },
            {
              key: 'targets',
              label: t('planDocuments.form.tabTargets'),
              forceRender: true,
              children: <TargetsEditor withManualValue={false} defaultYear={thisYear} />,
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
