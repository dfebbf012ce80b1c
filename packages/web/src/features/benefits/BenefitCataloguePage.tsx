import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type BaseLevelView,
  BenefitKind,
  type BenefitRuleView,
  benefitKindLabels,
  budgetSourceLabels,
} from '@tuoitho/domain';
import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, todayInVietnam } from '../../lib/dates';
import { useSession } from '../auth/api';
import { useLanguage } from '../children/ChildTags';
import { labelOf } from '../children/childText';
import { useBenefitCatalogue } from './api';
import { baseLevelOn, describeAmount } from './benefitMath';
import { BaseLevelModal, EditRuleModal, LocalRuleModal } from './RuleModals';

function ScopeTag({ unitCode }: { unitCode: string | null }) {
  const { t } = useTranslation();
  if (unitCode === null) return <Tag color="geekblue">{t('benefits.catalogue.national')}</Tag>;
  if (unitCode.length === 2)
    return <Tag color="cyan">{t('benefits.catalogue.province', { code: unitCode })}</Tag>;
  return <Tag color="gold">{t('benefits.catalogue.commune', { code: unitCode })}</Tag>;
}

const laterOf = (a: string, b: string) => (a < b ? b : a);

const period = (from: string, to: string | null) => `${formatDate(from)} – ${to ? formatDate(to) : '…'}`;

/**
 * "Danh mục chính sách": the benefit rules as dated law (each period with its legal reference),
 * the base levels, and the local rules a province or commune adds.
 */
export default function BenefitCataloguePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { user } = useSession();
  const catalogue = useBenefitCatalogue(undefined);
  const [editing, setEditing] = useState<BenefitRuleView | null>(null);
  const [isLocalOpen, setIsLocalOpen] = useState(false);
  const [isBaseOpen, setIsBaseOpen] = useState(false);
  const canManage = user.permissions.includes('catalogs.manage');
  const canAddLocal = canManage || user.permissions.includes('benefits.approve');
  const provinceCode = user.unit.code.length >= 2 ? user.unit.code.slice(0, 2) : null;
  const today = todayInVietnam();
  const rules = catalogue.data?.rules ?? [];
  const baseLevels = catalogue.data?.baseLevels ?? [];
  const currentBase = baseLevelOn(baseLevels, today, provinceCode);

  const ruleTable = (kind: BenefitKind) => {
    const rows = rules
      .filter((rule) => rule.kind === kind)
      .sort((a, b) => a.code.localeCompare(b.code) || b.validFrom.localeCompare(a.validFrom));
    if (rows.length === 0) return null;
    return (
      <Card key={kind} size="small" title={labelOf(benefitKindLabels, kind, language)}>
        <Table<BenefitRuleView>
          rowKey="id"
          size="small"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1400 }}
          tableLayout="fixed"
          data-testid={`benefit-rules-${kind}`}
          columns={[
            {
              key: 'name',
              title: t('benefits.fields.benefit'),
              width: 400,
              render: (_, rule) => (
                <Flex vertical gap={2}>
                  <Flex gap={4} wrap align="center">
                    <Typography.Text strong>{language === 'en' ? rule.nameEn : rule.nameVi}</Typography.Text>
                    {rule.verified ? null : <Tag color="orange">{t('benefits.unverified')}</Tag>}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {language === 'en' ? rule.criteriaEn : rule.criteriaVi}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'period',
              title: t('benefits.fields.period'),
              width: 200,
              render: (_, rule) => period(rule.validFrom, rule.validTo),
            },
            {
              key: 'amount',
              title: t('benefits.fields.amount'),
              width: 240,
              render: (_, rule) => {
                // The amount of a past period at its last day, of a coming one at its first day.
                const at =
                  rule.validTo && rule.validTo < today ? rule.validTo : laterOf(today, rule.validFrom);
                return describeAmount(rule.amount, baseLevelOn(baseLevels, at, provinceCode)?.amountVnd);
              },
            },
            { key: 'legal', title: t('benefits.fields.legalRef'), width: 220, dataIndex: 'legalRef' },
            {
              key: 'scope',
              title: t('benefits.catalogue.scope'),
              width: 130,
              render: (_, rule) => <ScopeTag unitCode={rule.unitCode} />,
            },
            {
              key: 'budget',
              title: t('benefits.fields.budgetSource'),
              width: 150,
              render: (_, rule) => labelOf(budgetSourceLabels, rule.budgetSource, language),
            },
            {
              key: 'edit',
              title: '',
              width: 60,
              render: (_, rule) =>
                rule.canEdit ? (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={`${t('common.edit')} ${rule.nameVi}`}
                    onClick={() => setEditing(rule)}
                  />
                ) : null,
            },
          ]}
        />
      </Card>
    );
  };

  return (
    <>
      <PageHeader
        title={t('benefits.catalogue.title')}
        intro={t('benefits.catalogue.intro')}
        extra={
          <Flex gap={8} wrap>
            {canAddLocal ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsLocalOpen(true)}>
                {t('benefits.catalogue.addLocal')}
              </Button>
            ) : null}
            {canManage ? (
              <Button icon={<PlusOutlined />} onClick={() => setIsBaseOpen(true)}>
                {t('benefits.catalogue.addBaseLevel')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      {catalogue.isError ? (
        <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : null}
      <Flex vertical gap={16}>
        <Card size="small" title={t('benefits.catalogue.baseLevels')} loading={catalogue.isPending}>
          <Table<BaseLevelView>
            rowKey="id"
            size="small"
            dataSource={baseLevels}
            pagination={false}
            data-testid="benefit-base-levels"
            columns={[
              {
                key: 'amount',
                title: t('benefits.catalogue.baseLevel'),
                render: (_, level) => (
                  <Typography.Text strong>
                    {describeAmount({ type: 'fixed', amountVnd: level.amountVnd }, undefined)}
                  </Typography.Text>
                ),
              },
              {
                key: 'period',
                title: t('benefits.fields.period'),
                render: (_, level) => period(level.validFrom, level.validTo),
              },
              {
                key: 'scope',
                title: t('benefits.catalogue.scope'),
                render: (_, level) => <ScopeTag unitCode={level.provinceCode} />,
              },
              {
                key: 'legal',
                title: t('benefits.fields.legalRef'),
                render: (_, level) => (
                  <Flex gap={4} wrap>
                    {level.legalRef}
                    {level.verified ? null : <Tag color="orange">{t('benefits.unverified')}</Tag>}
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
        {catalogue.isPending ? <Card loading /> : null}
        {!catalogue.isPending && rules.length === 0 ? <Empty /> : null}
        {BenefitKind.options.map(ruleTable)}
      </Flex>
      {editing ? <EditRuleModal rule={editing} onClose={() => setEditing(null)} /> : null}
      {isLocalOpen ? (
        <LocalRuleModal unitCode={user.unit.code} onClose={() => setIsLocalOpen(false)} />
      ) : null}
      {isBaseOpen && provinceCode ? (
        <BaseLevelModal
          provinceCode={provinceCode}
          currentVnd={currentBase?.amountVnd}
          onClose={() => setIsBaseOpen(false)}
        />
      ) : null}
    </>
  );
}
