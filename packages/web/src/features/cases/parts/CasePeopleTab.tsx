import { DeleteOutlined, LockOutlined, UserAddOutlined, WarningOutlined } from '@ant-design/icons';
import { type CasePerson, CasePersonRole, casePersonRoleLabels } from '@tuoitho/domain';
import {
  Alert,
  App,
  Button,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime, todayInVietnam } from '../../../lib/dates';
import { applyFieldErrors, describeError } from '../../../lib/errors';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useLanguage } from '../../children/ChildTags';
import { formatDateOfBirth, labelOf, optionsFromLabels } from '../../children/childText';
import {
  isPersonNameRequired,
  type PersonFormValues,
  personFormToRequest,
  personRoleColors,
  sortPeople,
} from './caseParts';
import { useAddCasePerson, useCasePeople, useChildSearch, useRemoveCasePerson } from './partsApi';

export interface CasePartTabProps {
  caseId: string;
  /** The case is open and the user may act on it. */
  canEdit: boolean;
  /** The reason a province officer gave to read the content (kept in the read log). */
  readReason?: string | undefined;
}

const PHONE = /^(\+84|0)\d{9,10}$/;

export function PersonRoleTag({ role }: { role: CasePerson['role'] }) {
  const language = useLanguage();
  return (
    <Tag
      color={personRoleColors[role]}
      icon={role === 'alleged_perpetrator' ? <WarningOutlined /> : undefined}
      style={{ marginInlineEnd: 0 }}
    >
      {labelOf(casePersonRoleLabels, role, language)}
    </Tag>
  );
}

function RegistryChildSelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const results = useChildSearch(q);
  return (
    <Select<string>
      id={id}
      data-testid="case-person-child"
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value}
      onChange={onChange}
      options={(results.data ?? []).map((child) => ({
        value: child.id,
        label: `${child.fullName} · ${formatDateOfBirth(child.dateOfBirth)} · ${child.unitName}`,
      }))}
      loading={results.isFetching}
      placeholder={t('caseParts.people.childSearchPlaceholder')}
      notFoundContent={q.length >= 2 && !results.isFetching ? t('caseParts.people.childNotFound') : null}
      allowClear
    />
  );
}

