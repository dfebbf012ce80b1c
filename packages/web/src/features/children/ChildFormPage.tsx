import {
  type Child,
  CreateChildRequest,
  checkDateOfBirth,
  type DuplicateCandidate,
  PersonName,
  Sex,
  sexLabels,
  UpdateChildRequest,
} from '@tuoitho/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Spin,
  Typography,
} from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { newIdempotencyKey } from '../../lib/api';
import { todayInVietnam } from '../../lib/dates';
import { describeError } from '../../lib/errors';
import { groupFieldErrors, isApiError } from '../../lib/problem';
import { useSession } from '../auth/api';
import { fetchChild, useChild, useCreateChild, useDuplicateCheck, useUpdateChild } from './api';
import {
  EducationSection,
  Half,
  HealthSection,
  HouseholdSection,
  IdentitySection,
  NoteSection,
  ResidenceSection,
} from './ChildFormSections';
import { SpecialSection } from './ChildSpecialSection';
import { useLanguage } from './ChildTags';
import {
  type ChildFormSection,
  type ChildFormValues,
  childToFormValues,
  formNameForPath,
  isEmptyUpdate,
  optionalSections,
  sectionOf,
  toCreateRequest,
  toUpdateRequest,
  validationMessage,
} from './childForm';
import { optionsFromLabels } from './childText';
import { DateOfBirthInput } from './DateInputs';
import { DuplicatesModal } from './DuplicatesModal';
import { UnitCodePicker } from './UnitCodePicker';

type FieldErrors = Array<{ name: (string | number)[]; errors: string[] }>;

/** Sections of an edited child that hold something, opened when the form shows. */
function filledSections(child: Child): ChildFormSection[] {
  const filled: Record<ChildFormSection, boolean> = {
    required: true,
    identity: Boolean(child.personalId || child.ethnicity || child.birthRegistration),
    residence: Boolean(child.residence),
    household: Boolean(child.household || child.caregivers.length > 0),
    education: Boolean(child.education),
    health: Boolean(child.health),
    special: child.specialCircumstances.length > 0 || child.atRisk.length > 0,
    note: Boolean(child.note),
  };
  return optionalSections.filter((section) => filled[section]);
}

/**
 * The child form, for a new child (`child` undefined) or an edit. The minimum comes first;
 * the optional parts are folded sections, opened by the officer or by an error inside them.
 * A new child is checked against the registry for duplicates before it is created.
 */
