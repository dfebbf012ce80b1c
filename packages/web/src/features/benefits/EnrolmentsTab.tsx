import { type BenefitEnrolment, BenefitEnrolmentStatus, paymentMethodLabels } from '@tuoitho/domain';
import { Button, Empty, Flex, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { formatDateOfBirth, labelOf } from '../children/childText';
import { useBenefitCatalogue, useEnrolments } from './api';
import { formatMoney } from './benefitMath';
import { EnrolmentDrawer, EnrolmentStatusTag } from './EnrolmentDetail';

/** "Đang hưởng": the enrolments of the area with filters, and the drawer of one of them. */
export function EnrolmentsTab({ unit, canWrite }: { unit: string | undefined; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [status, setStatus] = useState<BenefitEnrolmentStatus | undefined>('active');
  const [ruleCode, setRuleCode] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | undefined>();
  const list = useEnrolments({ unit, status, ruleCode });
  const catalogue = useBenefitCatalogue(unit);
  const ruleOptions = useMemo(() => {
    const names = new Map<string, string>();
    for (const rule of catalogue.data?.rules ?? [])
      names.set(rule.code, language === 'en' ? rule.nameEn : rule.nameVi);
    return [...names].map(([value, label]) => ({ value, label }));
  }, [catalogue.data, language]);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Select<BenefitEnrolmentStatus>
          aria-label={t('benefits.fields.status')}
          allowClear
          placeholder={t('benefits.enrolments.anyStatus')}
          value={status}
          onChange={setStatus}
          options={BenefitEnrolmentStatus.options.map((value) => ({
            value,
            label: t(`benefits.status.${value}`),
          }))}
          style={{ minWidth: 180 }}
        />
        <Select<string>
          aria-label={t('benefits.fields.benefit')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('benefits.enrolments.anyBenefit')}
          value={ruleCode}
          onChange={setRuleCode}
          options={ruleOptions}
          style={{ minWidth: 320 }}
          popupMatchSelectWidth={false}
        />
        <Typography.Text strong aria-live="polite">
          {list.data ? t('benefits.enrolments.found', { count: list.data.total }) : null}
        </Typography.Text>
      </Flex>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<BenefitEnrolment>
        rowKey="id"
        size="small"
        data-testid="benefit-enrolments-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 1350 }}
        locale={{ emptyText: <Empty description={t('benefits.enrolments.none')} /> }}
        columns={[
          {
            key: 'child',
            title: t('benefits.fields.child'),
            width: 180,
            render: (_, item) => <Link to={`/children/${item.childId}?tab=benefits`}>{item.childName}</Link>,
          },
          {
            key: 'dob',
            title: t('benefits.fields.dateOfBirth'),
            width: 110,
            render: (_, item) => formatDateOfBirth(item.childDateOfBirth),
          },
          { key: 'rule', title: t('benefits.fields.benefit'), dataIndex: 'ruleName', width: 300 },
          {
            key: 'amount',
            title: t('benefits.fields.amount'),
            align: 'right',
            width: 130,
            render: (_, item) => formatMoney(item.amountVnd),
          },
          {
            key: 'period',
            title: t('benefits.fields.period'),
            width: 200,
            render: (_, item) => `${formatDate(item.startDate)} – ${formatDate(item.endDate) || '…'}`,
          },
          {
            key: 'decision',
            title: t('benefits.decision.number'),
            width: 130,
            render: (_, item) => item.events[0]?.decision.number ?? '',
          },
          {
            key: 'method',
            title: t('benefits.fields.paymentMethod'),
            width: 130,
            render: (_, item) => labelOf(paymentMethodLabels, item.paymentMethod, language),
          },
          {
            key: 'status',
            title: t('benefits.fields.status'),
            width: 110,
            render: (_, item) => <EnrolmentStatusTag enrolment={item} />,
          },
          {
            key: 'open',
            title: '',
            width: 90,
            render: (_, item) => (
              <Button size="small" onClick={() => setOpenId(item.id)}>
                {t('benefits.enrolments.open')}
              </Button>
            ),
          },
        ]}
      />
      <EnrolmentDrawer enrolmentId={openId} canWrite={canWrite} onClose={() => setOpenId(undefined)} />
    </Flex>
  );
}