/** "Thêm người": a person of the case, or a child of the registry for the role "child". */
function AddPersonModal({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const add = useAddCasePerson(caseId);
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const role = Form.useWatch('role', form);
  const childId = Form.useWatch('childId', form);
  const isNameRequired = isPersonNameRequired({ role: role ?? 'other', childId });
  const thisYear = Number(todayInVietnam().slice(0, 4));

  const submit = (values: PersonFormValues) =>
    add.mutate(personFormToRequest(values), {
      onSuccess: () => {
        void message.success(t('caseParts.people.added'));
        onClose();
      },
      onError: (error) =>
        setLeftOver(
          applyFieldErrors(form, error, [
            'role',
            'childId',
            'fullName',
            'relationship',
            'yearOfBirth',
            'phone',
            'address',
            'note',
          ]),
        ),
    });

  return (
    <Modal
      open
      width={720}
      title={t('caseParts.people.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('caseParts.people.add')}
      okButtonProps={{ 'data-testid': 'case-person-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          <LockOutlined aria-hidden /> {t('caseParts.confidential')}
        </Typography.Text>
        {add.error ? <ErrorAlert error={add.error} extra={leftOver} /> : null}
        <Form
          form={form}
          name="casePerson"
          layout="vertical"
          onFinish={submit}
          initialValues={{ role: 'caregiver' }}
        >
          <Form.Item name="role" label={t('caseParts.people.role')} rules={[{ required: true }]}>
            <Select
              data-testid="case-person-role"
              options={optionsFromLabels(CasePersonRole.options, casePersonRoleLabels, language)}
            />
          </Form.Item>
          {role === 'alleged_perpetrator' ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('caseParts.people.perpetratorWarning')}
            />
          ) : null}
          {role === 'child' ? (
            <Form.Item
              name="childId"
              label={t('caseParts.people.registryChild')}
              extra={t('caseParts.people.registryChildHint')}
            >
              <RegistryChildSelect />
            </Form.Item>
          ) : null}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="fullName"
                label={t('caseParts.people.fullName')}
                extra={isNameRequired ? t('caseParts.people.fullNameHint') : undefined}
                rules={[
                  {
                    required: isNameRequired,
                    whitespace: true,
                    message: t('caseParts.people.fullNameRequired'),
                  },
                ]}
              >
                <Input maxLength={200} data-testid="case-person-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="relationship" label={t('caseParts.people.relationship')}>
                <Input maxLength={100} placeholder={t('caseParts.people.relationshipPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="yearOfBirth" label={t('caseParts.people.yearOfBirth')}>
                <InputNumber<number>
                  min={1900}
                  max={thisYear}
                  precision={0}
                  controls={false}
                  inputMode="numeric"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="phone"
                label={t('caseParts.people.phone')}
                rules={[
                  {
                    validator: (_rule, value: string | undefined) =>
                      !value?.trim() || PHONE.test(value.replace(/[\s.-]/g, ''))
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('caseParts.people.phoneInvalid'))),
                  },
                ]}
              >
                <Input maxLength={20} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="address" label={t('caseParts.people.address')}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="note" label={t('caseParts.people.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}

/** "Người liên quan": the child's carers, alleged perpetrators and others of the case (confidential). */
export function CasePeopleTab({ caseId, canEdit, readReason }: CasePartTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [showRemoved, setShowRemoved] = useState(false);
  const [isAdding, setIsAdding] = useState(false);
  const people = useCasePeople(caseId, showRemoved, readReason);
  const remove = useRemoveCasePerson(caseId);
  const items = sortPeople(people.data?.items ?? []);
  const hasPerpetrator = items.some((person) => person.role === 'alleged_perpetrator' && !person.removedAt);

  return (
    <Flex vertical gap={12} data-testid="case-people-tab">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary">
          <LockOutlined aria-hidden /> {t('caseParts.confidential')}
        </Typography.Text>
        <Flex gap={12} align="center" wrap>
          <Flex gap={8} align="center">
            <Switch id="case-people-removed" size="small" checked={showRemoved} onChange={setShowRemoved} />
            <label htmlFor="case-people-removed" style={{ cursor: 'pointer' }}>
              {t('caseParts.people.showRemoved')}
            </label>
          </Flex>
          {canEdit ? (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setIsAdding(true)}
              data-testid="case-person-add"
            >
              {t('caseParts.people.add')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {hasPerpetrator ? (
        <Alert type="warning" showIcon title={t('caseParts.people.perpetratorWarning')} />
      ) : null}
      {people.isError ? <ErrorAlert error={people.error} onRetry={() => void people.refetch()} /> : null}
      <Table<CasePerson>
        data-testid="case-people"
        size="small"
        rowKey="id"
        loading={people.isFetching && !people.data}
        pagination={false}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('caseParts.people.empty') }}
        columns={[
          {
            title: t('caseParts.people.role'),
            key: 'role',
            render: (_value, person) => (
              <Flex vertical gap={4} align="flex-start">
                <PersonRoleTag role={person.role} />
                {person.removedAt ? (
                  <Tag style={{ marginInlineEnd: 0 }}>
                    {t('caseParts.people.removedAt', { at: formatDateTime(person.removedAt) })}
                  </Tag>
                ) : null}
              </Flex>
            ),
          },
          {
            title: t('caseParts.people.fullName'),
            key: 'fullName',
            render: (_value, person) => {
              const name = person.child ? (
                <Link to={`/children/${person.child.id}`}>{person.child.fullName}</Link>
              ) : (
                person.fullName
              );
              return person.removedAt ? <Typography.Text delete>{name}</Typography.Text> : name;
            },
          },
          {
            title: t('caseParts.people.relationship'),
            dataIndex: 'relationship',
            key: 'relationship',
          },
          {
            title: t('caseParts.people.yearOfBirth'),
            key: 'yearOfBirth',
            render: (_value, person) =>
              person.child ? formatDateOfBirth(person.child.dateOfBirth) : (person.yearOfBirth ?? ''),
          },
          { title: t('caseParts.people.phone'), dataIndex: 'phone', key: 'phone' },
          { title: t('caseParts.people.address'), dataIndex: 'address', key: 'address' },
          {
            title: t('caseParts.people.note'),
            dataIndex: 'note',
            key: 'note',
            render: (note: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{note}</span>,
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 60,
                  render: (_value: unknown, person: CasePerson) =>
                    person.removedAt ? null : (
                      <Popconfirm
                        title={t('caseParts.people.removeConfirm', { name: person.fullName })}
                        description={t('caseParts.people.removeConfirmText')}
                        okText={t('caseParts.people.remove')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          remove.mutate(person.id, {
                            onSuccess: () => void message.success(t('caseParts.people.removedDone')),
                            onError: (error) => void message.error(describeError(error, t)),
                          })
                        }
                      >
                        <Button
                          icon={<DeleteOutlined />}
                          aria-label={t('caseParts.people.remove')}
                          danger
                          size="small"
                        />
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      {isAdding ? <AddPersonModal caseId={caseId} onClose={() => setIsAdding(false)} /> : null}
    </Flex>
  );
}
