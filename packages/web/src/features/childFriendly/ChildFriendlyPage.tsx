import { Card, Flex, Tabs, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../auth/api';
import { UnitCodePicker } from '../children/UnitCodePicker';
import { CatalogueTab } from './CatalogueTab';
import { CategoriesTab } from './CategoriesTab';
import { ComparisonTab } from './ComparisonTab';
import { OwnAssessmentsTab } from './OwnAssessmentsTab';
import { ResultsTab } from './ResultsTab';

type TabKey = 'own' | 'results' | 'comparison' | 'catalogue' | 'categories';

/**
 * "Xã, phường phù hợp với trẻ em": a commune's self-assessments by year; for the province, the
 * results of all its communes for a year and their comparison across years; the criteria
 * catalogue (unverified items editable by an administrator) and the kinds of units.
 */
export default function ChildFriendlyPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const isCommuneUser = user.unit.level === 'commune';
  const [unit, setUnit] = useState<string>(user.unit.code);
  const canAssess = user.permissions.includes('childfriendly.assess');
  const canReview = user.permissions.includes('childfriendly.review');
  const canManage = user.permissions.includes('catalogs.manage');

  const tabs: TabKey[] = [
    ...(isCommuneUser ? (['own'] as const) : []),
    ...(isCommuneUser ? [] : (['results'] as const)),
    'comparison',
    'catalogue',
    ...(canManage || canReview ? (['categories'] as const) : []),
  ];
  const tabParam = searchParams.get('tab');
  const tab: TabKey = tabs.find((key) => key === tabParam) ?? tabs[0] ?? 'catalogue';

  const label = (key: TabKey) => <span data-testid={`cf-tab-${key}`}>{t(`childFriendly.tabs.${key}`)}</span>;
  const content: Record<TabKey, ReactNode> = {
    own: <OwnAssessmentsTab unitCode={user.unit.code} unitName={user.unit.fullName} canStart={canAssess} />,
    results: <ResultsTab unit={unit} />,
    comparison: <ComparisonTab unit={unit} />,
    catalogue: <CatalogueTab />,
    categories: <CategoriesTab unit={unit} />,
  };

  return (
    <>
      <PageHeader
        title={t('childFriendly.title')}
        intro={t('childFriendly.intro')}
        extra={
          isCommuneUser ? null : (
            <Flex gap={8} align="center">
              <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('childFriendly.unit')}</Typography.Text>
              <UnitCodePicker
                value={unit}
                onChange={(code) => setUnit(code ?? user.unit.code)}
                within={user.unit.code}
                aria-label={t('childFriendly.unit')}
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
          items={tabs.map((key) => ({ key, label: label(key), children: content[key] }))}
        />
      </Card>
    </>
  );
}
