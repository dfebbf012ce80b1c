import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { type PaymentLine, PaymentMethod, type PaymentRun, paymentMethodLabels } from '@tuoitho/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dayjs, formatDate, formatDateTime, todayInVietnam } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { formatDateOfBirth, labelOf, optionsFromLabels } from '../children/childText';
import { IsoDatePicker } from '../children/DateInputs';
import { paymentRunExportUrl, useCreatePaymentRun, usePayLine, usePaymentRun, usePaymentRuns } from './api';
import { type PayFormValues, payFormToRequest } from './benefitForms';
import { addMonths, formatMoney, formatMonth, monthOf } from './benefitMath';

type PaymentRunSummary = Omit<PaymentRun, 'lines'>;

function PayModal({ runId, line, onClose }: { runId: string; line: PaymentLine; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const pay = usePayLine(runId);
  const [form] = Form.useForm<PayFormValues>();
  return (
    <Modal
      open
      title={t('benefits.payments.payTitle', { name: line.childName, amount: formatMoney(line.amountVnd) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('benefits.payments.paySubmit')}
      okButtonProps={{ 'data-testid': 'benefit-pay-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={pay.isPending}
      destroyOnHidden
    >
      {pay.error ? <ErrorAlert error={pay.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ method: 'cash', paidOn: todayInVietnam(), receiptNumber: '' }}
        onFinish={(values) =>
          pay.mutate(
            { lineId: line.id, request: payFormToRequest(values, line.version) },
            {
              onSuccess: () => {
                void message.success(t('benefits.payments.paid'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="method" label={t('benefits.fields.paymentMethod')} rules={[{ required: true }]}>
          <Select
            aria-label={t('benefits.fields.paymentMethod')}
            data-testid="benefit-pay-method"
            options={optionsFromLabels(PaymentMethod.options, paymentMethodLabels, language)}
          />
        </Form.Item>
        <Form.Item
          name="paidOn"
          label={t('benefits.payments.paidOn')}
          rules={[{ required: true, message: t('benefits.payments.paidOnRequired') }]}
        >
          <IsoDatePicker notAfterToday aria-label={t('benefits.payments.paidOn')} />
        </Form.Item>
        <Form.Item name="receiptNumber" label={t('benefits.payments.receipt')}>
          <Input maxLength={50} data-testid="benefit-pay-receipt" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * "Chi trả": the monthly payment list of a commune, made from its active enrolments, each line
 * marked paid with method, date and receipt, exported as the usual signing sheet.
 */
export function PaymentsTab({ unit, canWrite }: { unit: string | undefined; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const thisMonth = monthOf(todayInVietnam());
  const [month, setMonth] = useState(thisMonth);
  const [paying, setPaying] = useState<PaymentLine | null>(null);
  const runs = usePaymentRuns(unit, addMonths(thisMonth, -24), addMonths(thisMonth, 1));
  const create = useCreatePaymentRun();
  const isCommune = unit !== undefined && /^\d{5}$/.test(unit);
  // The run just made is shown at once, before the list of runs is read again.
  const [made, setMade] = useState<PaymentRunSummary | null>(null);
  const runOfMonth =
    runs.data?.items.find((run) => run.month === month && run.unitCode === unit) ??
    (made && made.month === month && made.unitCode === unit ? made : undefined);
  const run = usePaymentRun(runOfMonth?.id);
  const lines = run.data?.lines ?? [];
  const totals = run.data?.totals ?? runOfMonth?.totals;

  const makeRun = () => {
    if (!unit) return;
    create.mutate(
      { unitCode: unit, month },
      {
        onSuccess: (result) => {
          setMade(result);
          void message.success(t('benefits.payments.made', { count: result.totals.lines }));
        },
      },
    );
  };

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <Typography.Text>{t('benefits.payments.month')}</Typography.Text>
        <DatePicker
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          aria-label={t('benefits.payments.month')}
          data-testid="benefit-payment-month"
          value={dayjs(`${month}-01`)}
          onChange={(value) => value && setMonth(value.format('YYYY-MM'))}
          disabledDate={(value) => value.format('YYYY-MM') > addMonths(thisMonth, 1)}
        />
        {canWrite ? (
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            loading={create.isPending}
            disabled={!isCommune}
            onClick={makeRun}
            data-testid="benefit-payment-run-create"
          >
            {runOfMonth ? t('benefits.payments.update') : t('benefits.payments.create')}
          </Button>
        ) : null}
        {runOfMonth ? (
          <Button
            icon={<DownloadOutlined />}
            href={paymentRunExportUrl(runOfMonth.id)}
            download
            data-testid="benefit-payment-export"
          >
            {t('benefits.payments.export')}
          </Button>
        ) : null}
      </Flex>
      {!isCommune && canWrite ? (
        <Alert type="info" showIcon title={t('benefits.payments.pickCommune')} />
      ) : null}
      {create.error ? <ErrorAlert error={create.error} /> : null}
      {runs.isError ? <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      {run.isError ? <ErrorAlert error={run.error} /> : null}
      {runOfMonth ? (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('benefits.payments.lines')} value={totals?.lines ?? 0} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('benefits.payments.totalDue')}
                  value={formatMoney(totals?.amountVnd)}
                  data-testid="benefit-payment-total"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('benefits.payments.paidLines')} value={totals?.paidLines ?? 0} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('benefits.payments.totalPaid')} value={formatMoney(totals?.paidVnd)} />
              </Card>
            </Col>
          </Row>
          <Typography.Text type="secondary">
            {t('benefits.payments.runOf', {
              unit: runOfMonth.unitName,
              month: formatMonth(runOfMonth.month),
              at: formatDateTime(runOfMonth.createdAt),
            })}
          </Typography.Text>
          <Table<PaymentLine>
            rowKey="id"
            size="small"
            data-testid="benefit-payment-lines"
            loading={run.isFetching}
            dataSource={lines}
            // The whole list on one page, as on the printed signing sheet (a commune has tens to hundreds).
            pagination={lines.length > 300 ? { pageSize: 300, showSizeChanger: false } : false}
            scroll={{ x: 1300 }}
            onRow={(line) =>
              ({ 'data-testid': 'benefit-payment-line', 'data-child-id': line.childId }) as never
            }
            columns={[
              {
                key: 'index',
                title: t('benefits.payments.index'),
                width: 50,
                render: (_, __, index) => index + 1,
              },
              {
                key: 'child',
                title: t('benefits.fields.child'),
                width: 180,
                render: (_, line) => (
                  <Link to={`/children/${line.childId}?tab=benefits`}>{line.childName}</Link>
                ),
              },
              {
                key: 'dob',
                title: t('benefits.fields.dateOfBirth'),
                width: 110,
                render: (_, line) => formatDateOfBirth(line.childDateOfBirth),
              },
              { key: 'recipient', title: t('benefits.fields.recipient'), dataIndex: 'recipientName' },
              { key: 'rule', title: t('benefits.fields.benefit'), dataIndex: 'ruleName', width: 300 },
              {
                key: 'amount',
                title: t('benefits.fields.amount'),
                align: 'right',
                width: 130,
                render: (_, line) => (
                  <span data-testid="benefit-payment-line-amount">{formatMoney(line.amountVnd)}</span>
                ),
              },
              {
                key: 'status',
                title: t('benefits.fields.status'),
                width: 220,
                render: (_, line) =>
                  line.status === 'paid' ? (
                    <Flex vertical>
                      <Tag color="green" style={{ width: 'fit-content' }}>
                        {t('benefits.payments.statusPaid')}
                      </Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[
                          labelOf(paymentMethodLabels, line.method, language),
                          formatDate(line.paidOn),
                          line.receiptNumber,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Typography.Text>
                    </Flex>
                  ) : (
                    <Tag color="orange">{t('benefits.payments.statusUnpaid')}</Tag>
                  ),
              },
              ...(canWrite
                ? [
                    {
                      key: 'pay',
                      title: '',
                      width: 110,
                      fixed: 'right' as const,
                      render: (_: unknown, line: PaymentLine) =>
                        line.status === 'unpaid' ? (
                          <Button
                            size="small"
                            data-testid="benefit-payment-pay"
                            onClick={() => setPaying(line)}
                          >
                            {t('benefits.payments.pay')}
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </>
      ) : (
        <Empty
          data-testid="benefit-payment-empty"
          description={t('benefits.payments.noRun', { month: formatMonth(month) })}
        />
      )}
      <Card size="small" title={t('benefits.payments.previous')}>
        <Table
          rowKey="id"
          size="small"
          data-testid="benefit-payment-runs"
          loading={runs.isFetching}
          dataSource={runs.data?.items ?? []}
          pagination={{ pageSize: 12, showSizeChanger: false, hideOnSinglePage: true }}
          onRow={(item) => ({ onClick: () => setMonth(item.month), style: { cursor: 'pointer' } })}
          rowClassName={(item) => (item.id === runOfMonth?.id ? 'ant-table-row-selected' : '')}
          columns={[
            {
              key: 'month',
              title: t('benefits.payments.month'),
              render: (_, item) => formatMonth(item.month),
            },
            { key: 'unit', title: t('benefits.fields.unit'), dataIndex: 'unitName' },
            {
              key: 'lines',
              title: t('benefits.payments.lines'),
              align: 'right',
              render: (_, item) => item.totals.lines,
            },
            {
              key: 'amount',
              title: t('benefits.payments.totalDue'),
              align: 'right',
              render: (_, item) => formatMoney(item.totals.amountVnd),
            },
            {
              key: 'paid',
              title: t('benefits.payments.totalPaid'),
              align: 'right',
              render: (_, item) => formatMoney(item.totals.paidVnd),
            },
          ]}
        />
      </Card>
      {paying && runOfMonth ? (
        <PayModal runId={runOfMonth.id} line={paying} onClose={() => setPaying(null)} />
      ) : null}
    </Flex>
  );
}
