import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  ChildList,
  ConcernType,
  concernTypeLabels,
  IntakeChannel,
  IntakeUrgency,
  intakeChannelLabels,
  intakeUrgencyLabels,
  Sex,
  sexLabels,
} from '@tuoitho/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ForbiddenPage } from '../../app/StatusPages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { api, newIdempotencyKey } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useSession } from '../auth/api';
import { useChild } from '../children/api';
import { useLanguage } from '../children/ChildTags';
import { formatDateOfBirth, optionsFromLabels } from '../children/childText';
import { DateOfBirthInput } from '../children/DateInputs';
import { UnitCodePicker } from '../children/UnitCodePicker';
import { useCreateCase } from './api';
import { IsoDateTimePicker } from './CaseTags';
import { nowInVietnamIso } from './caseActions';
import { buildCreateCaseRequest, type IntakeFormValues, isAfterNow } from './caseIntake';

const FIELD_NAMES = [
  'unitCode',
  'childId',
  'child',
  'source',
  'concerns',
  'urgency',
  'receivedAt',
  'summary',
  'reporter',
];

/** Searches the registry by name or personal id for the child of the report. */
function ChildSearchSelect({
  value,
  onChange,
  initialLabel,
  id,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  initialLabel?: string | undefined;
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const results = useQuery({
    queryKey: ['children', 'intake-search', q],
    queryFn: async ({ signal }) =>
      (await api.get('/children', { schema: ChildList, query: { q, limit: 20 }, signal })).items,
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
  const options = (results.data ?? []).map((child) => ({
    value: child.id,
    label: `${child.fullName} · ${formatDateOfBirth(child.dateOfBirth)} · ${child.unitName}`,
  }));
  if (value && initialLabel && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: initialLabel });
  }
  return (
    <Select<string>
      id={id}
      data-testid="case-intake-child-search"
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      value={value}
      onChange={onChange}
      options={options}
      loading={results.isFetching}
      placeholder={t('cases.intake.childSearchPlaceholder')}
      notFoundContent={q.length >= 2 && !results.isFetching ? t('cases.intake.childNotFound') : null}
      allowClear
    />
  );
}

/** "Tiếp nhận vụ việc" (form 01): a report about a child of the registry or a new child. */
export default function CaseIntakePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const { user } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const presetChildId = searchParams.get('childId') ?? undefined;
  const presetChild = useChild(presetChildId ?? '', Boolean(presetChildId));
  const [form] = Form.useForm<IntakeFormValues>();
  const create = useCreateCase();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const childMode = Form.useWatch('childMode', form) ?? 'registry';

  const submit = (values: IntakeFormValues) => {
    setLeftOver([]);
    create.mutate(
      { request: buildCreateCaseRequest(values), idempotencyKey },
      {
        onSuccess: (created) => {
          void message.success(t('cases.intake.done', { number: created.number }));
          navigate(`/cases/${created.id}`);
        },
        onError: (error) => {
          setLeftOver(applyFieldErrors(form, error, FIELD_NAMES));
          setIdempotencyKey(newIdempotencyKey());
        },
      },
    );
  };

  // The route is open to case readers; recording a report needs `cases.write` (the server checks too).
  if (!user.permissions.includes('cases.write')) return <ForbiddenPage />;

  const presetLabel = presetChild.data
    ? `${presetChild.data.fullName} · ${formatDateOfBirth(presetChild.data.dateOfBirth)} · ${presetChild.data.unitName}`
    : undefined;

  return (
    <>
      <Link to="/cases" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined aria-hidden /> {t('cases.backToList')}
      </Link>
      <PageHeader title={t('cases.intake.title')} intro={t('cases.intake.intro')} />
      <Alert
        type="warning"
        showIcon
        icon={<LockOutlined />}
        title={t('cases.intake.confidentialTitle')}
        description={t('cases.intake.confidentialText')}
        style={{ marginBottom: 16 }}
        data-testid="case-intake-confidential"
      />
      <Card>
        {create.error ? (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={create.error} extra={leftOver} />
          </div>
        ) : null}
        <Form<IntakeFormValues>
          form={form}
          name="caseIntake"
          layout="vertical"
          onFinish={submit}
          scrollToFirstError
          initialValues={{
            unitCode: user.unit.level === 'commune' ? user.unit.code : undefined,
            childMode: 'registry',
            childId: presetChildId,
            urgency: 'urgent',
            receivedAt: nowInVietnamIso(),
            concerns: [],
          }}
        >
          <Typography.Title level={5}>{t('cases.intake.sectionChild')}</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="unitCode"
                label={t('cases.fields.commune')}
                rules={[{ required: true, message: t('cases.intake.communeRequired') }]}
              >
                <UnitCodePicker
                  level="commune"
                  within={user.unit.level === 'commune' ? undefined : user.unit.code}
                  aria-label={t('cases.fields.commune')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="childMode" label={t('cases.intake.childMode')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'registry', label: t('cases.intake.childFromRegistry') },
                    { value: 'new', label: t('cases.intake.childNew') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          {childMode === 'registry' ? (
            <Form.Item
              name="childId"
              label={t('cases.fields.child')}
              extra={t('cases.intake.childSearchHint')}
              rules={[{ required: true, message: t('cases.intake.childRequired') }]}
            >
              <ChildSearchSelect initialLabel={presetLabel} />
            </Form.Item>
          ) : (
            <Row gutter={16}>
              <Col xs={24} md={10}>
                <Form.Item
                  name="fullName"
                  label={t('children.fields.fullName')}
                  rules={[{ required: true, whitespace: true, message: t('cases.intake.nameRequired') }]}
                >
                  <Input maxLength={200} autoComplete="off" data-testid="case-intake-child-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={5}>
                <Form.Item
                  name="sex"
                  label={t('children.fields.sex')}
                  rules={[{ required: true, message: t('cases.intake.sexRequired') }]}
                >
                  <Radio.Group options={optionsFromLabels(Sex.options, sexLabels, language)} />
                </Form.Item>
              </Col>
              <Col xs={24} md={9}>
                <Form.Item
                  name="dateOfBirth"
                  label={t('children.fields.dateOfBirth')}
                  rules={[{ required: true, message: t('cases.intake.dobRequired') }]}
                >
                  <DateOfBirthInput />
                </Form.Item>
              </Col>
            </Row>
          )}

          <Typography.Title level={5}>{t('cases.intake.sectionReport')}</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="source"
                label={t('cases.fields.source')}
                rules={[{ required: true, message: t('cases.intake.sourceRequired') }]}
              >
                <Select
                  data-testid="case-intake-source"
                  options={optionsFromLabels(IntakeChannel.options, intakeChannelLabels, language)}
                  placeholder={t('cases.intake.sourcePlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="receivedAt"
                label={t('cases.fields.receivedAt')}
                extra={t('cases.intake.receivedAtHint')}
                rules={[
                  { required: true, message: t('cases.intake.receivedAtRequired') },
                  {
                    validator: (_rule, value: string | undefined) =>
                      isAfterNow(value)
                        ? Promise.reject(new Error(t('cases.intake.receivedAtFuture')))
                        : Promise.resolve(),
                  },
                ]}
              >
                <IsoDateTimePicker notAfterNow aria-label={t('cases.fields.receivedAt')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="concerns"
            label={t('cases.fields.concerns')}
            rules={[{ required: true, type: 'array', min: 1, message: t('cases.intake.concernsRequired') }]}
          >
            <Checkbox.Group
              data-testid="case-intake-concerns"
              options={optionsFromLabels(ConcernType.options, concernTypeLabels, language)}
            />
          </Form.Item>
          <Form.Item name="urgency" label={t('cases.fields.urgency')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={optionsFromLabels(IntakeUrgency.options, intakeUrgencyLabels, language)}
            />
          </Form.Item>
          <Form.Item
            name="summary"
            label={
              <span>
                <LockOutlined aria-hidden /> {t('cases.fields.summary')}
              </span>
            }
            rules={[{ required: true, whitespace: true, message: t('cases.intake.summaryRequired') }]}
          >
            <Input.TextArea
              rows={5}
              maxLength={4000}
              showCount
              placeholder={t('cases.intake.summaryPlaceholder')}
              data-testid="case-intake-summary"
            />
          </Form.Item>
          <Form.Item
            name="reporter"
            label={
              <span>
                <LockOutlined aria-hidden /> {t('cases.fields.reporter')}
              </span>
            }
            extra={t('cases.intake.reporterHint')}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="case-intake-reporter" />
          </Form.Item>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => navigate('/cases')}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={create.isPending}
              data-testid="case-intake-submit"
            >
              {t('cases.intake.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
