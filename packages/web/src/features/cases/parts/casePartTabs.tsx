import { LockOutlined } from '@ant-design/icons';
import type { Case } from '@tuoitho/domain';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTabDefinition } from '../caseTabs';
import { type CasePartTabProps, CasePeopleTab } from './CasePeopleTab';
import { CasePlacementsTab } from './CasePlacementsTab';
import { CaseReferralsTab } from './CaseReferralsTab';
import { canEditCaseParts } from './caseParts';

/** The parts are as confidential as the narrative: hidden until it may be read (or a reason is given). */
function ContentGate({ caseData, children }: { caseData: Case; children: ReactNode }) {
  const { t } = useTranslation();
  if (caseData.canReadContent) return children;
  return (
    <Typography.Text type="secondary">
      <LockOutlined aria-hidden />{' '}
      {caseData.canReadWithReason ? t('cases.content.needsReason') : t('cases.content.hidden')}
    </Typography.Text>
  );
}

function tab(key: string, Component: (props: CasePartTabProps) => ReactNode): CaseTabDefinition {
  return {
    key,
    labelKey: `caseParts.tabs.${key}`,
    render: ({ caseData, readReason }) => (
      <ContentGate caseData={caseData}>
        <Component caseId={caseData.id} canEdit={canEditCaseParts(caseData)} readReason={readReason} />
      </ContentGate>
    ),
  };
}

/** "Người liên quan", "Chuyển gửi dịch vụ", "Chăm sóc thay thế" on the case page. */
export const casePartTabs: CaseTabDefinition[] = [
  tab('people', CasePeopleTab),
  tab('referrals', CaseReferralsTab),
  tab('placements', CasePlacementsTab),
];
