import type { ColumnType, Generated } from 'kysely';

/** Kysely types of migration 0014 (child-friendly commune assessment); keep in step with the SQL. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<string, string, string>;
type Numeric = ColumnType<string, number | string, number | string>;
type Json = ColumnType<unknown, string, string>;
type CfCategory = 'central_city_ward' | 'mountain_island_disadvantaged' | 'other';

export interface CfCatalogueTable {
  id: Generated<number>;
  legal_ref: string;
  max_total: number;
  max_total_verified: boolean;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CfCriterionTable {
  number: number;
  name_vi: string;
  name_en: string;
  max_points: Numeric;
  max_points_verified: boolean;
  pass_points: Numeric;
  pass_points_verified: boolean;
  verified: boolean;
  legal_ref: string;
}

export interface CfIndicatorTable {
  code: string;
  criterion_number: number;
  position: number;
  name_vi: string;
  name_en: string;
  max_points: Numeric;
  rule: Json;
  source: 'system' | 'manual';
  system_figure: string | null;
  verified: boolean;
}

export interface CfSettingsTable {
  id: Generated<number>;
  recognising_level: Generated<'province' | 'district'>;
  recognising_body: Generated<string>;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CfUnitCategoryTable {
  unit_id: number;
  category: CfCategory;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CfAssessmentTable {
  id: Generated<string>;
  unit_id: number;
  year: number;
  status: Generated<'draft' | 'submitted' | 'reviewed' | 'recognised' | 'returned'>;
  category: CfCategory;
  catalogue: Json;
  total: ColumnType<string, number | string | undefined, number | string>;
  threshold: number;
  passed: Generated<boolean>;
  decision_number: string | null;
  decision_date: DateText | null;
  return_reason: string | null;
  review_note: string | null;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  recognised_at: Timestamp | null;
  recognised_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CfAssessmentValueTable {
  assessment_id: string;
  indicator_code: string;
  value: Numeric | null;
  yes: boolean | null;
  points: Numeric | null;
  system_value: Json | null;
  overridden: Generated<boolean>;
  note: string | null;
  evidence_note: string | null;
  updated_at: Timestamp;
}

export interface CfAssessmentFileTable {
  id: Generated<string>;
  assessment_id: string;
  indicator_code: string;
  stored_file_id: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface CfAssessmentEventTable {
  id: Generated<string>;
  assessment_id: string;
  action: 'created' | 'updated' | 'refreshed' | 'submitted' | 'reviewed' | 'recognised' | 'returned';
  at: Timestamp;
  actor_id: string | null;
  note: string | null;
}

export interface ChildFriendlyTables {
  cf_catalogue: CfCatalogueTable;
  cf_criterion: CfCriterionTable;
  cf_indicator: CfIndicatorTable;
  cf_settings: CfSettingsTable;
  cf_unit_category: CfUnitCategoryTable;
  cf_assessment: CfAssessmentTable;
  cf_assessment_value: CfAssessmentValueTable;
  cf_assessment_file: CfAssessmentFileTable;
  cf_assessment_event: CfAssessmentEventTable;
}
