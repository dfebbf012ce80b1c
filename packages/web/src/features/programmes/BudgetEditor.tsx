import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FundingSource, fundingSourceLabels } from '@tuoitho/domain';
import { Button, Col, Flex, Form, InputNumber, Row, Select, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../children/ChildTags';
import { optionsFromLabels } from '../children/childText';
import { type BudgetFormValue, duplicateBudgetRows } from './programmeText';

const MAX_LINES = 200;

/** An amount in whole đồng (up to 10 000 billion), typed with or without dots, shown "1.250.000". */
export function VndInput({
  value,
  onChange,
  id,
  style,
  'aria-label': ariaLabel,
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}) {
  return (
    <InputNumber<number>
      id={id}
      aria-label={ariaLabel}
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      min={0}
      max={1e13}
      step={1_000_000}
      precision={0}
      formatter={(raw) => String(raw ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.')}
      parser={(text) => Number((text ?? '').replace(/\D/g, '') || 0)}
      suffix="đ"
      style={{ width: '100%', ...style }}
    />
  );
}

/** The budget of a programme by year and source (`budget` of the surrounding form): planned and spent. */
export function BudgetEditor({ defaultYear }: { defaultYear: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const rows = (Form.useWatch('budget', form) ?? []) as BudgetFormValue[];
  const duplicates = new Set(duplicateBudgetRows(rows));
  return (
    <Form.List
      name="budget"
      rules={[
        {
          validator: async () => {
            if (duplicateBudgetRows(form.getFieldValue('budget') ?? []).length > 0)
              throw new Error(t('programmes.budget.duplicate'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={4}>
          {fields.length === 0 ? (
            <Typography.Text type="secondary">{t('programmes.budget.none')}</Typography.Text>
          ) : (
            <Row gutter={8}>
              <Col span={4}>
                <Typography.Text strong>{t('programmes.budget.year')}</Typography.Text>
              </Col>
              <Col span={7}>
                <Typography.Text strong>{t('programmes.budget.source')}</Typography.Text>
              </Col>
              <Col span={6}>
                <Typography.Text strong>{t('programmes.budget.planned')}</Typography.Text>
              </Col>
              <Col span={6}>
                <Typography.Text strong>{t('programmes.budget.spent')}</Typography.Text>
              </Col>
            </Row>
          )}
          {fields.map((field, index) => (
            <Row gutter={8} key={field.key} align="top">
              <Col span={4}>
                <Form.Item
                  name={[field.name, 'year']}
                  rules={[{ required: true, message: t('programmes.budget.yearRequired') }]}
                  validateStatus={duplicates.has(index) ? 'error' : undefined}
                  style={{ marginBottom: 8 }}
                >
                  <InputNumber<number>
                    aria-label={t('programmes.budget.year')}
                    min={2000}
                    max={2100}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item
                  name={[field.name, 'source']}
                  rules={[{ required: true, message: t('programmes.budget.sourceRequired') }]}
                  validateStatus={duplicates.has(index) ? 'error' : undefined}
                  style={{ marginBottom: 8 }}
                >
                  <Select<FundingSource>
                    aria-label={t('programmes.budget.source')}
                    options={optionsFromLabels(FundingSource.options, fundingSourceLabels, language)}
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={[field.name, 'planned']} style={{ marginBottom: 8 }}>
                  <VndInput aria-label={t('programmes.budget.planned')} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={[field.name, 'spent']} style={{ marginBottom: 8 }}>
                  <VndInput aria-label={t('programmes.budget.spent')} />
                </Form.Item>
              </Col>
              <Col span={1}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('programmes.budget.remove')}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <div>
            <Button
              icon={<PlusOutlined />}
              disabled={fields.length >= MAX_LINES}
              onClick={() => add({ year: defaultYear, source: 'state_budget', planned: 0, spent: 0 })}
            >
              {t('programmes.budget.add')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
