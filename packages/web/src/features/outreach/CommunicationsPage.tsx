import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { CommunicationsTab } from './CommunicationsTab';
import { MovementsTab } from './MovementsTab';
import { AreaPicker, useAreaUnit, useHasPermission, useTabParam } from './OutreachParts';

const tabKeys = ['communication', 'movements'] as const;

/**
 * "Truyền thông và phong trào": communication events of the area (channel, audience, reach,
 * materials) with a summary by channel, and the movements with their participating units.
 */
export default function CommunicationsPage() {
  const { t } = useTranslation();
  const [unit, setUnit, canPickUnit] = useAreaUnit();
  const [tab, setTab] = useTabParam(tabKeys);
  const canWriteCommunication = useHasPermission('activities.write');
  const canWriteMovements = useHasPermission('programmes.write');
  return (
    <>
      <PageHeader
        title={t('communications.title')}
        intro={t('communications.intro')}
        extra={
          canPickUnit ? <AreaPicker label={t('communications.unit')} value={unit} onChange={setUnit} /> : null
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            {
              key: 'communication',
              label: (
                <span data-testid="communications-tab-communication">
                  {t('communications.tabs.communication')}
                </span>
              ),
              children: <CommunicationsTab unit={unit} canWrite={canWriteCommunication} />,
            },
            {
              key: 'movements',
              label: (
                <span data-testid="communications-tab-movements">{t('communications.tabs.movements')}</span>
              ),
              children: <MovementsTab unit={unit} canWrite={canWriteMovements} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
