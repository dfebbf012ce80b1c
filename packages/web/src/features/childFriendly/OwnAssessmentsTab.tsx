import { PlusOutlined } from '@ant-design/icons';
import type { CfAssessmentSummary } from '@tuoitho/domain';
import { App, Button, Empty, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newIdempotencyKey } from '../../lib/api';
import { formatDateTime, todayInVietnam } from '../../lib/dates';
import { describeError } from '../../lib/errors';
import { useCfAssessments, useCreateCfAssessment } from './api';
import { CategoryText, CfStatusTag, DecisionText, PassedTag } from './CfTags';

/**
 * A commune's self-assessments, one a year, newest first, and the button that starts this year's
 * (its values are filled from the system where it has the data).
 */
export function OwnAssessmentsTab({
  unitCode,
  unitName,
  canStart,
}: {
  unitCode: string;
  unitName: string;
  canStart: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const assessments = useCfAssessments({ unit: unitCode });
  const create = useCreateCfAssessment();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const year = Number(todayInVietnam().slice(0, 4));
  const items = [...(assessments.data?.items ?? [])]
    .filter((item) => item.unitCode === unitCode)
    .sort((a, b) => b.year - a.year);
  const hasThisYear = items.some((item) => item.year === year);

  const start = () =>
    create.mutate(
      { request: { year }, idempotencyKey },
      {
        onSuccess: (assessment) => {
          void message.success(t('childFriendly.own.started', { year }));
          navigate(`/child-friendly/${assessment.id}`);
        },
        onError: (error) => void message.error(describeError(error, t)),
      },
    );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text>{t('childFriendly.own.intro', { unit: unitName })}</Typography.Text>
        {canStart && !hasThisYear && assessments.isSuccess ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            loading={create.isPending}
            onClick={start}
            data-testid="cf-start"
          >
            {t('childFriendly.own.start', { year })}
          </Button>
        ) : null}
      </Flex>
      {assessments.isError ? (
        <ErrorAlert error={assessments.error} onRetry={() => void assessments.refetch()} />
      ) : null}
      <Table<CfAssessmentSummary>
        rowKey="id"
        size="middle"
        loading={assessments.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="cf-own-list"
        locale={{ emptyText: <Empty description={t('childFriendly.own.none')} /> }}
        onRow={(row) => ({ 'data-testid': `cf-assessment-${row.year}` }) as never}
        columns={[
          {
            key: 'year',
            title: t('childFriendly.fields.year'),
            width: 90,
            render: (_, row) => (
              <Link to={`/child-friendly/${row.id}`} data-testid={`cf-open-${row.year}`}>
                {row.year}
              </Link>
            ),
          },
          {
            key: 'status',
            title: t('childFriendly.fields.status'),
            render: (_, row) => <CfStatusTag status={row.status} />,
          },
          {
            key: 'total',
            title: t('childFriendly.fields.total'),
            align: 'right',
            render: (_, row) => `${row.total} / ${row.threshold}`,
          },
          {
            key: 'result',
            title: t('childFriendly.fields.result'),
            render: (_, row) => <PassedTag passed={row.passed} />,
          },
          {
            key: 'category',
            title: t('childFriendly.fields.category'),
            render: (_, row) => <CategoryText category={row.category} />,
          },
          {
            key: 'decision',
            title: t('childFriendly.fields.decision'),
            render: (_, row) => <DecisionText number={row.decisionNumber} date={row.decisionDate} />,
          },
          {
            key: 'updatedAt',
            title: t('childFriendly.fields.updatedAt'),
            render: (_, row) => formatDateTime(row.updatedAt),
          },
        ]}
      />
    </Flex>
  );
}
