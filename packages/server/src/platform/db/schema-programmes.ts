import type { ColumnType, Generated } from 'kysely';

/** Kysely types of migration 0012 (programmes); keep in step with the SQL. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<string, string, string>;
type Money = ColumnType<string, number | string | undefined, number | string>;
type Numeric = ColumnType<string, number | string, number | string>;

export interface StoredFileTable {
  id: Generated<string>;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_at: Timestamp;
  created_by: string | null;
}

export interface PlanDocumentTable {
  id: Generated<string>;
  unit_id: number;
  number: string;
  issued_on: DateText;
  issuing_body: string;
  doc_type: string;
  title: string;
  summary: string | null;
  search_folded: ColumnType<string, never, never>;
  valid_from: DateText | null;
  valid_to: DateText | null;
  file_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface PlanDocumentTargetTable {
  id: Generated<string>;
  document_id: string;
  seq: number;
  indicator_code: string | null;
  label: string;
  direction: 'at_least' | 'at_most';
  target_value: Numeric;
  unit_of_measure: string;
  target_year: number;
  baseline_year: number | null;
}

export interface ProgrammeTable {
  id: Generated<string>;
  unit_id: number;
  kind: string;
  name: string;
  name_folded: ColumnType<string, never, never>;
  theme: string | null;
  year_from: number;
  year_to: number;
  description: string | null;
  lead_organisation: string;
  partner_organisations: Generated<string[]>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface ProgrammeUnitTable {
  programme_id: string;
  unit_id: number;
}

export interface ProgrammeDocumentTable {
  programme_id: string;
  document_id: string;
}

export interface ProgrammeTargetTable {
  id: Generated<string>;
  programme_id: string;
  seq: number;
  indicator_code: string | null;
  label: string;
  direction: 'at_least' | 'at_most';
  target_value: Numeric;
  unit_of_measure: string;
  target_year: number;
  baseline_year: number | null;
  manual_value: Numeric | null;
  manual_note: string | null;
}

export interface ProgrammeBudgetTable {
  programme_id: string;
  budget_year: number;
  source: string;
  planned_vnd: Money;
  spent_vnd: Money;
}

export interface ActivityTable {
  id: Generated<string>;
  unit_id: number;
  programme_id: string | null;
  kind: string;
  title: string;
  title_folded: ColumnType<string, never, never>;
  starts_on: DateText;
  ends_on: DateText;
  place: string | null;
  organisers: string | null;
  description: string | null;
  other_participants: ColumnType<unknown, string | undefined, string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface ActivityBudgetTable {
  activity_id: string;
  source: string;
  planned_vnd: Money;
  spent_vnd: Money;
}

export interface ActivitySessionTable {
  id: Generated<string>;
  activity_id: string;
  seq: number;
  held_on: DateText;
  topic: string | null;
}

export interface ActivityParticipantTable {
  activity_id: string;
  child_id: string;
  completed: boolean | null;
  swim_safe: boolean | null;
  water_safety: boolean | null;
  assessed_on: DateText | null;
  outcome_note: string | null;
  added_at: Timestamp;
  added_by: string | null;
}

export interface ActivityAttendanceTable {
  session_id: string;
  child_id: string;
  present: boolean;
  recorded_at: Timestamp;
  recorded_by: string | null;
}

export interface CommunicationTable {
  id: Generated<string>;
  unit_id: number;
  programme_id: string | null;
  held_on: DateText;
  channel: string;
  audience: string;
  title: string;
  reach_count: number;
  materials: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

export interface MovementTable {
  id: Generated<string>;
  unit_id: number;
  name: string;
  description: string | null;
  year_from: number;
  year_to: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

export interface MovementParticipationTable {
  movement_id: string;
  unit_id: number;
  participation_year: number;
  note: string | null;
}

export interface IncidentTable {
  id: Generated<string>;
  unit_id: number;
  occurred_at: Timestamp;
  cause: string;
  place_type: string;
  place_description: string | null;
  age: number;
  sex: 'male' | 'female' | null;
  outcome: string;
  child_id: string | null;
  description: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface FacilityTable {
  id: Generated<string>;
  unit_id: number;
  kind: string;
  name: string;
  address: string | null;
  condition: string;
  capacity: number | null;
  note: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface ProgrammeTables {
  stored_file: StoredFileTable;
  plan_document: PlanDocumentTable;
  plan_document_target: PlanDocumentTargetTable;
  programme: ProgrammeTable;
  programme_unit: ProgrammeUnitTable;
  programme_document: ProgrammeDocumentTable;
  programme_target: ProgrammeTargetTable;
  programme_budget: ProgrammeBudgetTable;
  activity: ActivityTable;
  activity_budget: ActivityBudgetTable;
  activity_session: ActivitySessionTable;
  activity_participant: ActivityParticipantTable;
  activity_attendance: ActivityAttendanceTable;
  communication: CommunicationTable;
  movement: MovementTable;
  movement_participation: MovementParticipationTable;
  incident: IncidentTable;
  facility: FacilityTable;
}
