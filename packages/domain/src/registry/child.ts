import { z } from 'zod';
import { AtRiskFlag, ChildStatus, Sex } from '../catalogues/child-attributes';
import { EthnicityCode } from '../catalogues/ethnic-groups';
import { SpecialCircumstanceGroupCode } from '../catalogues/special-circumstances';
import { IsoDate, IsoDateTime, Page } from '../common';
import {
  AtRiskList,
  BirthRegistration,
  Caregiver,
  CommuneCode,
  Education,
  EthnicityInput,
  Health,
  Household,
  OfficerRef,
  PersonName,
  Residence,
  SpecialCircumstance,
  SpecialCircumstanceInput,
} from './child-parts';
import { type ChildRecordFacts, checkChildRecord } from './child-rules';
import { ChildPendingTransfer } from './child-transfer';
import { DateOfBirth, DateOfBirthInput, DateOfBirthPrecision, vietnamToday } from './date-of-birth';
import { PersonalId } from './personal-id';

/** The optional parts of a child, shared by create and update; `null` clears a part. */
const optionalParts = {
  personalId: PersonalId.nullish(),
  ethnicity: EthnicityInput.nullish(),
  birthRegistration: BirthRegistration.nullish(),
  residence: Residence.nullish(),
  household: Household.nullish(),
  caregivers: z.array(Caregiver).max(10).nullish(),
  education: Education.nullish(),
  health: Health.nullish(),
  specialCircumstances: z.array(SpecialCircumstanceInput).max(30).nullish(),
  atRisk: AtRiskList.nullish(),
  note: z.string().trim().max(2000).nullish(),
};

/** Adds the cross-field issues of `checkChildRecord` to a zod context. */
function refineRecord(record: ChildRecordFacts, ctx: z.RefinementCtx) {
  for (const issue of checkChildRecord(record, vietnamToday())) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
}

/**
 * `POST /api/v1/children`. The minimum is the name, sex, date of birth (or year) and the
 * commune-level unit where the child lives; everything else can come later.
 */
export const CreateChildRequest = z
  .object({
    fullName: PersonName,
    sex: Sex,
    dateOfBirth: DateOfBirthInput,
    unitCode: CommuneCode.describe('commune-level unit where the child lives (code valid today)'),
    ...optionalParts,
  })
  .superRefine(refineRecord)
  .meta({ id: 'CreateChildRequest' });
export type CreateChildRequest = z.infer<typeof CreateChildRequest>;

/**
 * `PATCH /api/v1/children/{id}`: the fields to change and the `version` read (stale → 409).
 * A part given replaces the stored part; `null` clears it. The commune is not changed here but
 * by a transfer, which the receiving commune accepts. Rules relating a changed field to stored
 * ones are checked by the server over the merged record (`checkChildRecord`).
 */
export const UpdateChildRequest = z
  .object({
    version: z.number().int().min(0),
    fullName: PersonName.optional(),
    sex: Sex.optional(),
    dateOfBirth: DateOfBirthInput.optional(),
    ...optionalParts,
  })
  .superRefine(refineRecord)
  .meta({ id: 'UpdateChildRequest' });
export type UpdateChildRequest = z.infer<typeof UpdateChildRequest>;

/** What the caller may do with a child; computed by the server, read by the UI. */
export const ChildAbilities = z.object({
  canEdit: z.boolean(),
  canTransfer: z.boolean().describe('active, in the caller’s subtree, no transfer pending'),
  canCancelTransfer: z.boolean().describe('a transfer is pending and the caller may cancel it'),
  canMerge: z.boolean(),
});
export type ChildAbilities = z.infer<typeof ChildAbilities>;

/** A child as answered by `GET /api/v1/children/{id}` (and by create and update). */
export const Child = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    fullName: z.string(),
    sex: Sex,
    dateOfBirth: DateOfBirth,
    dateOfBirthPrecision: DateOfBirthPrecision,
    ageYears: z.number().int().describe('whole years today; a year-only date counts from 1 July'),
    unitCode: z.string(),
    unitName: z.string(),
    personalId: z.string().nullable(),
    ethnicity: EthnicityCode.nullable(),
    birthRegistration: BirthRegistration.nullable(),
    residence: Residence.nullable(),
    household: Household.nullable(),
    caregivers: z.array(Caregiver),
    education: Education.nullable(),
    health: Health.nullable(),
    specialCircumstances: z.array(SpecialCircumstance),
    atRisk: z.array(AtRiskFlag),
    note: z.string().nullable(),
    status: ChildStatus,
    statusChangedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    turned6On: IsoDate.nullable().describe('6th birthday as recorded by the daily job (BHYT under 6 ends)'),
    pendingTransfer: ChildPendingTransfer.nullable().describe('the commune asked to take the child over'),
    mergedInto: z
      .object({ id: z.uuid(), fullName: z.string().nullable().describe('null outside the caller’s subtree') })
      .nullable()
      .describe('set on a record merged into another: only its history is kept here'),
    mergedAt: IsoDateTime.nullable(),
    abilities: ChildAbilities,
  })
  .meta({ id: 'Child' });
export type Child = z.infer<typeof Child>;

/** A row of the children list: enough to recognise the child and open the profile. */
export const ChildListItem = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    fullName: z.string(),
    sex: Sex,
    dateOfBirth: DateOfBirth,
    dateOfBirthPrecision: DateOfBirthPrecision,
    ageYears: z.number().int(),
    unitCode: z.string(),
    unitName: z.string(),
    personalId: z.string().nullable(),
    village: z.string().nullable(),
    householdHeadName: z.string().nullable(),
    caregiverNames: z.array(z.string()),
    specialCircumstanceGroups: z.array(SpecialCircumstanceGroupCode).describe('current groups'),
    atRisk: z.array(AtRiskFlag),
    status: ChildStatus,
    turned6On: IsoDate.nullable(),
  })
  .meta({ id: 'ChildListItem' });
export type ChildListItem = z.infer<typeof ChildListItem>;

/** `GET /api/v1/children`: a page of children and the number of children matching the filters. */
export const ChildList = Page(ChildListItem).extend({ total: z.number().int() }).meta({ id: 'ChildList' });
export type ChildList = z.infer<typeof ChildList>;

/** One change of a child's status, for the history tab. */
export const ChildStatusChange = z
  .object({
    status: ChildStatus,
    changedAt: IsoDateTime,
    reason: z.string().nullable(),
    changedBy: OfficerRef.nullable().describe('null for the daily job (turned 16)'),
  })
  .meta({ id: 'ChildStatusChange' });
export type ChildStatusChange = z.infer<typeof ChildStatusChange>;
