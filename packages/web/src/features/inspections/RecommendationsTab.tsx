import {
  InspectionTopic,
  inspectionTopicLabels,
  type Recommendation,
  RecommendationState,
  recommendationStateLabels,
} from '@tuoitho/domain';
import { Button, Flex, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { optionsFromLabels } from '../children/childText';
import { useRecommendations } from './api';
import { RecommendationStateTag } from './InspectionTags';
import { yearOptions } from './PlansTab';
import { RecommendationDrawer } from './RecommendationDrawer';
import { RespondModal } from './RespondModal';

/**
 * The recommendations of the area: for a commune those addressed to it, to be answered; for the
 * province all of its subtree, to follow up. Filters by state, topic, year and plan.
 */
export function RecommendationsTab({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [searchParams, setSearchParams] = useSearchParams();
  const planId = searchParams.get('planId') ?? undefined;
  const [state, setState] = useState<RecommendationState | undefined>(undefined);
  const [topic, setTopic] = useState<InspectionTopic | undefined>(undefined);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [openId, setOpenId] = useState<string | null>(null);
  const [responding, setResponding] = useState<Recommendation | null>(null);
  const list = useRecommendations({ unit, state, topic, year, planId });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  const clearPlan = () => {
    const next = new URLSearchParams(searchParams);
    next.delete('planId');
    setSearchParams(next, { replace: true });
  };

  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Select<RecommendationState | undefined>
          value={state}
          onChange={setState}
          allowClear
          placeholder={t('inspections.anyState')}
          aria-label={t('inspections.recommendation.state')}
          options={optionsFromLabels(RecommendationState.options, recommendationStateLabels, language)}
          style={{ width: 180 }}
          data-testid="recommendations-state-filter"
        />
        <Select<InspectionTopic | undefined>
          value={topic}
          onChange={setTopic}
          allowClear
          placeholder={t('inspections.anyTopic')}
          aria-label={t('inspections.topic')}
          options={optionsFromLabels(InspectionTopic.options, inspectionTopicLabels, language)}
          style={{ width: 280 }}
          popupMatchSelectWidth={false}
        />
        <Select<number | undefined>
          value={year}
          onChange={setYear}
          allowClear
          placeholder={t('inspections.anyYear')}
          aria-label={t('inspections.year')}
          options={yearOptions().map((value) => ({ value, label: String(value) }))}
          style={{ width: 130 }}
        />
        {planId ? <Button onClick={clearPlan}>{t('inspections.recommendation.allPlans')}</Button> : null}
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Recommendation>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 960 }}
        onRow={(item) =>
          ({
            'data-testid': `recommendation-row-${item.id}`,
            onClick: (event: React.MouseEvent) => {
              if ((event.target as HTMLElement).closest('a,button')) return;
              setOpenId(item.id);
            },
            style: { cursor: 'pointer' },
          }) as never
        }
        columns={[
          {
            key: 'text',
            title: t('inspections.recommendation.text'),
            render: (_, item) => (
              <Flex vertical gap={2}>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.text}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.planTitle}
                </Typography.Text>
              </Flex>
            ),
          },
          { key: 'unit', title: t('inspections.recommendation.unit'), dataIndex: 'unitName', width: 200 },
          {
            key: 'deadline',
            title: t('inspections.recommendation.deadline'),
            width: 120,
            render: (_, item) => (
              <Typography.Text type={item.state === 'overdue' ? 'danger' : undefined}>
                {formatDate(item.deadline)}
              </Typography.Text>
            ),
          },
          {
            key: 'state',
            title: t('inspections.recommendation.state'),
            width: 150,
            render: (_, item) => (
              <RecommendationStateTag state={item.state} testId={`recommendation-state-${item.id}`} />
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 150,
            render: (_, item) =>
              item.canRespond ? (
                <Button
                  size="large"
                  type={item.state === 'done' ? 'default' : 'primary'}
                  data-testid={`recommendation-respond-${item.id}`}
                  onClick={() => setResponding(item)}
                >
                  {t('inspections.respond.open')}
                </Button>
              ) : (
                <Button type="link" onClick={() => setOpenId(item.id)}>
                  {t('inspections.recommendation.details')}
                </Button>
              ),
          },
        ]}
      />
      {list.hasNextPage ? (
        <Button
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('common.loadMore')}
        </Button>
      ) : null}
      <RecommendationDrawer id={openId} onClose={() => setOpenId(null)} />
      {responding ? <RespondModal recommendation={responding} onClose={() => setResponding(null)} /> : null}
    </Flex>
  );
}
