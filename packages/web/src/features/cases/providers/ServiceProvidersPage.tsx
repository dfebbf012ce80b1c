import { EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { type ServiceProvider, ServiceProviderKind, serviceProviderKindLabels } from '@tuoitho/domain';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Spin,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { applyFieldErrors, describeError } from '../../../lib/errors';
import { isApiError } from '../../../lib/problem';
import { useSession } from '../../auth/api';
import { useLanguage } from '../../children/ChildTags';
import { labelOf, optionsFromLabels } from '../../children/childText';
import { UnitCodePicker } from '../../children/UnitCodePicker';
import {
  groupProvidersByUnit,
  type ProviderFormValues,
  providerFormToCreate,
  providerFormToUpdate,
} from '../parts/caseParts';
import { useCreateServiceProvider, useServiceProviders, useUpdateServiceProvider } from '../parts/partsApi';

const FIELDS = ['unitCode', 'kind', 'name', 'address', 'phone', 'contactPerson', 'note'];

/** Adds a provider (`provider` absent) or edits one with its version (stale: 409, reload). */
function ProviderFormModal({
  provider,
  defaultUnitCode,
  onClose,
}: {
  provider: ServiceProvider | undefined;
  defaultUnitCode: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProviderFormValues>();
  const create = useCreateServiceProvider();
  const update = useUpdateServiceProvider();
  const mutation = provider ? update : create;
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const isConflict = isApiError(mutation.error) && mutation.error.status === 409;

  const submit = (values: ProviderFormValues) => {
    const onError = (error: unknown) => setLeftOver(applyFieldErrors(form, error, FIELDS));
    if (provider) {
      update.mutate(
        { id: provider.id, ...providerFormToUpdate(provider, values) },
        {
          onSuccess: () => {
            void message.success(t('caseParts.providers.saved'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(providerFormToCreate(values, values.unitCode ?? defaultUnitCode), {
        onSuccess: () => {
          void message.success(t('caseParts.providers.added'));
          onClose();
        },
        onError,
      });
    }
  };

  return (
    <Modal
      open
      width={720}
      title={provider ? t('caseParts.providers.editTitle') : t('caseParts.providers.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={provider ? t('common.save') : t('caseParts.providers.add')}
      okButtonProps={{ 'data-testid': 'provider-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {mutation.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert
            error={mutation.error}
            extra={leftOver}
            onRetry={isConflict ? onClose : undefined}
            retryLabel={t('common.reload')}
          />
        </div>
      ) : null}
      <Form<ProviderFormValues>
        form={form}
        name="serviceProvider"
        layout="vertical"
        onFinish={submit}
        initialValues={
          provider
            ? {
                kind: provider.kind,
                name: provider.name,
                address: provider.address ?? undefined,
                phone: provider.phone ?? undefined,
                contactPerson: provider.contactPerson ?? undefined,
                note: provider.note ?? undefined,
              }
            : { unitCode: defaultUnitCode, kind: 'health_station' }
        }
      >
        {provider ? (
          <Typography.Paragraph type="secondary">
            {t('caseParts.providers.unit')}: {provider.unitName}
          </Typography.Paragraph>
        ) : (
          <Form.Item
            name="unitCode"
            label={t('caseParts.providers.unit')}
            extra={t('caseParts.providers.unitHint')}
            rules={[{ required: true, message: t('caseParts.providers.unitRequired') }]}
          >
            <UnitCodePicker />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="kind" label={t('caseParts.providers.kind')} rules={[{ required: true }]}>
              <Select
                data-testid="provider-kind"
                options={optionsFromLabels(ServiceProviderKind.options, serviceProviderKindLabels, language)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="name"
              label={t('caseParts.providers.name')}
              rules={[{ required: true, whitespace: true, message: t('caseParts.providers.nameRequired') }]}
            >
              <Input maxLength={300} data-testid="provider-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="address" label={t('caseParts.providers.address')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="phone" label={t('caseParts.providers.phone')}>
              <Input maxLength={50} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="contactPerson" label={t('caseParts.providers.contactPerson')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('caseParts.providers.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Danh bạ cơ sở cung cấp dịch vụ": the providers of the caller's area and of the units above. */
export default function ServiceProvidersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const { user } = useSession();
  const [kind, setKind] = useState<ServiceProviderKind | undefined>();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<ServiceProvider | 'new' | undefined>();
  const providers = useServiceProviders({ kind, includeInactive });
  const update = useUpdateServiceProvider();
  const canAdd = user.permissions.includes('cases.write') || user.permissions.includes('catalogs.manage');
  const groups = groupProvidersByUnit(providers.data?.items ?? []);

  const setActive = (provider: ServiceProvider, isActive: boolean) =>
    update.mutate(
      { id: provider.id, version: provider.version, isActive },
      {
        onSuccess: () =>
          void message.success(
            isActive ? t('caseParts.providers.reactivated') : t('caseParts.providers.deactivated'),
          ),
        onError: (error) => void message.error(describeError(error, t)),
      },
    );

  return (
    <>
      <PageHeader
        title={t('caseParts.providers.title')}
        intro={t('caseParts.providers.intro')}
        extra={
          canAdd ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="provider-add"
            >
              {t('caseParts.providers.add')}
            </Button>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={16} align="center" wrap>
          <Select<ServiceProviderKind>
            aria-label={t('caseParts.providers.kind')}
            style={{ minWidth: 260 }}
            allowClear
            placeholder={t('caseParts.providers.allKinds')}
            value={kind}
            onChange={setKind}
            options={optionsFromLabels(ServiceProviderKind.options, serviceProviderKindLabels, language)}
            data-testid="provider-kind-filter"
          />
          <Flex gap={8} align="center">
            <Switch
              id="providers-inactive"
              size="small"
              checked={includeInactive}
              onChange={setIncludeInactive}
            />
            <label htmlFor="providers-inactive" style={{ cursor: 'pointer' }}>
              {t('caseParts.providers.includeInactive')}
            </label>
          </Flex>
        </Flex>
      </Card>
      {providers.isError ? (
        <ErrorAlert error={providers.error} onRetry={() => void providers.refetch()} />
      ) : null}
      {providers.isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin size="large" />
        </Flex>
      ) : null}
      {providers.isSuccess && groups.length === 0 ? (
        <Card>
          <Empty description={t('caseParts.providers.empty')} />
        </Card>
      ) : null}
      <Flex vertical gap={16}>
        {groups.map((group) => (
          <Card
            key={group.unitCode}
            size="small"
            data-testid="provider-group"
            title={
              <Flex gap={8} align="center" wrap>
                <span>{group.unitName}</span>
                <Tag
                  color={group.unitLevel === 'province' ? 'purple' : 'blue'}
                  style={{ marginInlineEnd: 0 }}
                >
                  {group.unitLevel === 'province'
                    ? t('caseParts.providers.provinceLevel')
                    : t('caseParts.providers.communeLevel')}
                </Tag>
              </Flex>
            }
            extra={
              <Typography.Text type="secondary">
                {t('caseParts.providers.count', { count: group.items.length })}
              </Typography.Text>
            }
          >
            <Table<ServiceProvider>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={group.items}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('caseParts.providers.kind'),
                  key: 'kind',
                  render: (_value, provider) => labelOf(serviceProviderKindLabels, provider.kind, language),
                },
                {
                  title: t('caseParts.providers.name'),
                  key: 'name',
                  render: (_value, provider) => (
                    <Flex vertical>
                      <Typography.Text strong delete={!provider.isActive}>
                        {provider.name}
                      </Typography.Text>
                      {provider.note ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {provider.note}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  ),
                },
                { title: t('caseParts.providers.address'), dataIndex: 'address', key: 'address' },
                { title: t('caseParts.providers.phone'), dataIndex: 'phone', key: 'phone' },
                { title: t('caseParts.providers.contactPerson'), dataIndex: 'contactPerson', key: 'contact' },
                {
                  title: t('caseParts.providers.active'),
                  key: 'active',
                  render: (_value, provider) =>
                    provider.isActive ? (
                      <Tag color="green">{t('caseParts.providers.active')}</Tag>
                    ) : (
                      <Tag>{t('caseParts.providers.inactive')}</Tag>
                    ),
                },
                {
                  title: '',
                  key: 'actions',
                  render: (_value, provider) =>
                    provider.canEdit ? (
                      <Flex gap={4}>
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={t('common.edit')}
                          onClick={() => setEditing(provider)}
                        />
                        {provider.isActive ? (
                          <Popconfirm
                            title={t('caseParts.providers.deactivateConfirm', { name: provider.name })}
                            okText={t('caseParts.providers.deactivate')}
                            okButtonProps={{ danger: true }}
                            cancelText={t('common.cancel')}
                            onConfirm={() => setActive(provider, false)}
                          >
                            <Button
                              size="small"
                              danger
                              icon={<StopOutlined />}
                              aria-label={t('caseParts.providers.deactivate')}
                              title={t('caseParts.providers.deactivate')}
                            />
                          </Popconfirm>
                        ) : (
                          <Button
                            size="small"
                            icon={<UndoOutlined />}
                            onClick={() => setActive(provider, true)}
                          >
                            {t('caseParts.providers.reactivate')}
                          </Button>
                        )}
                      </Flex>
                    ) : null,
                },
              ]}
            />
          </Card>
        ))}
      </Flex>
      {editing ? (
        <ProviderFormModal
          provider={editing === 'new' ? undefined : editing}
          defaultUnitCode={user.unit.code}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </>
  );
}
