import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CaregiverRelationship,
  caregiverRelationshipLabels,
  checkPersonalId,
  DisabilityLevel,
  DisabilityType,
  disabilityLevelLabels,
  disabilityTypeLabels,
  EnrolmentStatus,
  enrolmentStatusLabels,
  NutritionStatus,
  nutritionStatusLabels,
  PersonalId,
  PovertyStatus,
  povertyStatusLabels,
  type Sex,
} from '@tuoitho/domain';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  type FormRule,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/dates';
import { useLanguage } from './ChildTags';
import { validationMessage } from './childForm';
import { optionsFromLabels } from './childText';
import { IsoDatePicker } from './DateInputs';
import { EthnicitySelect } from './EthnicitySelect';

const PHONE_PATTERN = /^(\+84|0)\d{9,10}$/;
const stripSeparators = (value: string) => value.replace(/[\s.\-–]/g, '');

/** Two fields side by side on wide screens, one column on phones. */
export function Half({ children }: { children: ReactNode }) {
  return (
    <Col xs={24} md={12}>
      {children}
    </Col>
  );
}

/** Yes / no / not known, for facts an officer may not know yet. */
function YesNoInput({
  value,
  onChange,
  id,
}: {
  value?: boolean | null;
  onChange?: (value: boolean | null) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      id={id}
      optionType="button"
      value={value ?? null}
      onChange={(event) => onChange?.(event.target.value as boolean | null)}
      options={[
        { value: true, label: t('common.yes') },
        { value: false, label: t('common.no') },
        { value: null, label: t('children.form.unknown') },
      ]}
    />
  );
}

function usePhoneRule(): FormRule {
  const { t } = useTranslation();
  return {
    validator: (_rule, value: string | undefined) =>
      !value?.trim() || PHONE_PATTERN.test(stripSeparators(value.trim()))
        ? Promise.resolve()
        : Promise.reject(new Error(t('children.form.phoneInvalid'))),
  };
}

export function IdentitySection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const registered = Form.useWatch(['birthRegistration', 'registered'], form);
  return (
    <Row gutter={16}>
      <Half>
        <Form.Item
          name="personalId"
          label={t('children.fields.personalId')}
          extra={t('children.form.personalIdHint')}
          dependencies={['sex', 'dateOfBirth']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) => {
                if (!value?.trim()) return Promise.resolve();
                const parsed = PersonalId.safeParse(value);
                const sex = getFieldValue('sex') as Sex | undefined;
                const dateOfBirth = getFieldValue('dateOfBirth') as string | undefined;
                const rule = parsed.success
                  ? checkPersonalId(parsed.data, { sex, dateOfBirth: dateOfBirth || undefined })[0]
                  : parsed.error.issues[0]?.message;
                return rule
                  ? Promise.reject(new Error(validationMessage(rule, language, t('children.form.invalid'))))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <Input inputMode="numeric" autoComplete="off" maxLength={16} className="tt-mono" />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="ethnicity" label={t('children.fields.ethnicity')}>
          <EthnicitySelect />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name={['birthRegistration', 'registered']} label={t('children.fields.birthRegistration')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('children.fields.birthRegistered') },
              { value: false, label: t('children.fields.birthNotRegistered') },
              { value: null, label: t('children.form.unknown') },
            ]}
          />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name={['birthRegistration', 'date']} label={t('children.fields.birthRegistrationDate')}>
          <IsoDatePicker notAfterToday disabled={registered === false} />
        </Form.Item>
      </Half>
      <Col xs={24}>
        <Form.Item name={['birthRegistration', 'place']} label={t('children.fields.birthRegistrationPlace')}>
          <Input maxLength={300} placeholder={t('children.form.birthPlacePlaceholder')} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function ResidenceSection() {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Half>
        <Form.Item name={['residence', 'village']} label={t('children.fields.village')}>
          <Input maxLength={100} placeholder={t('children.form.villagePlaceholder')} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name={['residence', 'address']} label={t('children.fields.address')}>
          <Input maxLength={300} />
        </Form.Item>
      </Half>
    </Row>
  );
}

export function HouseholdSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const phoneRule = usePhoneRule();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  return (
    <>
      <Row gutter={16}>
        <Half>
          <Form.Item name={['household', 'headName']} label={t('children.fields.headName')}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name={['household', 'membersCount']} label={t('children.fields.membersCount')}>
            <InputNumber<number>
              min={1}
              max={50}
              precision={0}
              inputMode="numeric"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item
            name={['household', 'phone']}
            label={t('children.fields.householdPhone')}
            rules={[phoneRule]}
          >
            <Input type="tel" inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Half>
        <Half>
          <Row gutter={8}>
            <Col span={15}>
              <Form.Item name={['household', 'povertyStatus']} label={t('children.fields.povertyStatus')}>
                <Select<PovertyStatus>
                  allowClear
                  options={optionsFromLabels(PovertyStatus.options, povertyStatusLabels, language)}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
            <Col span={9}>
              <Form.Item
                name={['household', 'povertyYear']}
                label={t('children.fields.povertyYear')}
                dependencies={[['household', 'povertyStatus']]}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_rule, value: number | null | undefined) => {
                      const status = getFieldValue(['household', 'povertyStatus']) as
                        | PovertyStatus
                        | undefined;
                      return (status === 'poor' || status === 'near_poor') && !value
                        ? Promise.reject(
                            new Error(
                              validationMessage(
                                'poverty_year_required',
                                language,
                                t('children.form.invalid'),
                              ),
                            ),
                          )
                        : Promise.resolve();
                    },
                  }),
                ]}
              >
                <InputNumber<number>
                  min={2000}
                  max={thisYear + 1}
                  precision={0}
                  inputMode="numeric"
                  controls={false}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          </Row>
        </Half>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('children.fields.caregivers')}
      </Typography.Title>
      <CaregiversList />
    </>
  );
}