function ChildForm({ child: initialChild }: { child?: Child }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { user } = useSession();
  const [form] = Form.useForm<ChildFormValues>();
  const [child, setChild] = useState(initialChild);
  const isCreate = child === undefined;
  const [openSections, setOpenSections] = useState<string[]>(() => (child ? filledSections(child) : []));
  const [formError, setFormError] = useState<unknown>();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  /** Rules of the domain broken by no single field (shown above the form). */
  const [problems, setProblems] = useState<string[]>([]);
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const pending = useRef<CreateChildRequest | undefined>(undefined);
  const idempotencyKey = useRef(newIdempotencyKey());
  const createChild = useCreateChild();
  const updateChild = useUpdateChild();
  const duplicates = useDuplicateCheck();
  const from = searchParams.get('from');
  const fromSuffix = from ? `?from=${encodeURIComponent(from)}` : '';
  // A stale version (409 without field errors) is solved by reloading; a duplicate personal id is not.
  const isConflict = isApiError(formError) && formError.status === 409 && formError.fieldErrors.length === 0;

  const initialValues: ChildFormValues = child
    ? childToFormValues(child)
    : {
        unitCode: user.unit.level === 'commune' ? user.unit.code : undefined,
        birthRegistration: { registered: null },
        caregivers: [],
        specialCircumstances: [],
      };

  /** Shows errors under their fields, opens their sections and scrolls to the first one. */
  const showFieldErrors = (fieldErrors: FieldErrors) => {
    if (fieldErrors.length === 0) return;
    // Names come from error paths, checked against the form's fields by `formNameForPath`.
    form.setFields(fieldErrors as Parameters<typeof form.setFields>[0]);
    const sections = fieldErrors.map((field) => sectionOf(field.name)).filter(Boolean) as string[];
    setOpenSections((open) => [...new Set([...open, ...sections])]);
    // The sections open on the next render; scroll once they are visible.
    setTimeout(() => form.scrollToField(fieldErrors[0]!.name, { block: 'center', focus: true }), 50);
  };

  /** A failed request: field errors under the fields, the rest above the form. */
  const onRequestError = (error: unknown) => {
    setFormError(error);
    if (!isApiError(error)) return;
    const fields: FieldErrors = [];
    const rest: string[] = [];
    for (const group of groupFieldErrors(error.fieldErrors)) {
      const name = formNameForPath(group.name);
      if (name) fields.push({ name, errors: group.errors });
      else rest.push(...group.errors);
    }
    setLeftOver(rest);
    showFieldErrors(fields);
    // An error of no field (a conflict, a refusal) is in the alert above the form: bring it into view.
    if (fields.length === 0) window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  /** The domain's own rules, checked before sending (the server checks them again). */
  const checkWithDomain = (
    schema: typeof CreateChildRequest | typeof UpdateChildRequest,
    request: unknown,
  ) => {
    const parsed = schema.safeParse(request);
    if (parsed.success) return true;
    const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
    const rest: string[] = [];
    for (const issue of parsed.error.issues) {
      const text = validationMessage(issue.message, language, t('children.form.invalid'));
      const name = formNameForPath(issue.path);
      if (!name) {
        rest.push(text);
        continue;
      }
      const entry = byField.get(name.join('.')) ?? { name, errors: [] };
      if (!entry.errors.includes(text)) entry.errors.push(text);
      byField.set(name.join('.'), entry);
    }
    setProblems(rest);
    showFieldErrors([...byField.values()]);
    if (byField.size === 0) window.scrollTo({ top: 0, behavior: 'smooth' });
    return false;
  };

  const done = (saved: Child, text: string) => {
    void message.success(text);
    navigate(`/children/${saved.id}${fromSuffix}`);
  };

  const create = (request: CreateChildRequest) =>
    createChild.mutate(
      { request, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (created) => {
          setCandidates([]);
          done(created, t('children.form.created', { name: created.fullName }));
        },
        onError: (error) => {
          setCandidates([]);
          onRequestError(error);
        },
      },
    );

  const submit = (values: ChildFormValues) => {
    setFormError(undefined);
    setLeftOver([]);
    setProblems([]);
    if (child) {
      const request = toUpdateRequest(child, values);
      if (isEmptyUpdate(request)) {
        void message.info(t('children.form.nothingChanged'));
        navigate(`/children/${child.id}${fromSuffix}`);
        return;
      }
      if (!checkWithDomain(UpdateChildRequest, request)) return;
      updateChild.mutate(
        { id: child.id, request },
        { onSuccess: (saved) => done(saved, t('children.form.saved')), onError: onRequestError },
      );
      return;
    }
    const request = toCreateRequest(values);
    if (!checkWithDomain(CreateChildRequest, request)) return;
    pending.current = request;
    duplicates.mutate(request, {
      onSuccess: (found) => {
        const likely = found.filter((candidate) => candidate.likelihood !== 'unlikely');
        if (likely.length > 0) setCandidates(likely);
        else create(request);
      },
      onError: onRequestError,
    });
  };

  // After a 409 the child is read again: the form shows the other person's change and its version.
  const reload = async () => {
    if (!child) return;
    try {
      const fresh = await fetchChild(child.id);
      setChild(fresh);
      form.resetFields();
      form.setFieldsValue(childToFormValues(fresh));
      setFormError(undefined);
      setLeftOver([]);
    } catch (error) {
      void message.error(describeError(error, t));
    }
  };

  const sections: Array<{ key: ChildFormSection; label: string; children: ReactNode }> = [
    { key: 'identity', label: t('children.form.sections.identity'), children: <IdentitySection /> },
    { key: 'residence', label: t('children.form.sections.residence'), children: <ResidenceSection /> },
    { key: 'household', label: t('children.form.sections.household'), children: <HouseholdSection /> },
    { key: 'education', label: t('children.form.sections.education'), children: <EducationSection /> },
    { key: 'health', label: t('children.form.sections.health'), children: <HealthSection /> },
    { key: 'special', label: t('children.form.sections.special'), children: <SpecialSection /> },
    { key: 'note', label: t('children.form.sections.note'), children: <NoteSection /> },
  ];
  const isBusy = createChild.isPending || updateChild.isPending || duplicates.isPending;

  return (
    <>
      <PageHeader
        title={
          child ? t('children.form.editTitle', { name: child.fullName }) : t('children.form.createTitle')
        }
        intro={child ? undefined : t('children.form.createIntro')}
      />
      {formError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert
            error={formError}
            extra={leftOver}
            onRetry={isConflict ? () => void reload() : undefined}
            retryLabel={t('common.reload')}
          />
        </div>
      ) : null}
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('children.form.fixErrors')}
          description={problems.map((problem) => <div key={problem}>{problem}</div>)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<ChildFormValues>
        form={form}
        name="child"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onFinishFailed={({ errorFields }) => {
          const sectionKeys = errorFields.map((field) => sectionOf(field.name)).filter(Boolean) as string[];
          setOpenSections((open) => [...new Set([...open, ...sectionKeys])]);
          const first = errorFields[0];
          if (first) setTimeout(() => form.scrollToField(first.name, { block: 'center', focus: true }), 50);
        }}
        scrollToFirstError={false}
        style={{ maxWidth: 960 }}
      >
        <Card title={t('children.form.sections.required')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Half>
              <Form.Item
                name="fullName"
                label={t('children.fields.fullName')}
                rules={[
                  { required: true, whitespace: true, message: t('children.form.required.fullName') },
                  {
                    validator: (_rule, value: string | undefined) => {
                      if (!value?.trim()) return Promise.resolve();
                      const parsed = PersonName.safeParse(value);
                      return parsed.success
                        ? Promise.resolve()
                        : Promise.reject(
                            new Error(
                              validationMessage(
                                parsed.error.issues[0]?.message ?? '',
                                language,
                                t('children.form.nameInvalid'),
                              ),
                            ),
                          );
                    },
                  },
                ]}
              >
                <Input
                  autoFocus
                  autoComplete="off"
                  maxLength={200}
                  placeholder={t('children.form.namePlaceholder')}
                />
              </Form.Item>
            </Half>
            <Half>
              <Form.Item
                name="sex"
                label={t('children.fields.sex')}
                rules={[{ required: true, message: t('children.form.required.sex') }]}
              >
                <Radio.Group
                  optionType="button"
                  options={optionsFromLabels(Sex.options, sexLabels, language)}
                />
              </Form.Item>
            </Half>
            <Half>
              <Form.Item
                name="dateOfBirth"
                label={t('children.fields.dateOfBirth')}
                rules={[
                  { required: true, message: t('children.form.required.dateOfBirth') },
                  {
                    validator: (_rule, value: string | undefined) => {
                      if (!value) return Promise.resolve();
                      const [rule] = checkDateOfBirth(value, todayInVietnam());
                      return rule
                        ? Promise.reject(
                            new Error(validationMessage(rule, language, t('children.form.invalid'))),
                          )
                        : Promise.resolve();
                    },
                  },
                ]}
              >
                <DateOfBirthInput />
              </Form.Item>
            </Half>
            <Half>
              <Form.Item
                name="unitCode"
                label={t('children.fields.unit')}
                extra={child ? t('children.form.unitLocked') : undefined}
                rules={[{ required: true, message: t('children.form.required.unit') }]}
              >
                <UnitCodePicker
                  level="commune"
                  within={user.unit.code}
                  disabled={!isCreate}
                  placeholder={t('children.form.unitPlaceholder')}
                />
              </Form.Item>
            </Half>
          </Row>
        </Card>
        <Collapse
          activeKey={openSections}
          onChange={(keys) => setOpenSections(Array.isArray(keys) ? keys : [keys])}
          items={sections.map((section) => ({ ...section, forceRender: true }))}
          style={{ marginBottom: 16, background: '#fff' }}
        />
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary">{t('children.form.enterHint')}</Typography.Text>
          <Flex gap={8}>
            <Button
              onClick={() =>
                navigate(child ? `/children/${child.id}${fromSuffix}` : `/children${from ? `?${from}` : ''}`)
              }
            >
              {t('common.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={isBusy} data-testid="child-submit">
              {isCreate ? t('children.form.submitCreate') : t('children.form.submitEdit')}
            </Button>
          </Flex>
        </Flex>
      </Form>
      <DuplicatesModal
        candidates={candidates}
        open={candidates.length > 0}
        creating={createChild.isPending}
        onBack={() => setCandidates([])}
        onCreateAnyway={() => pending.current && create(pending.current)}
      />
    </>
  );
}

/** `/children/new` and `/children/:id/edit`. */
export default function ChildFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { user } = useSession();
  const child = useChild(id ?? '', id !== undefined);
  if (!id) {
    return user.permissions.includes('registry.write') ? (
      <ChildForm />
    ) : (
      <Result status="403" title={t('errors.forbidden')} subTitle={t('children.form.cannotCreate')} />
    );
  }
  if (child.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (child.isError) {
    if (isApiError(child.error) && child.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('children.profile.notFound')}
          subTitle={t('children.profile.notFoundText')}
        />
      );
    }
    return <ErrorAlert error={child.error} onRetry={() => void child.refetch()} />;
  }
  if (!child.data.abilities.canEdit) {
    return <Result status="403" title={t('errors.forbidden')} subTitle={t('children.form.cannotEdit')} />;
  }
  return <ChildForm key={child.data.id} child={child.data} />;
}
