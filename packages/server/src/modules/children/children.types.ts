import type { ChildrenRepo } from './children.repo';

/** Row types of the repository, named for the mapping functions. */
export type ChildRepo = {
  row: NonNullable<Awaited<ReturnType<ChildrenRepo['findInScope']>>>;
  specialCircumstanceRow: Awaited<ReturnType<ChildrenRepo['listSpecialCircumstances']>>[number];
};
