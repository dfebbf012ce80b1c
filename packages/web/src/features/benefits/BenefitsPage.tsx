import { Badge, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { todayInVietnam } from '../../lib/dates';
import { useSession } from '../auth/api';
import { UnitCodePicker } from '../children/UnitCodePicker';
import { useGaps, useProposals } from './api';
import { EnrolmentsTab } from './EnrolmentsTab';
import { GapsTab } from './GapsTab';
import { PaymentsTab } from './PaymentsTab';
import { ProposalsTab } from './ProposalsTab';
import { TotalsTab } from './TotalsTab';

const tabKeys = ['gaps', 'proposals', 'enrolments', 'payments', 'totals'] as const;
type TabKey = (typeof tabKeys)[number];

/**
 * "Chính sách hỗ trợ": the gap list (who should get a benefit and does not), the proposals,
 * the enrolments, the monthly payment list and the totals of a commune (or a wider area).
 */
export default function BenefitsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const isCommuneUser = user.unit.level === 'commune';
  const [unit, setUnit] = useState<string | undefined>(user.unit.code);
  const canWrite =
    user.permissions.includes('benefits.write') || user.permissions.includes('benefits.approve');
  const proposals = useProposals(unit);
  const gaps = useGaps(unit, todayInVietnam());
  const tabParam = searchParams.get('tab');
  const tab: TabKey = (tabKeys as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabKey) : 'gaps';
  const gapCount = Object.values(gaps.data?.counts ?? {}).reduce((sum, count) => sum + (count ?? 0), 0);

  const label = (key: TabKey, count?: number) => (
    <span data-testid={`benefits-tab-${key}`}>
      {t(`benefits.tabs.${key}`)}
      {count ? <Badge count={count} overflowCount={999} style={{ marginInlineStart: 6 }} /> : null}
    </span>
  );

  return (
    <>
      <PageHeader
        title={t('benefits.title')}
        intro={t('benefits.intro')}
        extra={
          isCommuneUser ? null : (
            <Flex gap={8} align="center">
              <Typography.Text>{t('benefits.unit')}</Typography.Text>
              <UnitCodePicker
                value={unit}
                onChange={(code) => setUnit(code ?? user.unit.code)}
                within={user.unit.code}
                aria-label={t('benefits.unit')}
                style={{ minWidth: 280 }}
              />
            </Flex>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => {
            const next = new URLSearchParams(searchParams);
            next.set('tab', key);
            setSearchParams(next, { replace: true });
          }}
          items={[
            {
              key: 'gaps',
              label: label('gaps', gapCount),
              children: <GapsTab unit={unit} canWrite={canWrite} />,
            },
            {
              key: 'proposals',
              label: label('proposals', proposals.data?.total),
              children: <ProposalsTab unit={unit} canWrite={canWrite} />,
            },
            {
              key: 'enrolments',
              label: label('enrolments'),
              children: <EnrolmentsTab unit={unit} canWrite={canWrite} />,
            },
            {
              key: 'payments',
              label: label('payments'),
              children: <PaymentsTab unit={unit} canWrite={canWrite} />,
            },
            { key: 'totals', label: label('totals'), children: <TotalsTab unit={unit} /> },
          ]}
        />
      </Card>
    </>
  );
}
