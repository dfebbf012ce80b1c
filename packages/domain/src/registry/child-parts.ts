import { z } from 'zod';
import {
  AtRiskFlag,
  CaregiverRelationship,
  DisabilityLevel,
  DisabilityType,
  EnrolmentStatus,
  NutritionStatus,
  PovertyStatus,
} from '../catalogues/child-attributes';
import { EthnicityCode, findEthnicGroup } from '../catalogues/ethnic-groups';
import {
  isSubgroupOfGroup,
  parseSpecialCircumstanceGroupCode,
  SpecialCircumstanceGroupCode,
  SpecialCircumstanceSubgroupCode,
} from '../catalogues/special-circumstances';
import { IsoDate, IsoDateTime } from '../common';
import { stripNumberSeparators } from './personal-id';
import { normaliseWhitespace } from './vietnamese-text';

/**
 * The parts of a child record. Every part is optional in requests (an officer often knows only
 * the name, sex, date of birth and commune at first contact) and `null` clears a part.
 * Part-local rules live here; rules that relate parts to each other are in `child-rules.ts`.
 */

/** A person's name: letters (any script), spaces, hyphens, apostrophes and dots. */
export const PersonName = z
  .string()
  .trim()
  .overwrite(normaliseWhitespace)
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u, { message: 'person_name' });

/** A Vietnamese phone number, mobile or landline; spaces, dots and hyphens are ignored. */
export const ContactPhone = z
  .string()
  .trim()
  .overwrite(stripNumberSeparators)
  .regex(/^(\+84|0)\d{9,10}$/, { message: 'phone' });

/** Code of a commune-level unit (xã, phường, đặc khu): 5 digits. */
export const CommuneCode = z.string().regex(/^\d{5}$/, { message: 'commune_code' });

/** An ethnicity in a request: a code, or a name such as "Kinh" or "muong", stored as its code. */
export const EthnicityInput = z
  .string()
  .trim()
  .overwrite((value) => findEthnicGroup(value)?.code ?? value)
  .pipe(EthnicityCode)
  .describe('code 01–54 (GSO list) or 55 (foreign national); a name such as "Kinh" is accepted');

const ShortText = (max: number) => z.string().trim().overwrite(normaliseWhitespace).max(max);

export const BirthRegistration = z
  .object({
    registered: z.boolean(),
    date: IsoDate.nullish(),
    place: ShortText(300).nullish().describe('issuing authority, e.g. UBND phường Bỉm Sơn'),
  })
  .superRefine((value, ctx) => {
    if (!value.registered && value.date) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'birth_registration_unregistered' });
    }
  });
export type BirthRegistration = z.infer<typeof BirthRegistration>;

/** Where the child lives inside the commune (the commune itself is `unitCode`). */
export const Residence = z.object({
  village: ShortText(100).nullish().describe('thôn, xóm, bản, ấp or tổ dân phố'),
  address: ShortText(300).nullish(),
});
export type Residence = z.infer<typeof Residence>;

export const Household = z
  .object({
    headName: PersonName.nullish(),
    membersCount: z.number().int().min(1).max(50).nullish(),
    phone: ContactPhone.nullish(),
    povertyStatus: PovertyStatus.nullish(),
    povertyYear: z.number().int().min(2000).max(2100).nullish().describe('year of the poverty review'),
  })
  .superRefine((value, ctx) => {
    // Poverty lists are reviewed every year: a status without its year cannot be checked.
    if ((value.povertyStatus === 'poor' || value.povertyStatus === 'near_poor') && !value.povertyYear) {
      ctx.addIssue({ code: 'custom', path: ['povertyYear'], message: 'poverty_year_required' });
    }
  });
export type Household = z.infer<typeof Household>;

export const Caregiver = z.object({
  fullName: PersonName,
  relationship: CaregiverRelationship,
  phone: ContactPhone.nullish(),
  isGuardian: z.boolean().default(false).describe('legal guardian (người giám hộ)'),
});
export type Caregiver = z.infer<typeof Caregiver>;

