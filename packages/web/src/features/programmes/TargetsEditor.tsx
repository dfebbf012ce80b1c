import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ProgrammeIndicatorCode, programmeIndicators, TargetDirection } from '@tuoitho/domain';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../children/ChildTags';
import { targetDefaultsFor } from './programmeText';

const MAX_TARGETS = 50;

function TargetRow({
  name,
  index,
  withManualValue,
  onRemove,
}: {
  name: number;
  index: number;
  withManualValue: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const code = Form.useWatch(['targets', name, 'indicatorCode'], form) as
    | ProgrammeIndicatorCode
    | null
    | undefined;
  const definition = code ? programmeIndicators[code]?.definition[language] : undefined;
  const isChange = code === 'drowning_deaths_change';

  const chooseIndicator = (next: ProgrammeIndicatorCode | undefined) => {
    if (!next) return;
    const defaults = targetDefaultsFor(next, language);
    form.setFieldValue(['targets', name, 'label'], defaults.label);
    form.setFieldValue(['targets', name, 'direction'], defaults.direction);
    form.setFieldValue(['targets', name, 'unitOfMeasure'], defaults.unitOfMeasure);
  };

  return (
    <Card
      size="small"
      data-testid={`target-row-${index}`}
      title={t('programmes.targets.rowTitle', { number: index + 1 })}
      extra={
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('programmes.targets.remove')}
          onClick={onRemove}
        />
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'indicatorCode']}
            label={t('programmes.targets.indicator')}
            extra={definition ?? t('programmes.targets.manualHint')}
          >
            <Select<ProgrammeIndicatorCode>
              allowClear
              placeholder={t('programmes.targets.manual')}
              options={ProgrammeIndicatorCode.options.map((value) => ({
                value,
                label: programmeIndicators[value].label[language],
              }))}
              onChange={chooseIndicator}
              popupMatchSelectWidth={false}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'label']}
            label={t('programmes.targets.label')}
            rules={[{ required: true, whitespace: true, message: t('programmes.targets.labelRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'direction']} label={t('programmes.targets.direction')}>
            <Select<TargetDirection>
              options={TargetDirection.options.map((value) => ({
                value,
                label: t(`programmes.targets.directions.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item
            name={[name, 'value']}
            label={t('programmes.targets.value')}
            rules={[{ required: true, message: t('programmes.targets.valueRequired') }]}
          >
            <InputNumber<number> decimalSeparator="," style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item
            name={[name, 'unitOfMeasure']}
            label={t('programmes.targets.unitOfMeasure')}
            rules={[{ required: true, whitespace: true, message: t('programmes.targets.unitRequired') }]}
          >
            <Input maxLength={30} placeholder="%" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name={[name, 'year']}
            label={t('programmes.targets.year')}
            rules={[{ required: true, message: t('programmes.targets.yearRequired') }]}
          >
            <InputNumber<number> min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name={[name, 'baselineYear']}
            label={t('programmes.targets.baselineYear')}
            rules={isChange ? [{ required: true, message: t('programmes.targets.baselineRequired') }] : []}
          >
            <InputNumber<number> min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {withManualValue && !code ? (
          <>
            <Col xs={24} md={8}>
              <Form.Item
                name={[name, 'manualValue']}
                label={t('programmes.targets.manualValue')}
                extra={t('programmes.targets.manualValueHint')}
              >
                <InputNumber<number> decimalSeparator="," style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name={[name, 'manualNote']} label={t('programmes.targets.manualNote')}>
                <Input maxLength={500} placeholder={t('programmes.targets.manualNotePlaceholder')} />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>
    </Card>
  );
}

/**
 * The targets of a document or programme (`targets` of the surrounding form): an indicator the
 * server measures, or a figure followed by hand (a programme then records its value and source).
 */
export function TargetsEditor({
  withManualValue,
  defaultYear,
}: {
  withManualValue: boolean;
  defaultYear: number;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name="targets">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12}>
          {fields.length === 0 ? (
            <Typography.Text type="secondary">{t('programmes.targets.none')}</Typography.Text>
          ) : null}
          {fields.map((field, index) => (
            <TargetRow
              key={field.key}
              name={field.name}
              index={index}
              withManualValue={withManualValue}
              onRemove={() => remove(field.name)}
            />
          ))}
          <div>
            <Button
              icon={<PlusOutlined />}
              disabled={fields.length >= MAX_TARGETS}
              onClick={() => add({ indicatorCode: null, direction: 'at_least', year: defaultYear })}
              data-testid="target-add"
            >
              {t('programmes.targets.add')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
