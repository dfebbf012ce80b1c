import type { ColumnType, Generated } from 'kysely';
import type { ChildFriendlyTables } from './schema-child-friendly';
import type { InspectionTables } from './schema-inspections';
import type { ProgrammeTables } from './schema-programmes';

/** Kysely table types; keep in step with the SQL migrations (a test compares them). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<string, string, string>;

export interface AdminUnitTable {
  id: Generated<number>;
  code: string;
  level: 'country' | 'province' | 'district' | 'commune';
  type: string;
  type_name: string;
  name: string;
  full_name: string;
  parent_id: number | null;
  valid_from: DateText | null;
  valid_to: DateText | null;
  path: string;
  province_code: string | null;
  search_name: ColumnType<string, never, never>;
}

export interface AdminUnitMappingTable {
  old_unit_id: number;
  new_unit_id: number;
  relation: 'full' | 'partial' | 'unchanged' | 'renamed';
  area: 'all' | 'part' | 'none';
  population: 'all' | 'part' | 'none';
  old_split_into: number;
  note: string | null;
}

export interface ReferenceDatasetTable {
  name: string;
  checksum: string;
  row_count: number;
  loaded_at: Timestamp;
}

export interface RoleTable {
  code: string;
  name_vi: string;
  name_en: string;
  permissions: string[];
  is_system: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  unit_id: number;
  password_hash: string;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp;
  is_active: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  mfa_secret_enc: string | null;
  mfa_enabled: Generated<boolean>;
  /** int8, read as text. */
  mfa_last_step: ColumnType<string | null, number | null | undefined, number | null>;
  last_login_at: Date | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserRoleTable {
  user_id: string;
  role_code: string;
}

export interface MfaRecoveryCodeTable {
  id: Generated<number>;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  stage: 'active' | 'mfa' | 'mfa_enrol';
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  mfa_attempts: Generated<number>;
}

export interface AuditLogTable {
  id: Generated<string>;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: number | null;
  diff: unknown;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface ReadLogTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  user_id: string;
  entity_type: string;
  entity_id: string;
  reason: string | null;
  request_id: string | null;
  ip: string | null;
}

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status: number;
  body: unknown;
  created_at: Timestamp;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Timestamp;
  duration_ms: number;
}

export interface ChildTable {
  id: Generated<string>;
  unit_id: number;
  full_name: string;
  name_folded: ColumnType<string, never, never>;
  sex: 'male' | 'female';
  date_of_birth: string;
  birth_reference_date: DateText;
  personal_id: string | null;
  ethnicity: string | null;
  birth_registration: ColumnType<unknown, string | null, string | null>;
  village: string | null;
  address: string | null;
  household: ColumnType<unknown, string | null, string | null>;
  caregivers: ColumnType<unknown, string | undefined, string>;
  education: ColumnType<unknown, string | null, string | null>;
  health: ColumnType<unknown, string | null, string | null>;
  at_risk: ColumnType<string[], string[] | undefined, string[]>;
  people_folded: ColumnType<string, string | undefined, string>;
  note: string | null;
  status_changed_at: Date | null;
  status: ColumnType<'active' | 'moved_away' | 'turned_16' | 'deceased', string | undefined, string>;
  merged_into: string | null;
  import_id: string | null;
  import_key: string | null;
  merged_at: Date | null;
  merged_by: string | null;
  turned_6_on: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface ChildSpecialCircumstanceTable {
  id: Generated<string>;
  child_id: string;
  group_code: string;
  subgroup_code: string | null;
  start_date: DateText;
  end_date: DateText | null;
  source: string | null;
  note: string | null;
  confirmed_by: string | null;
  created_at: Timestamp;
}

export interface ChildStatusHistoryTable {
  id: Generated<string>;
  child_id: string;
  status: string;
  changed_at: Timestamp;
  reason: string | null;
  changed_by: string | null;
}

export interface SavedChildFilterTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  query: string;
  created_at: Timestamp;
}

export interface JobTable {
  id: Generated<string>;
  kind: string;
  status: ColumnType<'queued' | 'running' | 'succeeded' | 'failed', string | undefined, string>;
  input: ColumnType<unknown, string | undefined, string>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  error_code: string | null;
  error_detail: string | null;
  progress_done: Generated<number>;
  progress_total: number | null;
  progress_stage: string | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: Timestamp;
  lease_until: Date | null;
  unit_id: number | null;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Timestamp;
}

