import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import {
  activityKindLabels,
  FundingSource,
  fundingSourceLabels,
  type ProgrammeProgress,
} from '@tuoitho/domain';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Result,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/dates';
import { isApiError } from '../../lib/problem';
import { useSession } from '../auth/api';
import { useLanguage } from '../children/ChildTags';
import { labelOf } from '../children/childText';
import { useProgramme, useProgrammeProgress } from './api';
import { ProgrammeFormModal } from './ProgrammeForm';
import { ProgrammeKindTag } from './ProgrammeKindTag';
import { budgetTotalsBySource, formatMoney, formatNumber, formatPeriod } from './programmeText';
import { TargetProgressCard } from './TargetProgressCard';
import { type UnitChoice, UnitSelect } from './UnitSelect';

type BudgetRow = ProgrammeProgress['budget'][number];

function BudgetTable({ rows }: { rows: BudgetRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = rows.reduce(
    (sum, row) => ({
      planned: sum.planned + row.planned,
      spent: sum.spent + row.spent,
      spentInActivities: sum.spentInActivities + row.spentInActivities,
    }),
    { planned: 0, spent: 0, spentInActivities: 0 },
  );
  const money = (amount: number) => (
    <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(amount, language)}</span>
  );
  return (
    <Table<BudgetRow>
      rowKey="source"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="programme-budget"
      locale={{ emptyText: t('programmes.budget.none') }}
      scroll={{ x: 560 }}
      columns={[
        {
          title: t('programmes.budget.source'),
          key: 'source',
          render: (_, row) => labelOf(fundingSourceLabels, row.source, language),
        },
        {
          title: t('programmes.budget.planned'),
          key: 'planned',
          align: 'right',
          render: (_, row) => money(row.planned),
        },
        {
          title: t('programmes.budget.spent'),
          key: 'spent',
          align: 'right',
          render: (_, row) => money(row.spent),
        },
        {
          title: t('programmes.budget.spentInActivities'),
          key: 'spentInActivities',
          align: 'right',
          render: (_, row) => money(row.spentInActivities),
        },
      ]}
      summary={() =>
        rows.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('programmes.budget.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{money(total.planned)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong>{money(total.spent)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong>{money(total.spentInActivities)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}

function ActivitiesSummary({ programmeId, progress }: { programmeId: string; progress: ProgrammeProgress }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { activities } = progress;
  const count = (value: number) => formatNumber(value, language);
  return (
    <Flex vertical gap={12} data-testid="programme-activities">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} lg={4}>
          <Statistic title={t('programmes.activities.count')} value={count(activities.count)} />
        </Col>
        <Col xs={12} md={8} lg={5}>
          <Statistic
            title={t('programmes.activities.namedChildren')}
            value={count(activities.namedChildren)}
          />
        </Col>
        <Col xs={12} md={8} lg={5}>
          <Statistic
            title={t('programmes.activities.otherParticipants')}
            value={count(activities.otherParticipants)}
          />
        </Col>
        <Col xs={12} md={8} lg={5}>
          <Statistic title={t('programmes.activities.completed')} value={count(activities.completed)} />
        </Col>
        <Col xs={12} md={8} lg={5}>
          <Statistic title={t('programmes.activities.swimSafe')} value={count(activities.swimSafe)} />
        </Col>
      </Row>
      {activities.byKind.length > 0 ? (
        <Flex gap={6} wrap>
          {activities.byKind.map((row) => (
            <Tag key={row.kind}>
              {labelOf(activityKindLabels, row.kind, language)}: {count(row.count)}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <div>
        <Link
          to={`/activities?programmeId=${encodeURIComponent(programmeId)}`}
          data-testid="programme-activities-link"
        >
          {t('programmes.activities.viewAll')}
        </Link>
      </div>
    </Flex>
  );
}

/**
 * "Chương trình": what the programme is (kind, period, theme, units, organisations, documents)
 * and, for a chosen unit (`?unit=`), each target against its measured value, the budget by source
 * and a summary of the activities held under it.
 */
export default function ProgrammePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const [isEditing, setIsEditing] = useState(false);
  const unitParam = searchParams.get('unit') ?? undefined;
  const programme = useProgramme(id);
  const progress = useProgrammeProgress(id, unitParam);
  const canWrite = user.permissions.includes('programmes.write');

  if (programme.isError) {
    const isMissing = isApiError(programme.error) && [403, 404].includes(programme.error.status);
    return isMissing ? (
      <Result
        status="404"
        title={t('programmes.notFound')}
        extra={<Button onClick={() => navigate('/programmes')}>{t('programmes.backToList')}</Button>}
      />
    ) : (
      <ErrorAlert error={programme.error} onRetry={() => void programme.refetch()} />
    );
  }
  if (!programme.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const data = programme.data;
  const isCommuneUser = user.unit.level === 'commune';
  const knownUnits: UnitChoice[] = [
    ...(progress.data ? [{ code: progress.data.unitCode, name: progress.data.unitName }] : []),
    { code: user.unit.code, name: user.unit.fullName },
    ...(isCommuneUser ? [] : [{ code: data.unitCode, name: data.unitName }, ...data.units]),
  ];
  const plannedBySource = budgetTotalsBySource(data.budget, FundingSource.options);

  return (
    <>
      <PageHeader
        title={data.name}
        intro={data.theme ? t('programmes.detail.themeLine', { theme: data.theme }) : undefined}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/programmes')}>
              {t('programmes.backToList')}
            </Button>
            {canWrite && data.canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)} data-testid="programme-edit">
                {t('programmes.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              {
                key: 'kind',
                label: t('programmes.fields.kind'),
                children: <ProgrammeKindTag kind={data.kind} />,
              },
              {
                key: 'period',
                label: t('programmes.fields.period'),
                children: formatPeriod(data.yearFrom, data.yearTo),
              },
              { key: 'unit', label: t('programmes.fields.runningUnit'), children: data.unitName },
              { key: 'lead', label: t('programmes.fields.lead'), children: data.leadOrganisation },
              {
                key: 'partners',
                label: t('programmes.fields.partners'),
                children: data.partnerOrganisations.length > 0 ? data.partnerOrganisations.join('; ') : '—',
              },
              {
                key: 'plannedBudget',
                label: t('programmes.detail.plannedBudget'),
                children:
                  plannedBySource.length > 0
                    ? formatMoney(
                        plannedBySource.reduce((sum, row) => sum + row.planned, 0),
                        language,
                      )
                    : '—',
              },
              {
                key: 'units',
                label: t('programmes.fields.units'),
                span: 'filled',
                children:
                  data.units.length > 0 ? (
                    <Flex gap={4} wrap>
                      {data.units.map((unit) => (
                        <Tag key={unit.code}>{unit.name}</Tag>
                      ))}
                    </Flex>
                  ) : (
                    t('programmes.detail.allUnits')
                  ),
              },
              {
                key: 'documents',
                label: t('programmes.fields.documents'),
                span: 'filled',
                children:
                  data.documents.length > 0 ? (
                    <Flex vertical gap={2}>
                      {data.documents.map((document) => (
                        <Link key={document.id} to={`/documents?q=${encodeURIComponent(document.number)}`}>
                          {document.number} — {document.title}
                        </Link>
                      ))}
                    </Flex>
                  ) : (
                    '—'
                  ),
              },
              ...(data.description
                ? [
                    {
                      key: 'description',
                      label: t('programmes.fields.description'),
                      span: 'filled' as const,
                      children: (
                        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>
                          {data.description}
                        </Typography.Paragraph>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>

        <Card
          title={t('programmes.progress.title')}
          extra={
            <Flex align="center" gap={8}>
              <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                {t('programmes.progress.unit')}
              </Typography.Text>
              <UnitSelect
                aria-label={t('programmes.progress.unit')}
                data-testid="progress-unit"
                value={unitParam ?? progress.data?.unitCode}
                within={user.unit.code}
                known={knownUnits}
                onChange={(code) => {
                  const next = new URLSearchParams(searchParams);
                  if (code) next.set('unit', code);
                  else next.delete('unit');
                  setSearchParams(next, { replace: true });
                }}
                style={{ minWidth: 280 }}
              />
            </Flex>
          }
        >
          {progress.isError ? (
            <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />
          ) : null}
          {progress.data ? (
            <Flex vertical gap={16}>
              <Typography.Text type="secondary">
                {t('programmes.progress.asOf', {
                  unit: progress.data.unitName,
                  date: formatDate(progress.data.asOf),
                })}
              </Typography.Text>
              {progress.data.targets.length === 0 ? (
                <Empty description={t('programmes.progress.noTargets')} />
              ) : (
                <Row gutter={[16, 16]} style={{ opacity: progress.isPlaceholderData ? 0.6 : 1 }}>
                  {progress.data.targets.map((target) => (
                    <Col key={target.targetId} xs={24} lg={12} xxl={8}>
                      <TargetProgressCard target={target} />
                    </Col>
                  ))}
                </Row>
              )}
            </Flex>
          ) : progress.isPending ? (
            <Skeleton active />
          ) : null}
        </Card>

        {progress.data ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={14}>
              <Card title={t('programmes.budget.title')} style={{ height: '100%' }}>
                <BudgetTable rows={progress.data.budget} />
              </Card>
            </Col>
            <Col xs={24} xxl={10}>
              <Card title={t('programmes.activities.title')} style={{ height: '100%' }}>
                <ActivitiesSummary programmeId={data.id} progress={progress.data} />
              </Card>
            </Col>
          </Row>
        ) : null}
      </Flex>
      {isEditing ? <ProgrammeFormModal programme={data} onClose={() => setIsEditing(false)} /> : null}
    </>
  );
}
