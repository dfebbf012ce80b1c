import { Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../auth/api';
import { UnitCodePicker } from '../children/UnitCodePicker';
import { BoardTab } from './BoardTab';
import { chosenTab, type InspectionTab, visibleTabs } from './inspectionText';
import { PlansTab } from './PlansTab';
import { RecommendationsTab } from './RecommendationsTab';
import { TemplatesTab } from './TemplatesTab';

/**
 * "Kiểm tra, giám sát": the yearly plans, the follow-up board, the recommendations and the
 * checklist templates. A commune officer who answers recommendations sees those addressed to the
 * unit (first) and the board; inspectors and the province see everything of their area.
 */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const [unit, setUnit] = useState<string>(user.unit.code);
  const visible = visibleTabs(user.permissions);
  const tab = chosenTab(searchParams.get('tab'), visible);
  const canWrite = user.permissions.includes('inspections.write');
  const isCommuneUser = user.unit.level === 'commune';

  const label = (key: InspectionTab) => (
    <span data-testid={`inspections-tab-${key}`}>{t(`inspections.tabs.${key}`)}</span>
  );
  const content: Record<InspectionTab, React.ReactNode> = {
    plans: <PlansTab unit={unit} canWrite={canWrite} />,
    board: <BoardTab unit={unit} />,
    recommendations: <RecommendationsTab unit={unit} />,
    templates: <TemplatesTab canWrite={canWrite} />,
  };

  return (
    <>
      <PageHeader
        title={t('inspections.title')}
        intro={t('inspections.intro')}
        extra={
          isCommuneUser || tab === 'templates' ? null : (
            <Flex gap={8} align="center">
              <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('inspections.unit')}</Typography.Text>
              <UnitCodePicker
                value={unit}
                onChange={(code) => setUnit(code ?? user.unit.code)}
                within={user.unit.code}
                aria-label={t('inspections.unit')}
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
          items={visible.map((key) => ({ key, label: label(key), children: content[key] }))}
        />
      </Card>
    </>
  );
}
