import { SolutionOutlined } from '@ant-design/icons';
import { budgetSourceLabels, type Eligibility } from '@tuoitho/domain';
import { Alert, Button, Card, Empty, Flex, List, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, todayInVietnam } from '../../lib/dates';
import { useSession } from '../auth/api';
import { useLanguage } from '../children/ChildTags';
import { labelOf } from '../children/childText';
import { IsoDatePicker } from '../children/DateInputs';
import { useChildEligibility } from './api';
import { formatMoney } from './benefitMath';
import { EnrolmentDrawer, EnrolmentStatusTag } from './EnrolmentDetail';
import { EnrolModal, type EnrolTarget } from './EnrolmentForms';

/** "Từ 12/03/2027: 750.000 đ/tháng (đủ 4 tuổi)" or "Đến 12/03/2032: hết hưởng (đủ 16 tuổi)". */
function NextChange({ item }: { item: Eligibility }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const change = item.nextChange;
  if (!change) return null;
  const reason = language === 'en' ? change.reasonEn : change.reasonVi;
  const text =
    change.kind === 'amount_changes'
      ? t('benefits.child.nextAmount', {
          date: formatDate(change.on),
          amount: formatMoney(change.amountVnd),
          per: item.periodicity === 'monthly' ? t('benefits.child.perMonth') : '',
          reason,
        })
      : t('benefits.child.nextEnd', { date: formatDate(change.on), reason });
  return (
    <Tag color="blue" style={{ whiteSpace: 'normal' }} data-testid="benefit-next-change">
      {text}
    </Tag>
  );
}

/**
 * "Chính sách" of a child's profile: what the child qualifies for on a day (today by default),
 * with the amount, the explanation and the legal reference, and the child's enrolments.
 */
export function ChildBenefitsTab({ childId, childName }: { childId: string; childName: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { user } = useSession();
  const canWrite =
    user.permissions.includes('benefits.write') || user.permissions.includes('benefits.approve');
  const [at, setAt] = useState(todayInVietnam());
  const query = useChildEligibility(childId, at);
  const [target, setTarget] = useState<EnrolTarget | null>(null);
  const [openId, setOpenId] = useState<string | undefined>();
  if (query.isPending) return <Spin />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { items, enrolments } = query.data;
  const enrolledCodes = new Set(
    enrolments.filter((enrolment) => enrolment.status === 'active').map((enrolment) => enrolment.ruleCode),
  );
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('benefits.child.eligibleAt', { date: formatDate(at) })}
        </Typography.Title>
        <Flex gap={8} align="center">
          <Typography.Text>{t('benefits.child.atDate')}</Typography.Text>
          <IsoDatePicker
            value={at}
            onChange={(value) => setAt(value ?? todayInVietnam())}
            aria-label={t('benefits.child.atDate')}
            style={{ width: 150 }}
          />
        </Flex>
      </Flex>
      <List<Eligibility>
        bordered
        data-testid="child-eligibility"
        loading={query.isFetching}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('benefits.child.noneEligible')} /> }}
        renderItem={(item) => {
          const isEnrolled = enrolledCodes.has(item.ruleCode);
          return (
            <List.Item
              data-testid="child-eligibility-item"
              actions={[
                isEnrolled ? (
                  <Tag color="green" key="enrolled">
                    {t('benefits.child.enrolled')}
                  </Tag>
                ) : item.needsDecision && canWrite ? (
                  <Button
                    key="enrol"
                    type="primary"
                    size="small"
                    icon={<SolutionOutlined />}
                    data-testid="child-benefit-enrol"
                    onClick={() =>
                      setTarget({
                        childId,
                        childName,
                        ruleCode: item.ruleCode,
                        ruleName: language === 'en' ? item.nameEn : item.nameVi,
                        ruleAmountVnd: item.amountVnd,
                      })
                    }
                  >
                    {t('benefits.enrol.button')}
                  </Button>
                ) : !item.needsDecision ? (
                  <Tag key="auto">{t('benefits.child.automatic')}</Tag>
                ) : (
                  <Tag color="orange" key="not">
                    {t('benefits.child.notEnrolled')}
                  </Tag>
                ),
              ]}
            >
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{language === 'en' ? item.nameEn : item.nameVi}</Typography.Text>
                  {item.amountVnd !== null ? (
                    <Typography.Text strong style={{ color: '#0b6a73' }}>
                      {formatMoney(item.amountVnd)}
                      {item.periodicity === 'monthly' ? t('benefits.child.perMonth') : ''}
                    </Typography.Text>
                  ) : null}
                  {item.verified ? null : <Tag color="orange">{t('benefits.unverified')}</Tag>}
                </Flex>
                <Typography.Text>
                  {language === 'en' ? item.explanationEn : item.explanationVi}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.legalRef} · {labelOf(budgetSourceLabels, item.budgetSource, language)}
                </Typography.Text>
                <NextChange item={item} />
                {item.supersedes.length > 0 ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('benefits.child.supersedes', { count: item.supersedes.length })}
                  </Typography.Text>
                ) : null}
              </Flex>
            </List.Item>
          );
        }}
      />
      {items.some((item) => !item.verified) ? (
        <Alert type="warning" showIcon title={t('benefits.child.unverifiedNote')} />
      ) : null}
      <Card size="small" title={t('benefits.child.enrolments')}>
        <Table
          rowKey="id"
          size="small"
          data-testid="child-benefit-enrolments"
          dataSource={enrolments}
          pagination={false}
          locale={{ emptyText: <Empty description={t('benefits.enrolments.none')} /> }}
          columns={[
            { key: 'rule', title: t('benefits.fields.benefit'), dataIndex: 'ruleName' },
            {
              key: 'amount',
              title: t('benefits.fields.amount'),
              align: 'right',
              render: (_, item) => formatMoney(item.amountVnd),
            },
            {
              key: 'period',
              title: t('benefits.fields.period'),
              render: (_, item) => `${formatDate(item.startDate)} – ${formatDate(item.endDate) || '…'}`,
            },
            {
              key: 'decision',
              title: t('benefits.decision.number'),
              render: (_, item) => item.events.map((event) => event.decision.number).join(', '),
            },
            {
              key: 'status',
              title: t('benefits.fields.status'),
              render: (_, item) => <EnrolmentStatusTag enrolment={item} />,
            },
            {
              key: 'open',
              title: '',
              render: (_, item) => (
                <Button size="small" onClick={() => setOpenId(item.id)}>
                  {t('benefits.enrolments.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {target ? <EnrolModal target={target} onClose={() => setTarget(null)} /> : null}
      <EnrolmentDrawer enrolmentId={openId} canWrite={canWrite} onClose={() => setOpenId(undefined)} />
    </Flex>
  );
}