function CaregiversList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const phoneRule = usePhoneRule();
  return (
    <Form.List name="caregivers">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={t('children.form.caregiverN', { n: index + 1 })}
              extra={
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={`${t('children.form.removeCaregiver')} ${index + 1}`}
                >
                  {t('children.form.remove')}
                </Button>
              }
            >
              <Row gutter={16}>
                <Half>
                  <Form.Item
                    name={[field.name, 'fullName']}
                    label={t('children.fields.caregiverName')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('children.form.required.caregiverName'),
                      },
                    ]}
                  >
                    <Input maxLength={200} autoComplete="off" />
                  </Form.Item>
                </Half>
                <Half>
                  <Form.Item
                    name={[field.name, 'relationship']}
                    label={t('children.fields.relationship')}
                    rules={[{ required: true, message: t('children.form.required.relationship') }]}
                  >
                    <Select<CaregiverRelationship>
                      options={optionsFromLabels(
                        CaregiverRelationship.options,
                        caregiverRelationshipLabels,
                        language,
                      )}
                    />
                  </Form.Item>
                </Half>
                <Half>
                  <Form.Item
                    name={[field.name, 'phone']}
                    label={t('children.fields.phone')}
                    rules={[phoneRule]}
                  >
                    <Input type="tel" inputMode="tel" autoComplete="off" />
                  </Form.Item>
                </Half>
                <Half>
                  <Form.Item
                    name={[field.name, 'isGuardian']}
                    valuePropName="checked"
                    label=" "
                    colon={false}
                  >
                    <Checkbox>{t('children.fields.isGuardian')}</Checkbox>
                  </Form.Item>
                </Half>
              </Row>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ isGuardian: false })} block>
            {t('children.form.addCaregiver')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function EducationSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Row gutter={16}>
      <Half>
        <Form.Item name={['education', 'school']} label={t('children.fields.school')}>
          <Input maxLength={200} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name={['education', 'grade']} label={t('children.fields.grade')}>
          <Input maxLength={50} placeholder={t('children.form.gradePlaceholder')} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name={['education', 'enrolmentStatus']} label={t('children.fields.enrolmentStatus')}>
          <Select<EnrolmentStatus>
            allowClear
            options={optionsFromLabels(EnrolmentStatus.options, enrolmentStatusLabels, language)}
          />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name={['education', 'atRiskOfDropout']} label={t('children.fields.atRiskOfDropout')}>
          <YesNoInput />
        </Form.Item>
      </Half>
    </Row>
  );
}

export function HealthSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const disabilityType = Form.useWatch(['health', 'disability', 'type'], form);
  return (
    <Row gutter={16}>
      <Half>
        <Form.Item
          name={['health', 'insuranceCardNumber']}
          label={t('children.fields.insuranceCardNumber')}
          extra={t('children.form.insuranceHint')}
          normalize={(value: string) => value.toUpperCase()}
        >
          <Input maxLength={20} autoComplete="off" className="tt-mono" />
        </Form.Item>
      </Half>
      <Half>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item
              name={['health', 'insuranceValidFrom']}
              label={t('children.fields.insuranceValidFrom')}
            >
              <IsoDatePicker />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['health', 'insuranceValidTo']} label={t('children.fields.insuranceValidTo')}>
              <IsoDatePicker />
            </Form.Item>
          </Col>
        </Row>
      </Half>
      <Half>
        <Form.Item name={['health', 'disability', 'type']} label={t('children.fields.disabilityType')}>
          <Select<DisabilityType>
            allowClear
            placeholder={t('children.form.noDisability')}
            options={optionsFromLabels(DisabilityType.options, disabilityTypeLabels, language)}
          />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item
          name={['health', 'disability', 'level']}
          label={t('children.fields.disabilityLevel')}
          extra={disabilityType ? t('children.form.levelHint') : undefined}
        >
          <Select<DisabilityLevel>
            allowClear
            disabled={!disabilityType}
            options={optionsFromLabels(DisabilityLevel.options, disabilityLevelLabels, language)}
          />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name={['health', 'seriousIllness']} label={t('children.fields.seriousIllness')}>
          <YesNoInput />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name={['health', 'illnessNote']} label={t('children.fields.illnessNote')}>
          <Input maxLength={500} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name={['health', 'nutritionStatus']} label={t('children.fields.nutritionStatus')}>
          <Select<NutritionStatus>
            allowClear
            options={optionsFromLabels(NutritionStatus.options, nutritionStatusLabels, language)}
          />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name={['health', 'nutritionAssessedOn']} label={t('children.fields.nutritionAssessedOn')}>
          <IsoDatePicker notAfterToday />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item
          name={['health', 'immunisationComplete']}
          label={t('children.fields.immunisationComplete')}
        >
          <YesNoInput />
        </Form.Item>
      </Half>
    </Row>
  );
}

export function NoteSection() {
  const { t } = useTranslation();
  return (
    <Form.Item name="note" label={t('children.fields.note')} style={{ marginBottom: 0 }}>
      <Input.TextArea rows={3} maxLength={2000} showCount />
    </Form.Item>
  );
}
