-- Child-friendly communes and wards (Quyết định 06/QĐ-TTg ngày 03/01/2019): the criteria catalogue
-- (seeded by the server from the domain default; only unverified items are edited), the category
-- of each commune that sets its pass threshold, the recognising level, and the yearly
-- self-assessment of each commune with its values, evidence and workflow history.

CREATE TABLE cf_catalogue (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  legal_ref text NOT NULL,
  max_total integer NOT NULL CHECK (max_total > 0),
  max_total_verified boolean NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE cf_catalogue IS 'Bộ tiêu chí xã, phường phù hợp với trẻ em (một dòng duy nhất): căn cứ pháp lý, tổng điểm, phiên bản';
COMMENT ON COLUMN cf_catalogue.id IS 'Khóa (luôn là 1)';
COMMENT ON COLUMN cf_catalogue.legal_ref IS 'Căn cứ pháp lý của bộ tiêu chí';
COMMENT ON COLUMN cf_catalogue.max_total IS 'Tổng điểm tối đa (1000)';
COMMENT ON COLUMN cf_catalogue.max_total_verified IS 'Tổng điểm tối đa đã được xác minh với văn bản gốc';
COMMENT ON COLUMN cf_catalogue.version IS 'Phiên bản để kiểm soát cập nhật đồng thời (tăng mỗi lần sửa bộ tiêu chí)';
COMMENT ON COLUMN cf_catalogue.updated_at IS 'Thời điểm sửa gần nhất';
COMMENT ON COLUMN cf_catalogue.updated_by IS 'Người sửa gần nhất';

CREATE TABLE cf_criterion (
  number smallint PRIMARY KEY CHECK (number BETWEEN 1 AND 13),
  name_vi text NOT NULL,
  name_en text NOT NULL,
  max_points numeric(6, 2) NOT NULL CHECK (max_points >= 0),
  max_points_verified boolean NOT NULL,
  pass_points numeric(6, 2) NOT NULL CHECK (pass_points >= 0),
  pass_points_verified boolean NOT NULL,
  verified boolean NOT NULL,
  legal_ref text NOT NULL
);
COMMENT ON TABLE cf_criterion IS 'Tiêu chí xã, phường phù hợp với trẻ em (13 tiêu chí theo Quyết định 06/QĐ-TTg)';
COMMENT ON COLUMN cf_criterion.number IS 'Số thứ tự tiêu chí (1–13)';
COMMENT ON COLUMN cf_criterion.name_vi IS 'Tên tiêu chí (tiếng Việt)';
COMMENT ON COLUMN cf_criterion.name_en IS 'Tên tiêu chí (tiếng Anh)';
COMMENT ON COLUMN cf_criterion.max_points IS 'Điểm tối đa của tiêu chí';
COMMENT ON COLUMN cf_criterion.max_points_verified IS 'Điểm tối đa đã xác minh (false: "chưa xác minh", quản trị được sửa)';
COMMENT ON COLUMN cf_criterion.pass_points IS 'Số điểm để tiêu chí được tính là đạt';
COMMENT ON COLUMN cf_criterion.pass_points_verified IS 'Điểm đạt đã xác minh (mặc định một nửa điểm tối đa, chưa xác minh)';
COMMENT ON COLUMN cf_criterion.verified IS 'Tên tiêu chí đã xác minh với văn bản gốc';
COMMENT ON COLUMN cf_criterion.legal_ref IS 'Căn cứ pháp lý';

CREATE TABLE cf_indicator (
  code text PRIMARY KEY CHECK (code ~ '^\d{1,2}\.\d{1,2}$'),
  criterion_number smallint NOT NULL REFERENCES cf_criterion (number),
  position smallint NOT NULL,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  max_points numeric(6, 2) NOT NULL CHECK (max_points >= 0),
  rule jsonb NOT NULL CHECK (jsonb_typeof(rule) = 'object'),
  source text NOT NULL CHECK (source IN ('system', 'manual')),
  system_figure text,
  verified boolean NOT NULL,
  CHECK ((source = 'system') = (system_figure IS NOT NULL))
);
COMMENT ON TABLE cf_indicator IS 'Chỉ tiêu chấm điểm của từng tiêu chí, với cách chấm điểm dạng dữ liệu';
COMMENT ON COLUMN cf_indicator.code IS 'Mã chỉ tiêu, ví dụ 6.1';
COMMENT ON COLUMN cf_indicator.criterion_number IS 'Tiêu chí chứa chỉ tiêu';
COMMENT ON COLUMN cf_indicator.position IS 'Thứ tự hiển thị trong tiêu chí';
COMMENT ON COLUMN cf_indicator.name_vi IS 'Tên chỉ tiêu (tiếng Việt)';
COMMENT ON COLUMN cf_indicator.name_en IS 'Tên chỉ tiêu (tiếng Anh)';
COMMENT ON COLUMN cf_indicator.max_points IS 'Điểm tối đa của chỉ tiêu';
COMMENT ON COLUMN cf_indicator.rule IS 'Cách chấm: yes_no (có thì được điểm), bands (ngưỡng tỷ lệ hoặc số lượng → điểm, theo chiều), manual (nhập điểm)';
COMMENT ON COLUMN cf_indicator.source IS 'Nguồn số liệu: system (hệ thống tự tính), manual (cán bộ nhập)';
COMMENT ON COLUMN cf_indicator.system_figure IS 'Mã số liệu hệ thống tự tính (khi nguồn là system)';
COMMENT ON COLUMN cf_indicator.verified IS 'Chỉ tiêu và cách chấm đã xác minh (false: "chưa xác minh", quản trị được sửa)';
CREATE INDEX cf_indicator_criterion ON cf_indicator (criterion_number, position);

CREATE TABLE cf_settings (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  recognising_level text NOT NULL DEFAULT 'province' CHECK (recognising_level IN ('province', 'district')),
  recognising_body text NOT NULL DEFAULT 'Chủ tịch Ủy ban nhân dân tỉnh',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE cf_settings IS 'Cấu hình công nhận xã, phường phù hợp với trẻ em (một dòng): cấp có thẩm quyền công nhận';
COMMENT ON COLUMN cf_settings.id IS 'Khóa (luôn là 1)';
COMMENT ON COLUMN cf_settings.recognising_level IS 'Cấp thẩm định, công nhận: province (tỉnh, mặc định từ khi bỏ cấp huyện năm 2025) hoặc district (huyện, trước 01/7/2025)';
COMMENT ON COLUMN cf_settings.recognising_body IS 'Chức danh người ký quyết định công nhận';
COMMENT ON COLUMN cf_settings.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN cf_settings.updated_at IS 'Thời điểm sửa gần nhất';
COMMENT ON COLUMN cf_settings.updated_by IS 'Người sửa gần nhất';
INSERT INTO cf_settings (id) VALUES (1);

CREATE TABLE cf_unit_category (
  unit_id integer PRIMARY KEY REFERENCES admin_unit (id),
  category text NOT NULL CHECK (category IN ('central_city_ward', 'mountain_island_disadvantaged', 'other')),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE cf_unit_category IS 'Loại xã, phường để xác định mức điểm công nhận (không có dòng: xã, phường còn lại)';
COMMENT ON COLUMN cf_unit_category.unit_id IS 'Xã, phường';
COMMENT ON COLUMN cf_unit_category.category IS 'Loại: central_city_ward (phường của thành phố trực thuộc trung ương, 900 điểm), mountain_island_disadvantaged (miền núi, hải đảo, đặc biệt khó khăn, 800 điểm), other (còn lại, 850 điểm)';
COMMENT ON COLUMN cf_unit_category.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN cf_unit_category.updated_at IS 'Thời điểm sửa gần nhất';
COMMENT ON COLUMN cf_unit_category.updated_by IS 'Người sửa gần nhất';

CREATE TABLE cf_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'reviewed', 'recognised', 'returned')),
  category text NOT NULL CHECK (category IN ('central_city_ward', 'mountain_island_disadvantaged', 'other')),
  catalogue jsonb NOT NULL CHECK (jsonb_typeof(catalogue) = 'object'),
  total numeric(7, 2) NOT NULL DEFAULT 0,
  threshold integer NOT NULL,
  passed boolean NOT NULL DEFAULT false,
  decision_number text,
  decision_date date,
  return_reason text,
  review_note text,
  submitted_at timestamptz,
  submitted_by uuid REFERENCES app_user (id),
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES app_user (id),
  recognised_at timestamptz,
  recognised_by uuid REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id),
  UNIQUE (unit_id, year),
  CHECK (status <> 'recognised' OR (decision_number IS NOT NULL AND decision_date IS NOT NULL))
);
COMMENT ON TABLE cf_assessment IS 'Đánh giá xã, phường phù hợp với trẻ em của một xã, phường trong một năm (tự đánh giá, thẩm định, công nhận)';
COMMENT ON COLUMN cf_assessment.id IS 'Khóa';
COMMENT ON COLUMN cf_assessment.unit_id IS 'Xã, phường được đánh giá (phạm vi dữ liệu)';
COMMENT ON COLUMN cf_assessment.year IS 'Năm đánh giá';
COMMENT ON COLUMN cf_assessment.status IS 'Trạng thái: draft (đang tự đánh giá), submitted (đã gửi), reviewed (đã thẩm định), recognised (đã công nhận), returned (trả lại, được sửa tiếp)';
COMMENT ON COLUMN cf_assessment.category IS 'Loại xã, phường khi đánh giá (quyết định mức điểm đạt)';
COMMENT ON COLUMN cf_assessment.catalogue IS 'Bản sao bộ tiêu chí dùng để chấm (lấy khi tạo và khi cập nhật số liệu)';
COMMENT ON COLUMN cf_assessment.total IS 'Tổng điểm (bản sao từ cách chấm, để lọc và so sánh)';
COMMENT ON COLUMN cf_assessment.threshold IS 'Mức điểm phải đạt theo loại xã, phường';
COMMENT ON COLUMN cf_assessment.passed IS 'Đạt đủ điều kiện công nhận: mọi tiêu chí đạt, không tiêu chí 0 điểm, tổng điểm đạt mức';
COMMENT ON COLUMN cf_assessment.decision_number IS 'Số quyết định công nhận';
COMMENT ON COLUMN cf_assessment.decision_date IS 'Ngày quyết định công nhận';
COMMENT ON COLUMN cf_assessment.return_reason IS 'Lý do trả lại gần nhất';
COMMENT ON COLUMN cf_assessment.review_note IS 'Ý kiến thẩm định gần nhất';
COMMENT ON COLUMN cf_assessment.submitted_at IS 'Thời điểm gửi thẩm định gần nhất';
COMMENT ON COLUMN cf_assessment.submitted_by IS 'Người gửi thẩm định';
COMMENT ON COLUMN cf_assessment.reviewed_at IS 'Thời điểm thẩm định';
COMMENT ON COLUMN cf_assessment.reviewed_by IS 'Người thẩm định';
COMMENT ON COLUMN cf_assessment.recognised_at IS 'Thời điểm ghi nhận công nhận';
COMMENT ON COLUMN cf_assessment.recognised_by IS 'Người ghi nhận công nhận';
COMMENT ON COLUMN cf_assessment.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN cf_assessment.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN cf_assessment.created_by IS 'Người tạo';
COMMENT ON COLUMN cf_assessment.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN cf_assessment.updated_by IS 'Người cập nhật gần nhất';
CREATE INDEX cf_assessment_year ON cf_assessment (year, status);