export interface ChildImportTable {
  id: Generated<string>;
  unit_id: number;
  file_name: string;
  file_format: 'xlsx' | 'csv';
  file_sha256: string;
  file_size: number;
  file_content: Buffer | null;
  status: ColumnType<
    'analysing' | 'analysed' | 'committing' | 'committed' | 'failed' | 'discarded',
    string | undefined,
    string
  >;
  summary: ColumnType<unknown, string | null | undefined, string | null>;
  header_mapping: ColumnType<unknown, string | null | undefined, string | null>;
  decisions: ColumnType<unknown, string | null | undefined, string | null>;
  analyse_job_id: string | null;
  commit_job_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  analysed_at: Date | null;
  committed_by: string | null;
  committed_at: Date | null;
}

export interface ChildImportIssueTable {
  import_id: string;
  row_number: number;
  column_key: ColumnType<string, string | undefined, string>;
  column_header: string | null;
  code: string;
  severity: ColumnType<'error' | 'warning', string | undefined, string>;
  value: string | null;
}

export interface ChildImportDuplicateTable {
  import_id: string;
  row_number: number;
  child_id: string;
  score: number;
  reasons: ColumnType<string[], string[] | undefined, string[]>;
}

export interface ChildTransferTable {
  id: Generated<string>;
  child_id: string;
  from_unit_id: number;
  to_unit_id: number;
  status: ColumnType<'pending' | 'accepted' | 'declined' | 'cancelled', string | undefined, string>;
  reason: string | null;
  new_village: string | null;
  new_address: string | null;
  requested_by: string | null;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

export interface ChildCaseTable {
  id: Generated<string>;
  unit_id: number;
  child_id: string;
  case_year: number;
  case_seq: number;
  case_number: string;
  source: string;
  concerns: string[];
  urgency: 'emergency' | 'urgent' | 'routine';
  received_at: Timestamp;
  status: string;
  protection_level: string | null;
  assigned_officer_id: string | null;
  summary_encrypted: string;
  reporter_encrypted: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  /** JSON array of `OpenDeadline` (see cases.repo.ts). */
  open_deadlines: ColumnType<unknown, string | undefined, string>;
  next_due_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  due_soon_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface CaseActionTable {
  id: Generated<string>;
  case_id: string;
  seq: number;
  type: string;
  occurred_at: Timestamp;
  by_user_id: string | null;
  role: 'officer' | 'leader';
  payload_encrypted: string;
  created_at: Timestamp;
}

export interface CaseMemberTable {
  case_id: string;
  user_id: string;
  added_by: string | null;
  added_at: Timestamp;
}

export interface ServiceProviderTable {
  id: Generated<string>;
  unit_id: number;
  kind: string;
  name: string;
  address: string | null;
  phone: string | null;
  contact_person: string | null;
  note: string | null;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
}

export interface CasePersonTable {
  id: Generated<string>;
  case_id: string;
  role: 'child' | 'caregiver' | 'alleged_perpetrator' | 'other';
  child_id: string | null;
  details_encrypted: string;
  created_at: Generated<Date>;
  created_by: string | null;
  removed_at: Date | null;
  removed_by: string | null;
}

export interface CaseReferralTable {
  id: Generated<string>;
  case_id: string;
  provider_id: string;
  status: 'pending' | 'accepted' | 'declined' | 'done';
  reason_encrypted: string;
  referred_at: Generated<Date>;
  referred_by: string | null;
  responded_at: Date | null;
  done_at: Date | null;
  version: Generated<number>;
}

export interface CaseReferralEventTable {
  id: Generated<string>;
  referral_id: string;
  status: 'pending' | 'accepted' | 'declined' | 'done';
  note_encrypted: string | null;
  at: Generated<Date>;
  by: string | null;
}

export interface CasePlacementTable {
  id: Generated<string>;
  case_id: string;
  kind: 'kinship' | 'non_relative_family' | 'facility';
  provider_id: string | null;
  carer_encrypted: string | null;
  /** JSON object of booleans (Art. 63 conditions); null for a facility placement. */
  art63: ColumnType<unknown, string | null, string | null>;
  start_date: DateText;
  planned_end_date: DateText | null;
  end_date: DateText | null;
  end_reason_encrypted: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface CasePlacementVisitTable {
  id: Generated<string>;
  placement_id: string;
  visited_on: DateText;
  notes_encrypted: string;
  by: string | null;
  at: Generated<Date>;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  case_id: string | null;
  clock_id: string | null;
  /** JSON object without personal content (see notifications.repo.ts). */
  payload: ColumnType<unknown, string | undefined, string>;
  created_at: Timestamp;
  read_at: Date | null;
  dedupe_key: string;
}

export interface HolidayYearTable {
  year: number;
  /** JSON array of `HolidayDay`. */
  days: ColumnType<unknown, string, string>;
  source: string;
  verified: Generated<boolean>;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface BenefitBaseLevelTable {
  id: Generated<string>;
  amount_vnd: ColumnType<string, number | string, number | string>;
  valid_from: DateText;
  valid_to: DateText | null;
  province_code: string | null;
  legal_ref: string;
  verified: Generated<boolean>;
  is_reference: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
}

export interface BenefitRuleTable {
  id: Generated<string>;
  code: string;
  kind: string;
  name_vi: string;
  name_en: string;
  criteria_vi: string;
  criteria_en: string;
  legal_ref: string;
  verified: Generated<boolean>;
  valid_from: DateText;
  valid_to: DateText | null;
  unit_code: string | null;
  periodicity: 'monthly' | 'yearly' | 'once';
  amount: ColumnType<unknown, string, string>;
  criteria: ColumnType<unknown, string, string>;
  exclusive_group: string | null;
  budget_source: string;
  needs_decision: boolean;
  is_reference: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface BenefitEnrolmentTable {
  id: Generated<string>;
  child_id: string;
  unit_id: number;
  rule_code: string;
  status: 'active' | 'ended';
  start_date: DateText;
  end_date: DateText | null;
  amount_vnd: ColumnType<string, number | string, number | string>;
  recipient_kind: 'child' | 'caregiver';
  recipient_name: string;
  recipient_relationship: string | null;
  payment_method: 'cash' | 'bank' | 'post_office' | 'in_kind';
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface BenefitEnrolmentEventTable {
  id: Generated<string>;
  enrolment_id: string;
  kind: 'start' | 'adjust' | 'terminate';
  decision_number: string;
  decision_date: DateText;
  signer_name: string;
  signer_title: string;
  effective_from: DateText;
  amount_vnd: ColumnType<string | null, number | string | null, number | string | null>;
  reason: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
}

export interface BenefitProposalTable {
  id: Generated<string>;
  child_id: string;
  unit_id: number;
  kind: 'start' | 'adjust' | 'terminate';
  status: Generated<'open' | 'confirmed' | 'dismissed'>;
  rule_code: string;
  enrolment_id: string | null;
  effective_from: DateText;
  amount_vnd: ColumnType<string | null, number | string | null, number | string | null>;
  reason_vi: string;
  reason_en: string;
  dedupe_key: string;
  created_at: Timestamp;
  closed_at: Date | null;
  closed_by: string | null;
  close_note: string | null;
}

export interface BenefitPaymentRunTable {
  id: Generated<string>;
  unit_id: number;
  month: string;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface BenefitPaymentTable {
  id: Generated<string>;
  run_id: string;
  enrolment_id: string;
  month: string;
  amount_vnd: ColumnType<string, number | string, number | string>;
  rule_code: string;
  budget_source: string;
  recipient_name: string;
  status: Generated<'unpaid' | 'paid'>;
  method: 'cash' | 'bank' | 'post_office' | 'in_kind' | null;
  paid_on: DateText | null;
  receipt_number: string | null;
  paid_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface DB extends ProgrammeTables, InspectionTables, ChildFriendlyTables {
  benefit_base_level: BenefitBaseLevelTable;
  benefit_rule: BenefitRuleTable;
  benefit_enrolment: BenefitEnrolmentTable;
  benefit_enrolment_event: BenefitEnrolmentEventTable;
  benefit_proposal: BenefitProposalTable;
  benefit_payment_run: BenefitPaymentRunTable;
  benefit_payment: BenefitPaymentTable;
  notification: NotificationTable;
  holiday_year: HolidayYearTable;
  child_case: ChildCaseTable;
  case_action: CaseActionTable;
  case_member: CaseMemberTable;
  service_provider: ServiceProviderTable;
  case_person: CasePersonTable;
  case_referral: CaseReferralTable;
  case_referral_event: CaseReferralEventTable;
  case_placement: CasePlacementTable;
  case_placement_visit: CasePlacementVisitTable;
  job: JobTable;
  child_import: ChildImportTable;
  child_import_issue: ChildImportIssueTable;
  child_import_duplicate: ChildImportDuplicateTable;
  child_transfer: ChildTransferTable;
  saved_child_filter: SavedChildFilterTable;
  child: ChildTable;
  child_special_circumstance: ChildSpecialCircumstanceTable;
  child_status_history: ChildStatusHistoryTable;
  admin_unit: AdminUnitTable;
  admin_unit_mapping: AdminUnitMappingTable;
  reference_dataset: ReferenceDatasetTable;
  role: RoleTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  mfa_recovery_code: MfaRecoveryCodeTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  read_log: ReadLogTable;
  idempotency_key: IdempotencyKeyTable;
  schema_migration: SchemaMigrationTable;
}
