import { z } from 'zod';
import { HolidayDay } from './cases';

/**
 * The HTTP contract of the yearly public-holiday calendar (`/api/v1/holidays/:year`). A stored
 * year replaces the default rules for that year; deleting it goes back to the rules.
 */

/** `GET /api/v1/holidays/:year`: the stored year, else the one computed by the default rules. */
export const HolidayYearView = z
  .object({
    year: z.number().int(),
    days: z.array(HolidayDay),
    source: z.string(),
    verified: z.boolean(),
    isDefault: z.boolean().describe('true: not stored, computed by the default rules'),
    version: z.number().int().positive().nullable().describe('null when not stored'),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'HolidayYearView' });
export type HolidayYearView = z.infer<typeof HolidayYearView>;

/**
 * `PUT /api/v1/holidays/:year`: the whole year (days not listed are ordinary days) and the
 * version read (0 to store a year for the first time). The year's own rules (dates in the year,
 * no date twice, swapped working days on weekends) answer 422.
 */
export const SaveHolidayYearRequest = z
  .object({
    days: z.array(HolidayDay).max(60),
    source: z.string().trim().max(500),
    verified: z.boolean(),
    version: z.number().int().min(0),
  })
  .meta({ id: 'SaveHolidayYearRequest' });
export type SaveHolidayYearRequest = z.infer<typeof SaveHolidayYearRequest>;
