import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { AreaPicker, useAreaUnit, useHasPermission, useTabParam } from '../OutreachParts';
import { CoverageTab } from './CoverageTab';
import { FacilityListTab } from './FacilityListTab';

const tabKeys = ['list', 'coverage'] as const;

/**
 * "Cơ sở vật chất cho trẻ em": the facilities of the area, and how well each commune's children
 * are served by play places (where they are missing).
 */
export default function FacilitiesPage() {
  const { t } = useTranslation();
  const [unit, setUnit, canPickUnit] = useAreaUnit();
  const [tab, setTab] = useTabParam(tabKeys);
  const canWrite = useHasPermission('activities.write');
  return (
    <>
      <PageHeader
        title={t('facilities.title')}
        intro={t('facilities.intro')}
        extra={
          canPickUnit ? <AreaPicker label={t('facilities.unit')} value={unit} onChange={setUnit} /> : null
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            {
              key: 'list',
              label: <span data-testid="facilities-tab-list">{t('facilities.tabs.list')}</span>,
              children: <FacilityListTab unit={unit} canWrite={canWrite} />,
            },
            {
              key: 'coverage',
              label: <span data-testid="facilities-tab-coverage">{t('facilities.tabs.coverage')}</span>,
              children: <CoverageTab unit={unit} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
