import type { Child, EligibilityFacts } from '@tuoitho/domain';
import { eligibilityFactsOf } from '@tuoitho/domain';
import type { Actor } from '../../platform/http/route';
import { toChild } from '../children/children.mapping';
import type { ChildRepo } from '../children/children.types';
import type { BenefitChildRow } from './benefits.repo';

/**
 * Nobody: the child record is read only to derive eligibility facts, so no abilities are granted
 * and the mapping never depends on who asked.
 */
const FACTS_READER: Actor = {
  sessionId: '',
  stage: 'active',
  csrfToken: '',
  userId: '',
  username: 'system',
  unitId: 0,
  unitPath: '',
  permissions: new Set(),
  mustChangePassword: false,
};

/** The registry's `Child` of a row read by the benefits module (parsed like every child record). */
export function toChildForFacts(row: BenefitChildRow, groups: ChildRepo['specialCircumstanceRow'][]): Child {
  return toChild(FACTS_READER, row, groups);
}

/** The eligibility facts of a child row: its groups, household, health and school, in its province. */
export function factsOfChildRow(
  row: BenefitChildRow,
  groups: ChildRepo['specialCircumstanceRow'][],
): EligibilityFacts {
  return eligibilityFactsOf(toChildForFacts(row, groups), row.province_code ?? row.unit_code.slice(0, 2));
}
