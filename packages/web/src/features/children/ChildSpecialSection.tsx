import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AtRiskFlag, atRiskFlagLabels } from '@tuoitho/domain';
import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/dates';
import { useSpecialCircumstanceCatalogue } from './api';
import { Half } from './ChildFormSections';
import { UnverifiedTag, useLanguage } from './ChildTags';
import { groupTitle, subgroupName } from './childText';
import { IsoDatePicker } from './DateInputs';

export function SpecialSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <SpecialCircumstancesList />
      <Form.Item name="atRisk" label={t('children.fields.atRisk')} style={{ marginTop: 16, marginBottom: 0 }}>
        <Checkbox.Group style={{ width: '100%' }}>
          <Row gutter={[16, 4]} style={{ width: '100%' }}>
            {AtRiskFlag.options.map((flag) => (
              <Col key={flag} xs={24} md={12}>
                <Checkbox value={flag}>{atRiskFlagLabels[flag][language]}</Checkbox>
              </Col>
            ))}
          </Row>
        </Checkbox.Group>
      </Form.Item>
    </>
  );
}

function SpecialCircumstancesList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const catalogue = useSpecialCircumstanceCatalogue();
  const entries = Form.useWatch('specialCircumstances', form) as
    | Array<{ group?: string } | undefined>
    | undefined;
  const groupOptions = catalogue.groups.map((group) => ({
    value: group.code,
    label: groupTitle(catalogue, group.code, language),
  }));

  return (
    <Form.List name="specialCircumstances">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('children.form.noCircumstances')}</Typography.Paragraph>
          ) : null}
          {fields.map((field, index) => {
            const groupCode = entries?.[field.name]?.group;
            const group = catalogue.groups.find((candidate) => candidate.code === groupCode);
            const subgroupOptions = (group?.subgroups ?? []).map((subgroup) => ({
              value: subgroup.code,
              label: subgroupName(subgroup, language),
              verified: subgroup.verified,
            }));
            return (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('children.form.circumstanceN', { n: index + 1 })}
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={`${t('children.form.removeCircumstance')} ${index + 1}`}
                  >
                    {t('children.form.remove')}
                  </Button>
                }
              >
                {/* The id of a stored entry goes back with it, so the server updates it in place. */}
                <Form.Item name={[field.name, 'id']} hidden noStyle>
                  <Input />
                </Form.Item>
                <Row gutter={16}>
                  <Col xs={24}>
                    <Form.Item
                      name={[field.name, 'group']}
                      label={
                        <span>
                          {t('children.fields.group')} {group && !group.verified ? <UnverifiedTag /> : null}
                        </span>
                      }
                      rules={[{ required: true, message: t('children.form.required.group') }]}
                    >
                      <Select<string>
                        options={groupOptions}
                        showSearch={{ optionFilterProp: 'label' }}
                        onChange={() =>
                          form.setFieldValue(['specialCircumstances', field.name, 'subgroup'], null)
                        }
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item
                      name={[field.name, 'subgroup']}
                      label={t('children.fields.subgroup')}
                      extra={
                        group && !group.subgroupsComplete ? t('children.form.subgroupsIncomplete') : undefined
                      }
                    >
                      <Select<string>
                        allowClear
                        disabled={!group || subgroupOptions.length === 0}
                        placeholder={
                          group ? t('children.form.subgroupPlaceholder') : t('children.form.pickGroupFirst')
                        }
                        options={subgroupOptions}
                        optionRender={(option) => (
                          <span style={{ whiteSpace: 'normal' }}>
                            {option.label} {option.data.verified ? null : <UnverifiedTag />}
                          </span>
                        )}
                        showSearch={{ optionFilterProp: 'label' }}
                      />
                    </Form.Item>
                  </Col>
                  <Half>
                    <Form.Item
                      name={[field.name, 'startDate']}
                      label={t('children.fields.startDate')}
                      rules={[{ required: true, message: t('children.form.required.startDate') }]}
                    >
                      <IsoDatePicker notAfterToday />
                    </Form.Item>
                  </Half>
                  <Half>
                    <Form.Item name={[field.name, 'endDate']} label={t('children.fields.endDate')}>
                      <IsoDatePicker />
                    </Form.Item>
                  </Half>
                  <Half>
                    <Form.Item name={[field.name, 'source']} label={t('children.fields.source')}>
                      <Input maxLength={300} placeholder={t('children.form.sourcePlaceholder')} />
                    </Form.Item>
                  </Half>
                  <Half>
                    <Form.Item name={[field.name, 'note']} label={t('children.fields.note')}>
                      <Input maxLength={1000} />
                    </Form.Item>
                  </Half>
                </Row>
              </Card>
            );
          })}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ startDate: todayInVietnam(), subgroup: null })}
            block
          >
            {t('children.form.addCircumstance')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
