-- Programmes and activities: the documents and plans register with its files and targets,
-- programmes with targets and budget by source, activities with sessions, named participants,
-- attendance and outcomes, communication and movements, the incident register and the
-- facilities of each unit. Money is whole đồng (bigint). Every row belongs to a unit, which
-- scopes who reads and writes it.

CREATE TABLE stored_file (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE stored_file IS 'Tệp đính kèm đã kiểm tra nội dung (PDF, DOCX), lưu trong cơ sở dữ liệu, không bao giờ theo đường dẫn do người dùng gửi';
COMMENT ON COLUMN stored_file.id IS 'Khóa';
COMMENT ON COLUMN stored_file.file_name IS 'Tên tệp đã làm sạch, chỉ để hiển thị và tải về';
COMMENT ON COLUMN stored_file.content_type IS 'Kiểu nội dung xác định bằng cách đọc nội dung tệp';
COMMENT ON COLUMN stored_file.size_bytes IS 'Dung lượng (byte)';
COMMENT ON COLUMN stored_file.sha256 IS 'Mã băm SHA-256 của nội dung';
COMMENT ON COLUMN stored_file.content IS 'Nội dung tệp';
COMMENT ON COLUMN stored_file.created_at IS 'Thời điểm tải lên';
COMMENT ON COLUMN stored_file.created_by IS 'Người tải lên';

CREATE TABLE plan_document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  number text NOT NULL,
  issued_on date NOT NULL,
  issuing_body text NOT NULL,
  doc_type text NOT NULL CHECK (doc_type IN ('directive', 'programme', 'plan', 'decision', 'report', 'other')),
  title text NOT NULL,
  summary text,
  search_folded text GENERATED ALWAYS AS (vn_fold(number || ' ' || title || ' ' || coalesce(summary, '') || ' ' || issuing_body)) STORED,
  valid_from date,
  valid_to date CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
  file_id uuid REFERENCES stored_file (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE plan_document IS 'Sổ văn bản, kế hoạch về trẻ em: chỉ thị, chương trình, kế hoạch, quyết định, báo cáo';
COMMENT ON COLUMN plan_document.id IS 'Khóa';
COMMENT ON COLUMN plan_document.unit_id IS 'Đơn vị ban hành hoặc lưu văn bản (phạm vi dữ liệu)';
COMMENT ON COLUMN plan_document.number IS 'Số, ký hiệu văn bản';
COMMENT ON COLUMN plan_document.issued_on IS 'Ngày ban hành';
COMMENT ON COLUMN plan_document.issuing_body IS 'Cơ quan ban hành';
COMMENT ON COLUMN plan_document.doc_type IS 'Loại: directive, programme, plan, decision, report, other';
COMMENT ON COLUMN plan_document.title IS 'Trích yếu';
COMMENT ON COLUMN plan_document.summary IS 'Tóm tắt nội dung';
COMMENT ON COLUMN plan_document.search_folded IS 'Số hiệu, trích yếu, tóm tắt bỏ dấu để tìm kiếm';
COMMENT ON COLUMN plan_document.valid_from IS 'Hiệu lực từ ngày';
COMMENT ON COLUMN plan_document.valid_to IS 'Hiệu lực đến ngày (NULL: còn hiệu lực)';
COMMENT ON COLUMN plan_document.file_id IS 'Tệp văn bản (PDF, DOCX)';
COMMENT ON COLUMN plan_document.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN plan_document.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN plan_document.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN plan_document.created_by IS 'Người tạo';
COMMENT ON COLUMN plan_document.updated_by IS 'Người cập nhật gần nhất';
CREATE INDEX plan_document_unit ON plan_document (unit_id, issued_on DESC);
CREATE INDEX plan_document_search ON plan_document USING gin (search_folded gin_trgm_ops);

CREATE TABLE plan_document_target (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES plan_document (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  indicator_code text,
  label text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('at_least', 'at_most')),
  target_value numeric NOT NULL,
  unit_of_measure text NOT NULL,
  target_year integer NOT NULL,
  baseline_year integer
);
COMMENT ON TABLE plan_document_target IS 'Chỉ tiêu do văn bản đặt ra (chỉ tiêu, giá trị, năm, đơn vị tính)';
COMMENT ON COLUMN plan_document_target.id IS 'Khóa';
COMMENT ON COLUMN plan_document_target.document_id IS 'Văn bản';
COMMENT ON COLUMN plan_document_target.seq IS 'Thứ tự';
COMMENT ON COLUMN plan_document_target.indicator_code IS 'Mã chỉ tiêu hệ thống tự tính (NULL: theo dõi thủ công)';
COMMENT ON COLUMN plan_document_target.label IS 'Tên chỉ tiêu';
COMMENT ON COLUMN plan_document_target.direction IS 'at_least: đạt từ giá trị trở lên; at_most: không vượt quá';
COMMENT ON COLUMN plan_document_target.target_value IS 'Giá trị chỉ tiêu';
COMMENT ON COLUMN plan_document_target.unit_of_measure IS 'Đơn vị tính';
COMMENT ON COLUMN plan_document_target.target_year IS 'Năm phải đạt';
COMMENT ON COLUMN plan_document_target.baseline_year IS 'Năm gốc để so sánh (nếu có)';
CREATE INDEX plan_document_target_document ON plan_document_target (document_id, seq);

CREATE TABLE programme (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  kind text NOT NULL CHECK (kind IN ('action_month', 'drowning_prevention', 'universal_preschool', 'child_friendly', 'abuse_prevention', 'national_action', 'other')),
  name text NOT NULL,
  name_folded text GENERATED ALWAYS AS (vn_fold(name || ' ' || coalesce(theme, ''))) STORED,
  theme text,
  year_from integer NOT NULL,
  year_to integer NOT NULL CHECK (year_to >= year_from),
  description text,
  lead_organisation text NOT NULL,
  partner_organisations text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE programme IS 'Chương trình, kế hoạch hành động vì trẻ em: Tháng hành động, phòng chống đuối nước, phổ cập mầm non…';
COMMENT ON COLUMN programme.id IS 'Khóa';
COMMENT ON COLUMN programme.unit_id IS 'Đơn vị chủ trì (phạm vi dữ liệu)';
COMMENT ON COLUMN programme.kind IS 'Loại chương trình';
COMMENT ON COLUMN programme.name IS 'Tên chương trình';
COMMENT ON COLUMN programme.name_folded IS 'Tên và chủ đề bỏ dấu để tìm kiếm';
COMMENT ON COLUMN programme.theme IS 'Chủ đề của năm (ví dụ chủ đề Tháng hành động vì trẻ em)';
COMMENT ON COLUMN programme.year_from IS 'Năm bắt đầu';
COMMENT ON COLUMN programme.year_to IS 'Năm kết thúc';
COMMENT ON COLUMN programme.description IS 'Mô tả, nội dung chính';
COMMENT ON COLUMN programme.lead_organisation IS 'Cơ quan chủ trì';
COMMENT ON COLUMN programme.partner_organisations IS 'Cơ quan, tổ chức phối hợp';
COMMENT ON COLUMN programme.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN programme.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN programme.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN programme.created_by IS 'Người tạo';
COMMENT ON COLUMN programme.updated_by IS 'Người cập nhật gần nhất';
CREATE INDEX programme_owner_unit ON programme (unit_id, year_from DESC);

CREATE TABLE programme_unit (
  programme_id uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  PRIMARY KEY (programme_id, unit_id)
);
COMMENT ON TABLE programme_unit IS 'Đơn vị tham gia chương trình';
COMMENT ON COLUMN programme_unit.programme_id IS 'Chương trình';
COMMENT ON COLUMN programme_unit.unit_id IS 'Đơn vị tham gia';

CREATE TABLE programme_document (
  programme_id uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  document_id uuid NOT NULL REFERENCES plan_document (id),
  PRIMARY KEY (programme_id, document_id)
);
COMMENT ON TABLE programme_document IS 'Văn bản làm căn cứ của chương trình';
COMMENT ON COLUMN programme_document.programme_id IS 'Chương trình';
COMMENT ON COLUMN programme_document.document_id IS 'Văn bản';

CREATE TABLE programme_target (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  indicator_code text,
  label text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('at_least', 'at_most')),
  target_value numeric NOT NULL,
  unit_of_measure text NOT NULL,
  target_year integer NOT NULL,
  baseline_year integer,
  manual_value numeric,
  manual_note text
);
COMMENT ON TABLE programme_target IS 'Chỉ tiêu của chương trình: hệ thống tự tính theo mã chỉ tiêu, hoặc nhập thủ công';
COMMENT ON COLUMN programme_target.id IS 'Khóa';
COMMENT ON COLUMN programme_target.programme_id IS 'Chương trình';
COMMENT ON COLUMN programme_target.seq IS 'Thứ tự';
COMMENT ON COLUMN programme_target.indicator_code IS 'Mã chỉ tiêu hệ thống tự tính (NULL: theo dõi thủ công)';
COMMENT ON COLUMN programme_target.label IS 'Tên chỉ tiêu';
COMMENT ON COLUMN programme_target.direction IS 'at_least: đạt từ giá trị trở lên; at_most: không vượt quá';
COMMENT ON COLUMN programme_target.target_value IS 'Giá trị chỉ tiêu';
COMMENT ON COLUMN programme_target.unit_of_measure IS 'Đơn vị tính';
COMMENT ON COLUMN programme_target.target_year IS 'Năm phải đạt';
COMMENT ON COLUMN programme_target.baseline_year IS 'Năm gốc để so sánh (nếu có)';
COMMENT ON COLUMN programme_target.manual_value IS 'Giá trị thực hiện nhập thủ công (chỉ tiêu không tự tính)';
COMMENT ON COLUMN programme_target.manual_note IS 'Nguồn số liệu nhập thủ công';
CREATE INDEX programme_target_programme ON programme_target (programme_id, seq);

CREATE TABLE programme_budget (
  programme_id uuid NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
  budget_year integer NOT NULL,
  source text NOT NULL CHECK (source IN ('state_budget', 'mobilised', 'sponsor')),
  planned_vnd bigint NOT NULL DEFAULT 0 CHECK (planned_vnd >= 0),
  spent_vnd bigint NOT NULL DEFAULT 0 CHECK (spent_vnd >= 0),
  PRIMARY KEY (programme_id, budget_year, source)
);
COMMENT ON TABLE programme_budget IS 'Kinh phí chương trình theo năm và nguồn: dự toán và đã chi';
COMMENT ON COLUMN programme_budget.programme_id IS 'Chương trình';
COMMENT ON COLUMN programme_budget.budget_year IS 'Năm';
COMMENT ON COLUMN programme_budget.source IS 'Nguồn: state_budget (ngân sách nhà nước), mobilised (vận động), sponsor (tài trợ)';
COMMENT ON COLUMN programme_budget.planned_vnd IS 'Dự toán (đồng)';
COMMENT ON COLUMN programme_budget.spent_vnd IS 'Đã chi (đồng)';

CREATE TABLE activity (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  programme_id uuid REFERENCES programme (id),
  kind text NOT NULL CHECK (kind IN ('recreation', 'festival', 'swimming_class', 'life_skills_class', 'officer_training', 'communication_event', 'movement_launch', 'gift_giving', 'health_check', 'conference')),
  title text NOT NULL,
  title_folded text GENERATED ALWAYS AS (vn_fold(title)) STORED,
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  place text,
  organisers text,
  description text,
  other_participants jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE activity IS 'Hoạt động, sự kiện vì trẻ em: vui chơi, lớp dạy bơi, kỹ năng sống, tập huấn, truyền thông, tặng quà…';
COMMENT ON COLUMN activity.id IS 'Khóa';
COMMENT ON COLUMN activity.unit_id IS 'Đơn vị nơi tổ chức (phạm vi dữ liệu)';
COMMENT ON COLUMN activity.programme_id IS 'Thuộc chương trình (nếu có)';
COMMENT ON COLUMN activity.kind IS 'Loại hoạt động';
COMMENT ON COLUMN activity.title IS 'Tên hoạt động';
COMMENT ON COLUMN activity.title_folded IS 'Tên bỏ dấu để tìm kiếm';
COMMENT ON COLUMN activity.starts_on IS 'Ngày bắt đầu';
COMMENT ON COLUMN activity.ends_on IS 'Ngày kết thúc';
COMMENT ON COLUMN activity.place IS 'Địa điểm';
COMMENT ON COLUMN activity.organisers IS 'Đơn vị, tổ chức thực hiện';
COMMENT ON COLUMN activity.description IS 'Nội dung';
COMMENT ON COLUMN activity.other_participants IS 'Số người tham gia không ghi tên theo nhóm: [{group, count}]';
COMMENT ON COLUMN activity.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN activity.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN activity.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN activity.created_by IS 'Người tạo';
COMMENT ON COLUMN activity.updated_by IS 'Người cập nhật gần nhất';
CREATE INDEX activity_unit ON activity (unit_id, starts_on DESC);
CREATE INDEX activity_programme ON activity (programme_id) WHERE programme_id IS NOT NULL;

CREATE TABLE activity_budget (
  activity_id uuid NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  source text NOT NULL CHECK (source IN ('state_budget', 'mobilised', 'sponsor')),
  planned_vnd bigint NOT NULL DEFAULT 0 CHECK (planned_vnd >= 0),
  spent_vnd bigint NOT NULL DEFAULT 0 CHECK (spent_vnd >= 0),
  PRIMARY KEY (activity_id, source)
);
COMMENT ON TABLE activity_budget IS 'Kinh phí hoạt động theo nguồn: dự toán và đã chi';
COMMENT ON COLUMN activity_budget.activity_id IS 'Hoạt động';
COMMENT ON COLUMN activity_budget.source IS 'Nguồn: state_budget, mobilised, sponsor';
COMMENT ON COLUMN activity_budget.planned_vnd IS 'Dự toán (đồng)';
COMMENT ON COLUMN activity_budget.spent_vnd IS 'Đã chi (đồng)';

CREATE TABLE activity_session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  held_on date NOT NULL,
  topic text
);
COMMENT ON TABLE activity_session IS 'Buổi của hoạt động (ví dụ các buổi của lớp dạy bơi)';
COMMENT ON COLUMN activity_session.id IS 'Khóa';
COMMENT ON COLUMN activity_session.activity_id IS 'Hoạt động';
COMMENT ON COLUMN activity_session.seq IS 'Buổi thứ';
COMMENT ON COLUMN activity_session.held_on IS 'Ngày học, ngày tổ chức';
COMMENT ON COLUMN activity_session.topic IS 'Nội dung buổi';
CREATE INDEX activity_session_activity ON activity_session (activity_id, seq);

CREATE TABLE activity_participant (
  activity_id uuid NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  child_id uuid NOT NULL REFERENCES child (id),
  completed boolean,
  swim_safe boolean,
  water_safety boolean,
  assessed_on date,
  outcome_note text,
  added_at timestamptz NOT NULL DEFAULT now(),
  added_by uuid REFERENCES app_user (id),
  PRIMARY KEY (activity_id, child_id)
);
COMMENT ON TABLE activity_participant IS 'Trẻ em có tên trong sổ theo dõi tham gia hoạt động, với kết quả';
COMMENT ON COLUMN activity_participant.activity_id IS 'Hoạt động';
COMMENT ON COLUMN activity_participant.child_id IS 'Trẻ em';
COMMENT ON COLUMN activity_participant.completed IS 'Hoàn thành khóa học, hoạt động';
COMMENT ON COLUMN activity_participant.swim_safe IS 'Đạt bài kiểm tra bơi an toàn';
COMMENT ON COLUMN activity_participant.water_safety IS 'Có kỹ năng an toàn trong môi trường nước';
COMMENT ON COLUMN activity_participant.assessed_on IS 'Ngày đánh giá kết quả';
COMMENT ON COLUMN activity_participant.outcome_note IS 'Ghi chú kết quả';
COMMENT ON COLUMN activity_participant.added_at IS 'Thời điểm thêm vào danh sách';
COMMENT ON COLUMN activity_participant.added_by IS 'Người thêm';
CREATE INDEX activity_participant_child ON activity_participant (child_id);
CREATE INDEX activity_participant_swim ON activity_participant (child_id) WHERE swim_safe OR water_safety;

CREATE TABLE activity_attendance (
  session_id uuid NOT NULL REFERENCES activity_session (id) ON DELETE CASCADE,
  child_id uuid NOT NULL REFERENCES child (id),
  present boolean NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid REFERENCES app_user (id),
  PRIMARY KEY (session_id, child_id)
);
COMMENT ON TABLE activity_attendance IS 'Điểm danh từng buổi';
COMMENT ON COLUMN activity_attendance.session_id IS 'Buổi';
COMMENT ON COLUMN activity_attendance.child_id IS 'Trẻ em';
COMMENT ON COLUMN activity_attendance.present IS 'Có mặt';
COMMENT ON COLUMN activity_attendance.recorded_at IS 'Thời điểm điểm danh';
COMMENT ON COLUMN activity_attendance.recorded_by IS 'Người điểm danh';

CREATE TABLE communication (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  programme_id uuid REFERENCES programme (id),
  held_on date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('meeting', 'loudspeaker', 'television_radio', 'newspaper', 'social_network', 'leaflet_poster', 'school_session', 'other')),
  audience text NOT NULL CHECK (audience IN ('children', 'parents', 'community', 'teachers', 'officers', 'all')),
  title text NOT NULL,
  reach_count integer NOT NULL CHECK (reach_count >= 0),
  materials text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE communication IS 'Hoạt động truyền thông: kênh, đối tượng, số lượt tiếp cận, tài liệu';
COMMENT ON COLUMN communication.id IS 'Khóa';
COMMENT ON COLUMN communication.unit_id IS 'Đơn vị thực hiện (phạm vi dữ liệu)';
COMMENT ON COLUMN communication.programme_id IS 'Thuộc chương trình (nếu có)';
COMMENT ON COLUMN communication.held_on IS 'Ngày thực hiện';
COMMENT ON COLUMN communication.channel IS 'Kênh truyền thông';
COMMENT ON COLUMN communication.audience IS 'Đối tượng';
COMMENT ON COLUMN communication.title IS 'Nội dung, chủ đề';
COMMENT ON COLUMN communication.reach_count IS 'Số lượt người tiếp cận';
COMMENT ON COLUMN communication.materials IS 'Tài liệu, sản phẩm truyền thông và số lượng';
COMMENT ON COLUMN communication.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN communication.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN communication.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN communication.created_by IS 'Người tạo';
CREATE INDEX communication_unit ON communication (unit_id, held_on DESC);

CREATE TABLE movement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  name text NOT NULL,
  description text,
  year_from integer NOT NULL,
  year_to integer CHECK (year_to IS NULL OR year_to >= year_from),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE movement IS 'Phong trào (ví dụ "Toàn dân chăm sóc, giáo dục và bảo vệ trẻ em")';
COMMENT ON COLUMN movement.id IS 'Khóa';
COMMENT ON COLUMN movement.unit_id IS 'Đơn vị phát động (phạm vi dữ liệu)';
COMMENT ON COLUMN movement.name IS 'Tên phong trào';
COMMENT ON COLUMN movement.description IS 'Nội dung';
COMMENT ON COLUMN movement.year_from IS 'Năm phát động';
COMMENT ON COLUMN movement.year_to IS 'Năm kết thúc (NULL: đang thực hiện)';
COMMENT ON COLUMN movement.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN movement.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN movement.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN movement.created_by IS 'Người tạo';

CREATE TABLE movement_participation (
  movement_id uuid NOT NULL REFERENCES movement (id) ON DELETE CASCADE,
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  participation_year integer NOT NULL,
  note text,
  PRIMARY KEY (movement_id, unit_id, participation_year)
);
COMMENT ON TABLE movement_participation IS 'Đơn vị hưởng ứng phong trào theo năm';
COMMENT ON COLUMN movement_participation.movement_id IS 'Phong trào';
COMMENT ON COLUMN movement_participation.unit_id IS 'Đơn vị tham gia';
COMMENT ON COLUMN movement_participation.participation_year IS 'Năm';
COMMENT ON COLUMN movement_participation.note IS 'Kết quả, ghi chú';

CREATE TABLE incident (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  occurred_at timestamptz NOT NULL,
  cause text NOT NULL CHECK (cause IN ('drowning', 'traffic', 'fall', 'burn', 'poisoning', 'animal_bite', 'violence', 'other')),
  place_type text NOT NULL CHECK (place_type IN ('river', 'pond', 'lake', 'sea', 'pool', 'well', 'home', 'school', 'road', 'other')),
  place_description text,
  age integer NOT NULL CHECK (age BETWEEN 0 AND 17),
  sex text CHECK (sex IN ('male', 'female')),
  outcome text NOT NULL CHECK (outcome IN ('death', 'serious_injury', 'minor_injury')),
  child_id uuid REFERENCES child (id),
  description text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE incident IS 'Sổ theo dõi tai nạn, thương tích trẻ em (đuối nước, giao thông, ngã, bỏng…)';
COMMENT ON COLUMN incident.id IS 'Khóa';
COMMENT ON COLUMN incident.unit_id IS 'Xã, phường nơi xảy ra (phạm vi dữ liệu)';
COMMENT ON COLUMN incident.occurred_at IS 'Ngày giờ xảy ra';
COMMENT ON COLUMN incident.cause IS 'Nguyên nhân';
COMMENT ON COLUMN incident.place_type IS 'Loại địa điểm: sông, ao, hồ, biển, bể bơi, giếng, nhà, trường, đường…';
COMMENT ON COLUMN incident.place_description IS 'Mô tả địa điểm';
COMMENT ON COLUMN incident.age IS 'Tuổi của trẻ';
COMMENT ON COLUMN incident.sex IS 'Giới tính (NULL: không rõ)';
COMMENT ON COLUMN incident.outcome IS 'Hậu quả: death (tử vong), serious_injury, minor_injury';
COMMENT ON COLUMN incident.child_id IS 'Trẻ em trong sổ theo dõi (nếu có)';
COMMENT ON COLUMN incident.description IS 'Diễn biến';
COMMENT ON COLUMN incident.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN incident.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN incident.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN incident.created_by IS 'Người tạo';
COMMENT ON COLUMN incident.updated_by IS 'Người cập nhật gần nhất';
CREATE INDEX incident_unit ON incident (unit_id, occurred_at DESC);
CREATE INDEX incident_cause ON incident (cause, occurred_at);

CREATE TABLE facility (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  kind text NOT NULL CHECK (kind IN ('playground', 'cultural_house', 'library', 'swimming_pool', 'swim_teaching_place', 'child_friendly_space', 'school', 'health_station')),
  name text NOT NULL,
  address text,
  condition text NOT NULL CHECK (condition IN ('good', 'fair', 'poor', 'not_in_use')),
  capacity integer CHECK (capacity IS NULL OR capacity >= 0),
  note text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE facility IS 'Thiết chế, cơ sở vật chất cho trẻ em: sân chơi, nhà văn hóa, thư viện, bể bơi, điểm dạy bơi, trường học, trạm y tế';
COMMENT ON COLUMN facility.id IS 'Khóa';
COMMENT ON COLUMN facility.unit_id IS 'Xã, phường (phạm vi dữ liệu)';
COMMENT ON COLUMN facility.kind IS 'Loại thiết chế';
COMMENT ON COLUMN facility.name IS 'Tên';
COMMENT ON COLUMN facility.address IS 'Địa chỉ';
COMMENT ON COLUMN facility.condition IS 'Tình trạng: good, fair, poor (xuống cấp), not_in_use';
COMMENT ON COLUMN facility.capacity IS 'Sức chứa (số trẻ cùng lúc)';
COMMENT ON COLUMN facility.note IS 'Ghi chú';
COMMENT ON COLUMN facility.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN facility.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN facility.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN facility.created_by IS 'Người tạo';
COMMENT ON COLUMN facility.updated_by IS 'Người cập nhật gần nhất';
CREATE INDEX facility_unit ON facility (unit_id, kind);

-- Province officers organise province activities (training, conferences) and record them.
UPDATE role
SET permissions = array_append(permissions, 'activities.write'),
    version = version + 1,
    updated_at = now()
WHERE code = 'province_officer'
  AND is_system
  AND NOT ('activities.write' = ANY (permissions));
