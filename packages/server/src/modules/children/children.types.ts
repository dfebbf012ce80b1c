import type { ChildrenRepo } from './children.repo';
import type { ChildTransferRepo } from './children.transfer.repo';

/** Row types of the repository, named for the mapping functions. */
export type ChildRepo = {
  row: NonNullable<Awaited<ReturnType<ChildrenRepo['findInScope']>>>;
  specialCircumstanceRow: Awaited<ReturnType<ChildrenRepo['listSpecialCircumstances']>>[number];
  pendingTransferRow: Awaited<ReturnType<ChildTransferRepo['listPending']>>[number];
  transferRow: NonNullable<Awaited<ReturnType<ChildTransferRepo['findById']>>>;
};