export const Education = z.object({
  school: ShortText(200).nullish(),
  grade: ShortText(50).nullish().describe('grade or preschool class, e.g. "3A", "Mẫu giáo lớn"'),
  enrolmentStatus: EnrolmentStatus.nullish(),
  atRiskOfDropout: z.boolean().nullish(),
});
export type Education = z.infer<typeof Education>;

export const Disability = z.object({
  type: DisabilityType,
  level: DisabilityLevel.nullish().describe('null until the commune council has assessed it'),
});
export type Disability = z.infer<typeof Disability>;

/**
 * Health insurance card number: the 15-character card code (2 letters, 13 digits, e.g. TE1…
 * for children under 6) or the 10-digit social insurance number printed on cards since 2021.
 */
export const InsuranceCardNumber = z
  .string()
  .trim()
  .overwrite((value) => value.replace(/[\s.-]/g, '').toUpperCase())
  .regex(/^([A-Z]{2}\d{13}|\d{10})$/, { message: 'insurance_card_number' });

export const Health = z
  .object({
    insuranceCardNumber: InsuranceCardNumber.nullish(),
    insuranceValidFrom: IsoDate.nullish(),
    insuranceValidTo: IsoDate.nullish(),
    disability: Disability.nullish(),
    seriousIllness: z.boolean().nullish().describe('severe illness or illness needing long-term treatment'),
    illnessNote: ShortText(500).nullish(),
    nutritionStatus: NutritionStatus.nullish().describe('followed for children under 5'),
    nutritionAssessedOn: IsoDate.nullish(),
    immunisationComplete: z.boolean().nullish().describe('full basic immunisation before age 1'),
  })
  .superRefine((value, ctx) => {
    if (
      value.insuranceValidFrom &&
      value.insuranceValidTo &&
      value.insuranceValidTo < value.insuranceValidFrom
    ) {
      ctx.addIssue({ code: 'custom', path: ['insuranceValidTo'], message: 'insurance_validity' });
    }
  });
export type Health = z.infer<typeof Health>;

/** At-risk flags, each at most once. */
export const AtRiskList = z
  .array(AtRiskFlag)
  .max(AtRiskFlag.options.length)
  .refine((flags) => new Set(flags).size === flags.length, { message: 'duplicate_values' });

/** A group letter in a request; `dd` is accepted for `đ`. */
export const SpecialCircumstanceGroupInput = z
  .string()
  .trim()
  .overwrite((value) => parseSpecialCircumstanceGroupCode(value) ?? value)
  .pipe(SpecialCircumstanceGroupCode)
  .describe('a, b, c, d, đ (or dd), e, g, h, i, k, l, m, n, o — Luật Trẻ em Art. 10(1)');

/**
 * A group of special circumstances in a request. In an update, the list replaces the child's
 * list: an entry with the `id` of an existing one updates it, entries without `id` are added.
 */
export const SpecialCircumstanceInput = z
  .object({
    id: z.uuid().optional(),
    group: SpecialCircumstanceGroupInput,
    subgroup: SpecialCircumstanceSubgroupCode.nullish(),
    startDate: IsoDate,
    endDate: IsoDate.nullish(),
    source: ShortText(300).nullish().describe('how the officer knows: document, verification visit…'),
    note: ShortText(1000).nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.subgroup && !isSubgroupOfGroup(value.subgroup, value.group)) {
      ctx.addIssue({ code: 'custom', path: ['subgroup'], message: 'special_circumstance_subgroup' });
    }
    if (value.endDate && value.endDate < value.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'special_circumstance_dates' });
    }
  });
export type SpecialCircumstanceInput = z.infer<typeof SpecialCircumstanceInput>;

/** An officer (a user) as shown next to what they did. */
export const OfficerRef = z.object({ id: z.uuid(), fullName: z.string() });

/** A group of special circumstances of a child, as answered by the API. */
export const SpecialCircumstance = z.object({
  id: z.uuid(),
  group: SpecialCircumstanceGroupCode,
  subgroup: z.string().nullable(),
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  confirmedBy: OfficerRef.nullable().describe('the officer who confirmed the child is in the group'),
  confirmedAt: IsoDateTime.nullable(),
  isCurrent: z.boolean().describe('started and not ended today'),
});
export type SpecialCircumstance = z.infer<typeof SpecialCircumstance>;
