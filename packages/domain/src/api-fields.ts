import { z } from 'zod';

/** Field shapes shared by the request schemas of the API contracts (programmes, inspections). */

export const version = z.number().int().min(1);
export const Year = z.number().int().min(2000).max(2100);
export const QueryYear = z.coerce.number().int().min(2000).max(2100);
export const UnitRef = z.string().regex(/^\d{2}(\d{3})?$/, { message: 'unit_code' });
export const Text = (max: number) => z.string().trim().min(1).max(max);
/** An optional text: blank and absent both become null. */
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
export const Vnd = z.number().int().min(0).max(1e13);
export const Count = z.number().int().min(0).max(100_000_000);