CREATE TABLE cf_assessment_value (
  assessment_id uuid NOT NULL REFERENCES cf_assessment (id) ON DELETE CASCADE,
  indicator_code text NOT NULL,
  value numeric(12, 2),
  yes boolean,
  points numeric(6, 2),
  system_value jsonb CHECK (system_value IS NULL OR jsonb_typeof(system_value) = 'object'),
  overridden boolean NOT NULL DEFAULT false,
  note text,
  evidence_note text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, indicator_code),
  CHECK (NOT overridden OR note IS NOT NULL)
);
COMMENT ON TABLE cf_assessment_value IS 'Số liệu, câu trả lời, điểm của từng chỉ tiêu trong một đánh giá';
COMMENT ON COLUMN cf_assessment_value.assessment_id IS 'Đánh giá';
COMMENT ON COLUMN cf_assessment_value.indicator_code IS 'Mã chỉ tiêu';
COMMENT ON COLUMN cf_assessment_value.value IS 'Tỷ lệ (%) hoặc số lượng dùng để chấm (chỉ tiêu theo ngưỡng)';
COMMENT ON COLUMN cf_assessment_value.yes IS 'Câu trả lời có/không (chỉ tiêu có/không)';
COMMENT ON COLUMN cf_assessment_value.points IS 'Điểm do cán bộ nhập (chỉ tiêu chấm trực tiếp)';
COMMENT ON COLUMN cf_assessment_value.system_value IS 'Số liệu hệ thống tự tính: giá trị, tử số, mẫu số, tính đến ngày';
COMMENT ON COLUMN cf_assessment_value.overridden IS 'Cán bộ thay số liệu hệ thống bằng số liệu khác (bắt buộc ghi chú)';
COMMENT ON COLUMN cf_assessment_value.note IS 'Ghi chú, lý do thay số liệu hệ thống';
COMMENT ON COLUMN cf_assessment_value.evidence_note IS 'Mô tả minh chứng (văn bản, hồ sơ kèm theo)';
COMMENT ON COLUMN cf_assessment_value.updated_at IS 'Thời điểm cập nhật';

