import { Col, Form, Input, InputNumber, Row } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { IsoDatePicker } from '../children/DateInputs';

/** An amount in whole đồng, typed with or without dots, shown "1.250.000". */
export function MoneyInput({
  value,
  onChange,
  id,
  style,
  'data-testid': testId,
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}) {
  return (
    <InputNumber<number>
      id={id}
      data-testid={testId}
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      min={0}
      max={1_000_000_000}
      step={10_000}
      precision={0}
      formatter={(raw) => String(raw ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.')}
      parser={(text) => Number((text ?? '').replace(/\D/g, '') || 0)}
      suffix="đ"
      style={{ width: '100%', ...style }}
    />
  );
}

/** Number, date and signer of the chairman's decision, shared by every benefit decision form. */
export function DecisionFields({ testIdPrefix }: { testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="decisionNumber"
          label={t('benefits.decision.number')}
          rules={[{ required: true, whitespace: true, message: t('benefits.decision.numberRequired') }]}
          extra={t('benefits.decision.numberHint')}
        >
          <Input maxLength={50} data-testid={`${testIdPrefix}-decision-number`} placeholder="25/QĐ-UBND" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="decisionDate"
          label={t('benefits.decision.date')}
          rules={[{ required: true, message: t('benefits.decision.dateRequired') }]}
        >
          <IsoDatePicker notAfterToday aria-label={t('benefits.decision.date')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="signerName"
          label={t('benefits.decision.signerName')}
          rules={[{ required: true, whitespace: true, message: t('benefits.decision.signerNameRequired') }]}
        >
          <Input maxLength={120} data-testid={`${testIdPrefix}-signer-name`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="signerTitle"
          label={t('benefits.decision.signerTitle')}
          rules={[{ required: true, whitespace: true, message: t('benefits.decision.signerTitleRequired') }]}
        >
          <Input maxLength={120} data-testid={`${testIdPrefix}-signer-title`} />
        </Form.Item>
      </Col>
    </Row>
  );
}
