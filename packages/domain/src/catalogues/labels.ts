import { z } from 'zod';

/** A text in the two languages of the application. */
export const Label = z.object({ vi: z.string(), en: z.string() });
export type Label = z.infer<typeof Label>;

/** One value of a closed list with its labels, as served to pickers and export templates. */
export const CatalogueOption = z
  .object({ code: z.string(), vi: z.string(), en: z.string() })
  .meta({ id: 'CatalogueOption' });
export type CatalogueOption = z.infer<typeof CatalogueOption>;

/** The options of a closed list in the order of its enum (the order the UI shows them in). */
export function optionsOf<K extends string>(
  values: readonly K[],
  labels: Record<K, Label>,
): Array<{ code: K; vi: string; en: string }> {
  return values.map((code) => ({ code, ...labels[code] }));
}
