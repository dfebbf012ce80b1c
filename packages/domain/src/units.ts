import { z } from 'zod';
import { IsoDate } from './common';

/** Level of an administrative unit in the tree (the district level existed until 30/06/2025). */
export const UnitLevel = z.enum(['country', 'province', 'district', 'commune']);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** Official statistics-office code: 2 digits province, 3 district, 5 commune; `VN` for the country. */
export const UnitCode = z.string().regex(/^(VN|\d{2}|\d{3}|\d{5})$/, { message: 'unit_code' });
export type UnitCode = z.infer<typeof UnitCode>;

/**
 * An administrative unit. Codes are reused across the 2025 reform (14812 was Phường Ba Đình and
 * is now Phường Bỉm Sơn), so a unit is identified by its code together with its validity period.
 */
export const Unit = z
  .object({
    id: z.number().int(),
    code: UnitCode,
    level: UnitLevel,
    type: z.string().describe('tinh, thanh_pho, huyen, quan, thi_xa, xa, phuong, thi_tran, dac_khu'),
    typeName: z.string(),
    name: z.string(),
    fullName: z.string(),
    parentId: z.number().int().nullable(),
    validFrom: IsoDate.nullable(),
    validTo: IsoDate.nullable(),
    hasChildren: z.boolean(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

/** A unit together with its ancestors' names, as shown in search results and pickers. */
export const UnitWithPath = Unit.extend({
  path: z.array(z.object({ id: z.number().int(), code: UnitCode, fullName: z.string(), level: UnitLevel })),
}).meta({ id: 'UnitWithPath' });
export type UnitWithPath = z.infer<typeof UnitWithPath>;

/** Query selecting the units valid at a date (default: today in Asia/Ho_Chi_Minh). */
export const AtDateQuery = z.object({ at: IsoDate.optional() });

export const UnitSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  at: IsoDate.optional(),
  level: UnitLevel.optional(),
  within: UnitCode.optional().describe('only units inside this unit (code at the same date)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type UnitSearchQuery = z.infer<typeof UnitSearchQuery>;

/** How much of an old unit went into a new one (from the NSO conversion table). */
export const UnitShare = z.enum(['all', 'part', 'none']);

/** One row of the 2025 old→new mapping: an old commune split in several has several rows. */
export const UnitSuccessor = z
  .object({
    oldUnit: Unit,
    newUnit: Unit,
    relation: z.enum(['full', 'partial', 'unchanged', 'renamed']),
    area: UnitShare,
    population: UnitShare,
    oldSplitInto: z.number().int(),
    note: z.string().nullable(),
  })
  .meta({ id: 'UnitSuccessor' });
export type UnitSuccessor = z.infer<typeof UnitSuccessor>;

/** The date of the two-level reform: units before it end on 30/06/2025. */
export const REFORM_2025_DATE = '2025-07-01';
