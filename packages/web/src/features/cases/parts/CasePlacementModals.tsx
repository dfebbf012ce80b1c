import {
  type CasePlacement,
  PlacementKind,
  placementKindLabels,
  serviceProviderKindLabels,
} from '@tuoitho/domain';
import { Alert, App, Col, Flex, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { todayInVietnam } from '../../../lib/dates';
import { applyFieldErrors } from '../../../lib/errors';
import { isApiError } from '../../../lib/problem';
import { useLanguage } from '../../children/ChildTags';
import { labelOf } from '../../children/childText';
import { IsoDatePicker } from '../../children/DateInputs';
import { Art63ChecklistInput } from './Art63Checklist';
import {
  art63Conditions,
  facilityProviders,
  isArt63Complete,
  isFamilyPlacement,
  type PlacementFormValues,
  placementFormToRequest,
} from './caseParts';
import { useAddPlacementVisit, useCreatePlacement, useEndPlacement, useServiceProviders } from './partsApi';

/** "Bố trí chăm sóc thay thế": a family (carer + Art. 63 checklist) or a facility of the directory. */
export function CreatePlacementModal({
  caseId,
  unitCode,
  onClose,
}: {
  caseId: string;
  unitCode: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlacementFormValues>();
  const create = useCreatePlacement(caseId);
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const kind = Form.useWatch('kind', form) ?? 'kinship';
  const ticked = Form.useWatch('art63', form);
  const isFamily = isFamilyPlacement(kind);
  const providers = useServiceProviders({ unit: unitCode }, Boolean(unitCode) && !isFamily);
  const facilities = facilityProviders(providers.data?.items ?? []);
  const missing = art63Conditions.length - (ticked?.length ?? 0);
  const isBlocked = isFamily && !isArt63Complete(ticked);

  const submit = (values: PlacementFormValues) =>
    create.mutate(placementFormToRequest(values), {
      onSuccess: () => {
        void message.success(t('caseParts.placements.added'));
        onClose();
      },
      onError: (error) =>
        setLeftOver(applyFieldErrors(form, error, ['kind', 'providerId', 'startDate', 'plannedEndDate'])),
    });

  return (
    <Modal
      open
      width={820}
      title={t('caseParts.placements.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('caseParts.placements.add')}
      okButtonProps={{ disabled: isBlocked, 'data-testid': 'case-placement-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        {create.error ? <ErrorAlert error={create.error} extra={leftOver} /> : null}
        <Form
          form={form}
          name="casePlacement"
          layout="vertical"
          onFinish={submit}
          initialValues={{ kind: 'kinship', art63: [], startDate: todayInVietnam() }}
        >
          <Form.Item name="kind" label={t('caseParts.placements.kind')} rules={[{ required: true }]}>
            <Radio.Group
              data-testid="case-placement-kind"
              options={PlacementKind.options.map((value) => ({
                value,
                label: labelOf(placementKindLabels, value, language),
              }))}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="startDate"
                label={t('caseParts.placements.startDate')}
                rules={[{ required: true, message: t('caseParts.placements.startDateRequired') }]}
              >
                <IsoDatePicker />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="plannedEndDate" label={t('caseParts.placements.plannedEndDate')}>
                <IsoDatePicker />
              </Form.Item>
            </Col>
          </Row>
          {isFamily ? (
            <>
              <Typography.Title level={5}>{t('caseParts.placements.carer')}</Typography.Title>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="carerName"
                    label={t('caseParts.placements.carerName')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('caseParts.placements.carerNameRequired'),
                      },
                    ]}
                  >
                    <Input maxLength={200} data-testid="case-placement-carer" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="carerRelationship" label={t('caseParts.placements.carerRelationship')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item name="carerAddress" label={t('caseParts.placements.carerAddress')}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="carerPhone" label={t('caseParts.placements.carerPhone')}>
                    <Input maxLength={20} inputMode="tel" />
                  </Form.Item>
                </Col>
              </Row>
              <Typography.Title level={5}>{t('caseParts.placements.art63')}</Typography.Title>
              <Typography.Paragraph type="secondary">
                {t('caseParts.placements.art63Intro')}
              </Typography.Paragraph>
              <Form.Item name="art63" style={{ marginBottom: 12 }}>
                <Art63ChecklistInput />
              </Form.Item>
              {isBlocked ? (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="case-placement-art63-missing"
                  title={t('caseParts.placements.art63Missing', { count: missing })}
                />
              ) : null}
            </>
          ) : (
            <>
              {providers.isError ? <ErrorAlert error={providers.error} /> : null}
              {providers.isSuccess && facilities.length === 0 ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('caseParts.placements.noFacilities')}
                  action={<Link to="/cases/providers">{t('caseParts.referrals.openDirectory')}</Link>}
                />
              ) : null}
              <Form.Item
                name="providerId"
                label={t('caseParts.placements.facility')}
                rules={[{ required: true, message: t('caseParts.placements.facilityRequired') }]}
              >
                <Select<string>
                  data-testid="case-placement-provider"
                  placeholder={t('caseParts.placements.facilityRequired')}
                  loading={providers.isFetching}
                  options={facilities.map((provider) => ({
                    value: provider.id,
                    label: `${provider.name} · ${labelOf(serviceProviderKindLabels, provider.kind, language)} · ${provider.unitName}`,
                  }))}
                />
              </Form.Item>
            </>
          )}
        </Form>
      </Flex>
    </Modal>
  );
}

/** "Thêm lần thăm": a monitoring visit within the placement, not in the future. */
export function PlacementVisitModal({
  caseId,
  placement,
  onClose,
}: {
  caseId: string;
  placement: CasePlacement;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ visitedOn: string; notes: string }>();
  const visit = useAddPlacementVisit(caseId);
  const [leftOver, setLeftOver] = useState<string[]>([]);
  return (
    <Modal
      open
      title={t('caseParts.placements.visitTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('caseParts.placements.addVisit')}
      okButtonProps={{ 'data-testid': 'placement-visit-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={visit.isPending}
      destroyOnHidden
    >
      {visit.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={visit.error} extra={leftOver} />
        </div>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ visitedOn: todayInVietnam() }}
        onFinish={(values) =>
          visit.mutate(
            { placementId: placement.id, visitedOn: values.visitedOn, notes: values.notes.trim() },
            {
              onSuccess: () => {
                void message.success(t('caseParts.placements.visitAdded'));
                onClose();
              },
              onError: (error) => setLeftOver(applyFieldErrors(form, error, ['visitedOn', 'notes'])),
            },
          )
        }
      >
        <Form.Item
          name="visitedOn"
          label={t('caseParts.placements.visitedOn')}
          rules={[{ required: true, message: t('caseParts.placements.visitedOnRequired') }]}
        >
          <IsoDatePicker notAfterToday />
        </Form.Item>
        <Form.Item
          name="notes"
          label={t('caseParts.placements.visitNotes')}
          rules={[
            { required: true, whitespace: true, message: t('caseParts.placements.visitNotesRequired') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="placement-visit-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Kết thúc": ends the placement with the date and the reason (a stale version: reload). */
export function EndPlacementModal({
  caseId,
  placement,
  onClose,
}: {
  caseId: string;
  placement: CasePlacement;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ endDate: string; reason: string }>();
  const end = useEndPlacement(caseId);
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const isConflict = isApiError(end.error) && end.error.status === 409;
  return (
    <Modal
      open
      title={t('caseParts.placements.endTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('caseParts.placements.end')}
      okButtonProps={{ danger: true, 'data-testid': 'placement-end-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={end.isPending}
      destroyOnHidden
    >
      {end.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert
            error={end.error}
            extra={leftOver}
            onRetry={isConflict ? onClose : undefined}
            retryLabel={t('common.reload')}
          />
        </div>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ endDate: todayInVietnam() }}
        onFinish={(values) =>
          end.mutate(
            {
              placementId: placement.id,
              endDate: values.endDate,
              reason: values.reason.trim(),
              version: placement.version,
            },
            {
              onSuccess: () => {
                void message.success(t('caseParts.placements.ended'));
                onClose();
              },
              onError: (error) => setLeftOver(applyFieldErrors(form, error, ['endDate', 'reason'])),
            },
          )
        }
      >
        <Form.Item
          name="endDate"
          label={t('caseParts.placements.endDate')}
          rules={[{ required: true, message: t('caseParts.placements.endDateRequired') }]}
        >
          <IsoDatePicker notAfterToday />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('caseParts.placements.endReason')}
          rules={[{ required: true, whitespace: true, message: t('caseParts.placements.endReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="placement-end-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
