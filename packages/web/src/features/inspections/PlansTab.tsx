import { PlusOutlined } from '@ant-design/icons';
import { type InspectionPlan, InspectionTopic, inspectionTopicLabels } from '@tuoitho/domain';
import { Button, Flex, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, todayInVietnam } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { optionsFromLabels } from '../children/childText';
import { usePlans } from './api';
import { TopicTags } from './InspectionTags';
import { PlanFormModal } from './PlanFormModal';

/** Years offered by the filters: from the first demo year to next year. */
export function yearOptions(): number[] {
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const years: number[] = [];
  for (let year = thisYear + 1; year >= 2016; year -= 1) years.push(year);
  return years;
}

/** The plans issued in or targeting the chosen area, by year and topic. */
export function PlansTab({ unit, canWrite }: { unit: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [topic, setTopic] = useState<InspectionTopic | undefined>(undefined);
  const [isCreating, setIsCreating] = useState(false);
  const plans = usePlans({ unit, year, topic });
  const items = plans.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <Space wrap>
          <Select<number | undefined>
            value={year}
            onChange={setYear}
            allowClear
            placeholder={t('inspections.anyYear')}
            aria-label={t('inspections.year')}
            options={yearOptions().map((value) => ({ value, label: String(value) }))}
            style={{ width: 140 }}
          />
          <Select<InspectionTopic | undefined>
            value={topic}
            onChange={setTopic}
            allowClear
            placeholder={t('inspections.anyTopic')}
            aria-label={t('inspections.topic')}
            options={optionsFromLabels(InspectionTopic.options, inspectionTopicLabels, language)}
            style={{ width: 300 }}
            popupMatchSelectWidth={false}
          />
        </Space>
        {canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="plan-new"
            onClick={() => setIsCreating(true)}
          >
            {t('inspections.plan.new')}
          </Button>
        ) : null}
      </Flex>
      {plans.error ? <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      <Table<InspectionPlan>
        rowKey="id"
        size="middle"
        loading={plans.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        onRow={(plan) => ({
          'data-testid': `plan-row-${plan.id}`,
          onClick: (event) => {
            if ((event.target as HTMLElement).closest('a,button')) return;
            navigate(`/inspections/plans/${plan.id}`);
          },
          style: { cursor: 'pointer' },
        })}
        columns={[
          { key: 'year', title: t('inspections.plan.fields.year'), dataIndex: 'year', width: 80 },
          {
            key: 'title',
            title: t('inspections.plan.fields.title'),
            render: (_, plan) => (
              <Flex vertical gap={2}>
                <Link to={`/inspections/plans/${plan.id}`}>{plan.title}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[plan.number, formatDate(plan.issuedOn), plan.issuingBody].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'topics',
            title: t('inspections.plan.fields.topics'),
            width: 260,
            render: (_, plan) => <TopicTags topics={plan.topics} />,
          },
          {
            key: 'targets',
            title: t('inspections.plan.sessionsDone'),
            width: 130,
            render: (_, plan) =>
              `${plan.targets.filter((target) => target.sessionStatus === 'completed').length}/${plan.targets.length}`,
          },
          {
            key: 'recommendations',
            title: t('inspections.plan.recommendationCounts'),
            width: 180,
            render: (_, plan) => (
              <Space size={4} wrap>
                <span>{t('inspections.plan.countTotal', { count: plan.recommendations.total })}</span>
                <Typography.Text type="success">
                  {t('inspections.plan.countDone', { count: plan.recommendations.done })}
                </Typography.Text>
                {plan.recommendations.overdue > 0 ? (
                  <Typography.Text type="danger">
                    {t('inspections.plan.countOverdue', { count: plan.recommendations.overdue })}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {plans.hasNextPage ? (
        <Button
          onClick={() => void plans.fetchNextPage()}
          loading={plans.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      ) : null}
      {isCreating ? <PlanFormModal onClose={() => setIsCreating(false)} /> : null}
    </Flex>
  );
}
