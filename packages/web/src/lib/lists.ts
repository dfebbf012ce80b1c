import { Page } from '@tuoitho/domain';

type ItemSchema = Parameters<typeof Page>[0];

/** Schema of `{items: T[]}`, the answer of list endpoints without pagination. */
export function itemsOf<T extends ItemSchema>(item: T) {
  return Page(item).pick({ items: true });
}

/** Schema of `{items: T[], nextCursor}`, the answer of paginated list endpoints. */
export function pageOf<T extends ItemSchema>(item: T) {
  return Page(item);
}
