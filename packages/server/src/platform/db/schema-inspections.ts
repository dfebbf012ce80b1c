import type { ColumnType, Generated } from 'kysely';

/** Kysely types of migration 0013 (inspections); keep in step with the SQL. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<string, string, string>;
type Numeric = ColumnType<string, number | string, number | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface InspectionTemplateTable {
  id: Generated<string>;
  unit_id: number;
  name: string;
  topic: 'policy_law' | 'drowning_prevention' | 'professional' | 'budget_use' | 'other';
  questions: Json;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

export interface InspectionPlanTable {
  id: Generated<string>;
  unit_id: number;
  plan_year: number;
  number: string | null;
  issued_on: DateText | null;
  issuing_body: string;
  title: string;
  topics: Generated<string[]>;
  description: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface InspectionPlanTargetTable {
  plan_id: string;
  unit_id: number;
  planned_from: DateText | null;
  planned_to: DateText | null;
}

export interface InspectionTeamMemberTable {
  plan_id: string;
  seq: number;
  full_name: string;
  role: 'lead' | 'deputy' | 'member' | 'secretary';
  organisation: string | null;
  user_id: string | null;
}

export interface InspectionSessionTable {
  id: Generated<string>;
  plan_id: string;
  unit_id: number;
  template_id: string | null;
  questions: Json;
  held_on: DateText;
  status: Generated<'draft' | 'completed'>;
  summary: string | null;
  conclusion: string | null;
  score: Numeric | null;
  max_score: Numeric | null;
  completed_at: Date | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface InspectionAnswerTable {
  session_id: string;
  question_id: string;
  value: ColumnType<unknown, string | null, string | null>;
  note: string | null;
}

export interface InspectionFindingTable {
  id: Generated<string>;
  session_id: string;
  seq: number;
  question_id: string | null;
  severity: 'good' | 'minor' | 'major';
  text: string;
}

export interface InspectionRecommendationTable {
  id: Generated<string>;
  session_id: string;
  finding_id: string | null;
  unit_id: number;
  text: string;
  deadline: DateText;
  status: Generated<'open' | 'in_progress' | 'done'>;
  response: string | null;
  completed_on: DateText | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface InspectionRecommendationEventTable {
  id: Generated<string>;
  recommendation_id: string;
  at: Timestamp;
  actor_id: string | null;
  kind: 'created' | 'status' | 'response' | 'evidence' | 'reminder' | 'deadline';
  from_status: string | null;
  to_status: string | null;
  note: string | null;
}

export interface InspectionEvidenceTable {
  id: Generated<string>;
  session_id: string | null;
  recommendation_id: string | null;
  question_id: string | null;
  file_id: string;
  caption: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface InspectionTables {
  inspection_template: InspectionTemplateTable;
  inspection_plan: InspectionPlanTable;
  inspection_plan_target: InspectionPlanTargetTable;
  inspection_team_member: InspectionTeamMemberTable;
  inspection_session: InspectionSessionTable;
  inspection_answer: InspectionAnswerTable;
  inspection_finding: InspectionFindingTable;
  inspection_recommendation: InspectionRecommendationTable;
  inspection_recommendation_event: InspectionRecommendationEventTable;
  inspection_evidence: InspectionEvidenceTable;
}
