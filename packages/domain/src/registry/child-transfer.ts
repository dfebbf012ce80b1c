import { z } from 'zod';
import { Sex } from '../catalogues/child-attributes';
import type { Label } from '../catalogues/labels';
import { IsoDateTime, PageQuery } from '../common';
import { CommuneCode, OfficerRef } from './child-parts';
import { DateOfBirth, DateOfBirthPrecision } from './date-of-birth';

/**
 * Moving a child to another commune. The sending commune asks, the receiving commune accepts or
 * declines; until then the child stays with the sender. On acceptance the child keeps its id,
 * so its history, groups and every link of other modules follow it.
 */

export const ChildTransferStatus = z
  .enum(['pending', 'accepted', 'declined', 'cancelled'])
  .meta({ id: 'ChildTransferStatus' });
export type ChildTransferStatus = z.infer<typeof ChildTransferStatus>;
export const childTransferStatusLabels: Record<ChildTransferStatus, Label> = {
  pending: { vi: 'Chờ tiếp nhận', en: 'Awaiting acceptance' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  declined: { vi: 'Bị từ chối', en: 'Declined' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

const Note = (max: number) => z.string().trim().max(max);
const Place = (max: number) => z.string().trim().min(1).max(max);

/** `POST /api/v1/children/{id}/transfers`: the commune the child moves to, why, and where. */
export const CreateChildTransferRequest = z
  .object({
    toUnitCode: CommuneCode.describe('commune-level unit (code valid today) the child moves to'),
    reason: Note(500).nullish(),
    newVillage: Place(100).nullish().describe('thôn, tổ dân phố at the new place, if known'),
    newAddress: Place(300).nullish(),
  })
  .meta({ id: 'CreateChildTransferRequest' });
export type CreateChildTransferRequest = z.infer<typeof CreateChildTransferRequest>;

/** `POST /api/v1/children/transfers/{id}/accept`: the residence in the receiving commune. */
export const AcceptChildTransferRequest = z
  .object({
    village: Place(100).nullish().describe('default: the new village given by the sender'),
    address: Place(300).nullish().describe('default: the new address given by the sender'),
    note: Note(500).nullish(),
  })
  .meta({ id: 'AcceptChildTransferRequest' });
export type AcceptChildTransferRequest = z.infer<typeof AcceptChildTransferRequest>;

/** `POST /api/v1/children/transfers/{id}/decline`: a reason is required, the sender reads it. */
export const DeclineChildTransferRequest = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .meta({ id: 'DeclineChildTransferRequest' });
export type DeclineChildTransferRequest = z.infer<typeof DeclineChildTransferRequest>;

/** `POST /api/v1/children/transfers/{id}/cancel`, by the sending side. */
export const CancelChildTransferRequest = z
  .object({ reason: Note(500).nullish() })
  .meta({ id: 'CancelChildTransferRequest' });
export type CancelChildTransferRequest = z.infer<typeof CancelChildTransferRequest>;

/**
 * `GET /api/v1/children/transfers`: `incoming` are transfers to a unit of the caller's subtree,
 * `outgoing` from one; newest first.
 */
export const ChildTransferListQuery = PageQuery.extend({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: z.enum([...ChildTransferStatus.options, 'all']).default('pending'),
}).meta({ id: 'ChildTransferListQuery' });
export type ChildTransferListQuery = z.infer<typeof ChildTransferListQuery>;

/** A unit as named on a transfer. */
export const TransferUnit = z.object({ code: z.string(), name: z.string() });
export type TransferUnit = z.infer<typeof TransferUnit>;

/**
 * Who the child is, enough for the receiving officer to recognise the family that arrives; the
 * full profile opens only once the transfer is accepted. The personal id shows its last 4 digits.
 */
export const TransferChildSummary = z.object({
  id: z.uuid(),
  fullName: z.string(),
  sex: Sex,
  dateOfBirth: DateOfBirth,
  dateOfBirthPrecision: DateOfBirthPrecision,
  personalIdMasked: z.string().nullable().describe('e.g. ********1234'),
  householdHeadName: z.string().nullable(),
  caregiverNames: z.array(z.string()),
});
export type TransferChildSummary = z.infer<typeof TransferChildSummary>;

/** What the caller may do with a transfer. */
export const ChildTransferAbilities = z.object({
  canAccept: z.boolean(),
  canDecline: z.boolean(),
  canCancel: z.boolean(),
  canOpenChild: z.boolean().describe('the child is in the caller’s subtree (its profile opens)'),
});
export type ChildTransferAbilities = z.infer<typeof ChildTransferAbilities>;

/** One transfer, as listed and as answered by its actions. */
export const ChildTransfer = z
  .object({
    id: z.uuid(),
    status: ChildTransferStatus,
    child: TransferChildSummary,
    fromUnit: TransferUnit,
    toUnit: TransferUnit,
    reason: z.string().nullable(),
    newVillage: z.string().nullable(),
    newAddress: z.string().nullable(),
    requestedBy: OfficerRef.nullable(),
    requestedAt: IsoDateTime,
    decidedBy: OfficerRef.nullable().describe('who accepted, declined or cancelled'),
    decidedAt: IsoDateTime.nullable(),
    decisionNote: z.string().nullable().describe('note of the acceptance, or reason of a decline'),
    abilities: ChildTransferAbilities,
  })
  .meta({ id: 'ChildTransfer' });
export type ChildTransfer = z.infer<typeof ChildTransfer>;

export const ChildTransferList = z
  .object({ items: z.array(ChildTransfer), nextCursor: z.string().nullable() })
  .meta({ id: 'ChildTransferList' });
export type ChildTransferList = z.infer<typeof ChildTransferList>;

/** The pending transfer of a child, as shown on its profile ("Đang chờ xã X tiếp nhận"). */
export const ChildPendingTransfer = z.object({
  id: z.uuid(),
  toUnit: TransferUnit,
  reason: z.string().nullable(),
  requestedBy: OfficerRef.nullable(),
  requestedAt: IsoDateTime,
});
export type ChildPendingTransfer = z.infer<typeof ChildPendingTransfer>;

/** A personal id with all but its last 4 digits hidden: `038315001234` → `********1234`. */
export function maskPersonalId(personalId: string | null | undefined): string | null {
  if (!personalId) return null;
  const visible = personalId.slice(-4);
  return `${'*'.repeat(Math.max(0, personalId.length - visible.length))}${visible}`;
}
