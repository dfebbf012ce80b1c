import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { AreaPicker, useAreaUnit, useHasPermission, useTabParam } from '../OutreachParts';
import { DrowningTab } from './DrowningTab';
import { IncidentRegisterTab } from './IncidentRegisterTab';

const tabKeys = ['register', 'drowning'] as const;

/**
 * "Tai nạn, thương tích trẻ em": the incident register of the area (written by commune officers
 * holding `registry.write`) and the drowning view with its charts.
 */
export default function IncidentsPage() {
  const { t } = useTranslation();
  const [unit, setUnit, canPickUnit] = useAreaUnit();
  const [tab, setTab] = useTabParam(tabKeys);
  const canWrite = useHasPermission('registry.write');
  const canReadRegistry = useHasPermission('registry.read');
  return (
    <>
      <PageHeader
        title={t('incidents.title')}
        intro={t('incidents.intro')}
        extra={
          canPickUnit ? <AreaPicker label={t('incidents.unit')} value={unit} onChange={setUnit} /> : null
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            {
              key: 'register',
              label: <span data-testid="incidents-tab-register">{t('incidents.tabs.register')}</span>,
              children: (
                <IncidentRegisterTab unit={unit} canWrite={canWrite} canReadRegistry={canReadRegistry} />
              ),
            },
            {
              key: 'drowning',
              label: <span data-testid="incidents-tab-drowning">{t('incidents.tabs.drowning')}</span>,
              children: <DrowningTab unit={unit} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
