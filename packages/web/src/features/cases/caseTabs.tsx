import type { Case } from '@tuoitho/domain';
import type { ReactNode } from 'react';
import { casePartTabs } from './parts/casePartTabs';

/** A tab of the case page added by another part of the case module. */
export interface CaseTabDefinition {
  key: string;
  /** i18n key of the tab's label (e.g. `caseParts.tabs.people`). */
  labelKey: string;
  /** `readReason`: the reason a province officer gave to read the content (for the read log). */
  render: (props: { caseData: Case; readReason?: string | undefined }) => ReactNode;
}

/**
 * Tabs shown after "Người được xem" on the case page. The parts of a case beside its actions go
 * here, each from './parts/…':
 *   { key: 'people', labelKey: '…', render: ({ caseData }) => <CasePeopleTab caseData={caseData} /> },
 *   { key: 'referrals', labelKey: '…', render: ({ caseData }) => <CaseReferralsTab caseData={caseData} /> },
 *   { key: 'placements', labelKey: '…', render: ({ caseData }) => <CasePlacementsTab caseData={caseData} /> },
 * (CasePeopleTab, CaseReferralsTab, CasePlacementsTab are built separately; import them here.)
 */
export const extraCaseTabs: CaseTabDefinition[] = [...casePartTabs];
