import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { CaseList, type CaseListItem, caseStatusLabels, concernTypeLabels } from '@tuoitho/domain';
import { Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { apiRequest } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useSession } from '../auth/api';
import { type Language, labelOf } from './childText';

/**
 * The child's protection cases, for holders of `cases.read` only: the list comes from the cases
 * API, which shows names and lets the caller open a case only as far as the case allows.
 */
export function ChildCasesTab({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'vi';
  const navigate = useNavigate();
  const { user } = useSession();
  const query = useQuery({
    queryKey: ['cases', 'list', { childId }],
    queryFn: () => apiRequest('GET', '/cases', { schema: CaseList, query: { childId, limit: 200 } }),
  });
  if (query.error) return <ErrorAlert error={query.error} />;
  const canOpen = user.permissions.includes('cases.write');
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('children.cases.note')}</Typography.Text>
        {canOpen ? (
          <Button icon={<PlusOutlined />} onClick={() => navigate(`/cases/new?childId=${childId}`)}>
            {t('children.cases.open')}
          </Button>
        ) : null}
      </Flex>
      <Table<CaseListItem>
        rowKey="id"
        size="small"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('children.cases.empty')} /> }}
        columns={[
          {
            key: 'number',
            title: t('children.cases.number'),
            render: (_, item) => <Link to={`/cases/${item.id}`}>{item.number}</Link>,
          },
          {
            key: 'receivedAt',
            title: t('children.cases.receivedAt'),
            render: (_, item) => formatDate(item.receivedAt.slice(0, 10)),
          },
          {
            key: 'concerns',
            title: t('children.cases.concerns'),
            render: (_, item) => item.concerns.map((c) => labelOf(concernTypeLabels, c, language)).join(', '),
          },
          {
            key: 'status',
            title: t('children.cases.status'),
            render: (_, item) => (
              <Tag color={item.status === 'closed' ? 'default' : 'blue'}>
                {labelOf(caseStatusLabels, item.status, language)}
              </Tag>
            ),
          },
        ]}
      />
    </Flex>
  );
}