CREATE TABLE cf_assessment_file (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id uuid NOT NULL REFERENCES cf_assessment (id) ON DELETE CASCADE,
  indicator_code text NOT NULL,
  stored_file_id uuid NOT NULL REFERENCES stored_file (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE cf_assessment_file IS 'Tệp minh chứng của một chỉ tiêu trong đánh giá (PDF, ảnh)';
COMMENT ON COLUMN cf_assessment_file.id IS 'Khóa';
COMMENT ON COLUMN cf_assessment_file.assessment_id IS 'Đánh giá';
COMMENT ON COLUMN cf_assessment_file.indicator_code IS 'Mã chỉ tiêu';
COMMENT ON COLUMN cf_assessment_file.stored_file_id IS 'Tệp đã lưu';
COMMENT ON COLUMN cf_assessment_file.created_at IS 'Thời điểm tải lên';
COMMENT ON COLUMN cf_assessment_file.created_by IS 'Người tải lên';
CREATE INDEX cf_assessment_file_assessment ON cf_assessment_file (assessment_id);

CREATE TABLE cf_assessment_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id uuid NOT NULL REFERENCES cf_assessment (id) ON DELETE CASCADE,
  action text NOT NULL
    CHECK (action IN ('created', 'updated', 'refreshed', 'submitted', 'reviewed', 'recognised', 'returned')),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES app_user (id),
  note text
);
COMMENT ON TABLE cf_assessment_event IS 'Diễn biến của một đánh giá (tạo, sửa, gửi, thẩm định, công nhận, trả lại), chỉ thêm không sửa';
COMMENT ON COLUMN cf_assessment_event.id IS 'Khóa';
COMMENT ON COLUMN cf_assessment_event.assessment_id IS 'Đánh giá';
COMMENT ON COLUMN cf_assessment_event.action IS 'Thao tác';
COMMENT ON COLUMN cf_assessment_event.at IS 'Thời điểm';
COMMENT ON COLUMN cf_assessment_event.actor_id IS 'Người thực hiện';
COMMENT ON COLUMN cf_assessment_event.note IS 'Ghi chú, lý do, số quyết định';
CREATE INDEX cf_assessment_event_assessment ON cf_assessment_event (assessment_id, at);
