import { DownloadOutlined, SolutionOutlined } from '@ant-design/icons';
import { type BenefitGap, GapKind, gapKindLabels } from '@tuoitho/domain';
import { Button, Card, Col, Empty, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayInVietnam } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { formatDateOfBirth, labelOf } from '../children/childText';
import { IsoDatePicker } from '../children/DateInputs';
import { gapExportUrl, useGaps } from './api';
import { formatMoney } from './benefitMath';
import { EnrolModal, type EnrolTarget } from './EnrolmentForms';

const kindColors: Record<GapKind, string> = {
  eligible_not_enrolled: '#cf1322',
  enrolled_not_eligible: '#d46b08',
  amount_differs: '#722ed1',
};

/**
 * "Rà soát": the children the rules say should get a benefit and do not, those paid without
 * being eligible any more, and amounts that differ from the rule. The leader's headline screen.
 */
export function GapsTab({ unit, canWrite }: { unit: string | undefined; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [at, setAt] = useState<string>(todayInVietnam());
  const gaps = useGaps(unit, at);
  const [target, setTarget] = useState<EnrolTarget | null>(null);
  const items = gaps.data?.items ?? [];

  const table = (kind: GapKind) => {
    const rows = items.filter((gap) => gap.kind === kind);
    return (
      <Card
        key={kind}
        size="small"
        title={
          <Flex gap={8} align="center">
            <span style={{ color: kindColors[kind] }}>{labelOf(gapKindLabels, kind, language)}</span>
            <Typography.Text type="secondary">({rows.length})</Typography.Text>
          </Flex>
        }
        extra={
          <Button size="small" icon={<DownloadOutlined />} href={gapExportUrl(unit, at, kind)} download>
            {t('benefits.gaps.exportKind')}
          </Button>
        }
      >
        <Table<BenefitGap>
          rowKey={(gap) => `${gap.childId}|${gap.ruleCode}|${gap.enrolmentId ?? ''}`}
          size="small"
          data-testid={`benefit-gaps-table-${kind}`}
          loading={gaps.isFetching}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 1080 }}
          onRow={(gap) => ({ 'data-testid': 'benefit-gap-row', 'data-child-id': gap.childId }) as never}
          locale={{ emptyText: <Empty description={t('benefits.gaps.none')} /> }}
          columns={[
            {
              key: 'child',
              title: t('benefits.fields.child'),
              width: 170,
              render: (_, gap) => <Link to={`/children/${gap.childId}?tab=benefits`}>{gap.childName}</Link>,
            },
            {
              key: 'dob',
              title: t('benefits.fields.dateOfBirth'),
              width: 100,
              render: (_, gap) => formatDateOfBirth(gap.childDateOfBirth),
            },
            { key: 'rule', title: t('benefits.fields.benefit'), dataIndex: 'ruleName', width: 220 },
            {
              key: 'expected',
              title: t('benefits.gaps.expected'),
              align: 'right',
              width: 110,
              render: (_, gap) => formatMoney(gap.expectedAmountVnd) || '—',
            },
            {
              key: 'enrolled',
              title: t('benefits.gaps.enrolled'),
              align: 'right',
              width: 110,
              render: (_, gap) => formatMoney(gap.enrolledAmountVnd) || '—',
            },
            {
              key: 'reason',
              title: t('benefits.fields.reason'),
              render: (_, gap) => (language === 'en' ? gap.reasonEn : gap.reasonVi),
            },
            ...(canWrite && kind === 'eligible_not_enrolled'
              ? [
                  {
                    key: 'action',
                    title: '',
                    width: 120,
                    fixed: 'right' as const,
                    render: (_: unknown, gap: BenefitGap) => (
                      <Button
                        size="small"
                        type="primary"
                        icon={<SolutionOutlined />}
                        data-testid="benefit-gap-enrol"
                        onClick={() =>
                          setTarget({
                            childId: gap.childId,
                            childName: gap.childName,
                            ruleCode: gap.ruleCode,
                            ruleName: gap.ruleName,
                            ruleAmountVnd: gap.expectedAmountVnd,
                          })
                        }
                      >
                        {t('benefits.enrol.button')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    );
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('benefits.gaps.intro')}</Typography.Text>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('benefits.gaps.at')}</Typography.Text>
          <IsoDatePicker
            value={at}
            onChange={(value) => setAt(value ?? todayInVietnam())}
            aria-label={t('benefits.gaps.at')}
            style={{ width: 150 }}
          />
          <Button
            icon={<DownloadOutlined />}
            href={gapExportUrl(unit, at)}
            download
            data-testid="benefit-gaps-export"
          >
            {t('benefits.gaps.export')}
          </Button>
        </Flex>
      </Flex>
      {gaps.isError ? <ErrorAlert error={gaps.error} onRetry={() => void gaps.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        {GapKind.options.map((kind) => (
          <Col xs={24} md={8} key={kind}>
            <Card size="small" data-testid={`benefit-gap-count-${kind}`}>
              <Statistic
                title={labelOf(gapKindLabels, kind, language)}
                value={gaps.data?.counts[kind] ?? 0}
                loading={gaps.isPending}
                styles={{ content: { color: kindColors[kind] } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {GapKind.options.map(table)}
      {target ? <EnrolModal target={target} onClose={() => setTarget(null)} /> : null}
    </Flex>
  );
}
