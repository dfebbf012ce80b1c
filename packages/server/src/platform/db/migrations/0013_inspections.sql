-- Inspection and supervision of lower units: checklist templates, yearly plans with topics,
-- target units and team, sessions with answers, evidence, findings and recommendations that the
-- inspected unit answers until they are done. Every row belongs to a unit for scoping.

CREATE TABLE inspection_template (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  name text NOT NULL,
  topic text NOT NULL CHECK (topic IN ('policy_law', 'drowning_prevention', 'professional', 'budget_use', 'other')),
  questions jsonb NOT NULL DEFAULT '[]',
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE inspection_template IS 'Mẫu phiếu kiểm tra: danh sách câu hỏi, kiểu trả lời và điểm';
COMMENT ON COLUMN inspection_template.id IS 'Khóa';
COMMENT ON COLUMN inspection_template.unit_id IS 'Đơn vị sở hữu mẫu (phạm vi dữ liệu)';
COMMENT ON COLUMN inspection_template.name IS 'Tên mẫu phiếu';
COMMENT ON COLUMN inspection_template.topic IS 'Nội dung kiểm tra: policy_law, drowning_prevention, professional, budget_use, other';
COMMENT ON COLUMN inspection_template.questions IS 'Câu hỏi: [{id, text, answerType, maxScore, required}]';
COMMENT ON COLUMN inspection_template.is_active IS 'Còn sử dụng';
COMMENT ON COLUMN inspection_template.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN inspection_template.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN inspection_template.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN inspection_template.created_by IS 'Người tạo';

CREATE TABLE inspection_plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  plan_year integer NOT NULL,
  number text,
  issued_on date,
  issuing_body text NOT NULL,
  title text NOT NULL,
  topics text[] NOT NULL DEFAULT '{}',
  description text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE inspection_plan IS 'Kế hoạch kiểm tra, giám sát hằng năm của cấp ủy, UBND';
COMMENT ON COLUMN inspection_plan.id IS 'Khóa';
COMMENT ON COLUMN inspection_plan.unit_id IS 'Đơn vị ban hành kế hoạch (phạm vi dữ liệu)';
COMMENT ON COLUMN inspection_plan.plan_year IS 'Năm kế hoạch';
COMMENT ON COLUMN inspection_plan.number IS 'Số, ký hiệu kế hoạch';
COMMENT ON COLUMN inspection_plan.issued_on IS 'Ngày ban hành';
COMMENT ON COLUMN inspection_plan.issuing_body IS 'Cơ quan ban hành';
COMMENT ON COLUMN inspection_plan.title IS 'Tên kế hoạch';
COMMENT ON COLUMN inspection_plan.topics IS 'Nội dung kiểm tra (mã)';
COMMENT ON COLUMN inspection_plan.description IS 'Mục đích, yêu cầu, nội dung';
COMMENT ON COLUMN inspection_plan.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN inspection_plan.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN inspection_plan.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN inspection_plan.created_by IS 'Người tạo';
COMMENT ON COLUMN inspection_plan.updated_by IS 'Người cập nhật gần nhất';
CREATE INDEX inspection_plan_unit ON inspection_plan (unit_id, plan_year DESC);

CREATE TABLE inspection_plan_target (
  plan_id uuid NOT NULL REFERENCES inspection_plan (id) ON DELETE CASCADE,
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  planned_from date,
  planned_to date CHECK (planned_to IS NULL OR planned_from IS NULL OR planned_to >= planned_from),
  PRIMARY KEY (plan_id, unit_id)
);
COMMENT ON TABLE inspection_plan_target IS 'Đơn vị được kiểm tra theo kế hoạch, với thời gian dự kiến';
COMMENT ON COLUMN inspection_plan_target.plan_id IS 'Kế hoạch';
COMMENT ON COLUMN inspection_plan_target.unit_id IS 'Đơn vị được kiểm tra';
COMMENT ON COLUMN inspection_plan_target.planned_from IS 'Dự kiến từ ngày';
COMMENT ON COLUMN inspection_plan_target.planned_to IS 'Dự kiến đến ngày';
CREATE INDEX inspection_plan_target_unit ON inspection_plan_target (unit_id);

CREATE TABLE inspection_team_member (
  plan_id uuid NOT NULL REFERENCES inspection_plan (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  full_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('lead', 'deputy', 'member', 'secretary')),
  organisation text,
  user_id uuid REFERENCES app_user (id),
  PRIMARY KEY (plan_id, seq)
);
COMMENT ON TABLE inspection_team_member IS 'Thành viên đoàn kiểm tra';
COMMENT ON COLUMN inspection_team_member.plan_id IS 'Kế hoạch';
COMMENT ON COLUMN inspection_team_member.seq IS 'Thứ tự';
COMMENT ON COLUMN inspection_team_member.full_name IS 'Họ và tên';
COMMENT ON COLUMN inspection_team_member.role IS 'Vai trò: lead (trưởng đoàn), deputy, member, secretary (thư ký)';
COMMENT ON COLUMN inspection_team_member.organisation IS 'Cơ quan công tác';
COMMENT ON COLUMN inspection_team_member.user_id IS 'Tài khoản người dùng (nếu có)';

CREATE TABLE inspection_session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES inspection_plan (id),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  template_id uuid REFERENCES inspection_template (id),
  questions jsonb NOT NULL DEFAULT '[]',
  held_on date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'completed')),
  summary text,
  conclusion text,
  score numeric,
  max_score numeric,
  completed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE inspection_session IS 'Buổi kiểm tra tại một đơn vị: phiếu kiểm tra, trả lời, kết luận';
COMMENT ON COLUMN inspection_session.id IS 'Khóa';
COMMENT ON COLUMN inspection_session.plan_id IS 'Kế hoạch';
COMMENT ON COLUMN inspection_session.unit_id IS 'Đơn vị được kiểm tra (phạm vi dữ liệu)';
COMMENT ON COLUMN inspection_session.template_id IS 'Mẫu phiếu đã dùng';
COMMENT ON COLUMN inspection_session.questions IS 'Câu hỏi của mẫu tại thời điểm kiểm tra (không đổi khi mẫu sửa sau)';
COMMENT ON COLUMN inspection_session.held_on IS 'Ngày kiểm tra';
COMMENT ON COLUMN inspection_session.status IS 'draft (đang ghi), completed (đã kết thúc)';
COMMENT ON COLUMN inspection_session.summary IS 'Tóm tắt kết quả';
COMMENT ON COLUMN inspection_session.conclusion IS 'Kết luận của đoàn';
COMMENT ON COLUMN inspection_session.score IS 'Điểm đạt';
COMMENT ON COLUMN inspection_session.max_score IS 'Điểm tối đa';
COMMENT ON COLUMN inspection_session.completed_at IS 'Thời điểm kết thúc';
COMMENT ON COLUMN inspection_session.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN inspection_session.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN inspection_session.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN inspection_session.created_by IS 'Người tạo';
COMMENT ON COLUMN inspection_session.updated_by IS 'Người cập nhật gần nhất';
CREATE INDEX inspection_session_plan ON inspection_session (plan_id);
CREATE INDEX inspection_session_unit ON inspection_session (unit_id, held_on DESC);

CREATE TABLE inspection_answer (
  session_id uuid NOT NULL REFERENCES inspection_session (id) ON DELETE CASCADE,
  question_id text NOT NULL,
  value jsonb,
  note text,
  PRIMARY KEY (session_id, question_id)
);
COMMENT ON TABLE inspection_answer IS 'Trả lời từng câu hỏi của phiếu kiểm tra';
COMMENT ON COLUMN inspection_answer.session_id IS 'Buổi kiểm tra';
COMMENT ON COLUMN inspection_answer.question_id IS 'Mã câu hỏi';
COMMENT ON COLUMN inspection_answer.value IS 'Giá trị trả lời (có/không, điểm, số, văn bản)';
COMMENT ON COLUMN inspection_answer.note IS 'Ghi chú, minh chứng bằng lời';

CREATE TABLE inspection_finding (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES inspection_session (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  question_id text,
  severity text NOT NULL CHECK (severity IN ('good', 'minor', 'major')),
  text text NOT NULL
);
COMMENT ON TABLE inspection_finding IS 'Phát hiện của đoàn kiểm tra (ưu điểm, tồn tại)';
COMMENT ON COLUMN inspection_finding.id IS 'Khóa';
COMMENT ON COLUMN inspection_finding.session_id IS 'Buổi kiểm tra';
COMMENT ON COLUMN inspection_finding.seq IS 'Thứ tự';
COMMENT ON COLUMN inspection_finding.question_id IS 'Câu hỏi liên quan (nếu có)';
COMMENT ON COLUMN inspection_finding.severity IS 'good (ưu điểm), minor (tồn tại nhỏ), major (tồn tại lớn)';
COMMENT ON COLUMN inspection_finding.text IS 'Nội dung';

CREATE TABLE inspection_recommendation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES inspection_session (id),
  finding_id uuid REFERENCES inspection_finding (id) ON DELETE SET NULL,
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  text text NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
  response text,
  completed_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE inspection_recommendation IS 'Kiến nghị sau kiểm tra: đơn vị chịu trách nhiệm, thời hạn, tình trạng, kết quả thực hiện';
COMMENT ON COLUMN inspection_recommendation.id IS 'Khóa';
COMMENT ON COLUMN inspection_recommendation.session_id IS 'Buổi kiểm tra';
COMMENT ON COLUMN inspection_recommendation.finding_id IS 'Phát hiện liên quan';
COMMENT ON COLUMN inspection_recommendation.unit_id IS 'Đơn vị chịu trách nhiệm thực hiện (phạm vi dữ liệu)';
COMMENT ON COLUMN inspection_recommendation.text IS 'Nội dung kiến nghị';
COMMENT ON COLUMN inspection_recommendation.deadline IS 'Thời hạn thực hiện';
COMMENT ON COLUMN inspection_recommendation.status IS 'open (chưa thực hiện), in_progress (đang thực hiện), done (đã thực hiện); quá hạn được tính từ thời hạn';
COMMENT ON COLUMN inspection_recommendation.response IS 'Báo cáo kết quả thực hiện của đơn vị';
COMMENT ON COLUMN inspection_recommendation.completed_on IS 'Ngày hoàn thành';
COMMENT ON COLUMN inspection_recommendation.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN inspection_recommendation.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN inspection_recommendation.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN inspection_recommendation.created_by IS 'Người tạo';
COMMENT ON COLUMN inspection_recommendation.updated_by IS 'Người cập nhật gần nhất';
CREATE INDEX inspection_recommendation_unit ON inspection_recommendation (unit_id, status, deadline);
CREATE INDEX inspection_recommendation_session ON inspection_recommendation (session_id);

CREATE TABLE inspection_recommendation_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  recommendation_id uuid NOT NULL REFERENCES inspection_recommendation (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES app_user (id),
  kind text NOT NULL CHECK (kind IN ('created', 'status', 'response', 'evidence', 'reminder', 'deadline')),
  from_status text,
  to_status text,
  note text
);
COMMENT ON TABLE inspection_recommendation_event IS 'Lịch sử xử lý kiến nghị (chỉ ghi thêm)';
COMMENT ON COLUMN inspection_recommendation_event.id IS 'Khóa';
COMMENT ON COLUMN inspection_recommendation_event.recommendation_id IS 'Kiến nghị';
COMMENT ON COLUMN inspection_recommendation_event.at IS 'Thời điểm';
COMMENT ON COLUMN inspection_recommendation_event.actor_id IS 'Người thực hiện (NULL: hệ thống)';
COMMENT ON COLUMN inspection_recommendation_event.kind IS 'created, status, response, evidence, reminder, deadline';
COMMENT ON COLUMN inspection_recommendation_event.from_status IS 'Tình trạng trước';
COMMENT ON COLUMN inspection_recommendation_event.to_status IS 'Tình trạng sau';
COMMENT ON COLUMN inspection_recommendation_event.note IS 'Ghi chú';
CREATE INDEX inspection_recommendation_event_rec ON inspection_recommendation_event (recommendation_id, at);

CREATE TABLE inspection_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid REFERENCES inspection_session (id) ON DELETE CASCADE,
  recommendation_id uuid REFERENCES inspection_recommendation (id) ON DELETE CASCADE,
  question_id text,
  file_id uuid NOT NULL REFERENCES stored_file (id),
  caption text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  CHECK (session_id IS NOT NULL OR recommendation_id IS NOT NULL)
);
COMMENT ON TABLE inspection_evidence IS 'Minh chứng (ảnh, tệp) của câu trả lời hoặc của kết quả thực hiện kiến nghị';
COMMENT ON COLUMN inspection_evidence.id IS 'Khóa';
COMMENT ON COLUMN inspection_evidence.session_id IS 'Buổi kiểm tra (minh chứng của câu trả lời)';
COMMENT ON COLUMN inspection_evidence.recommendation_id IS 'Kiến nghị (minh chứng hoàn thành)';
COMMENT ON COLUMN inspection_evidence.question_id IS 'Câu hỏi liên quan';
COMMENT ON COLUMN inspection_evidence.file_id IS 'Tệp đã kiểm tra nội dung';
COMMENT ON COLUMN inspection_evidence.caption IS 'Chú thích';
COMMENT ON COLUMN inspection_evidence.created_at IS 'Thời điểm tải lên';
COMMENT ON COLUMN inspection_evidence.created_by IS 'Người tải lên';
CREATE INDEX inspection_evidence_session ON inspection_evidence (session_id);
CREATE INDEX inspection_evidence_recommendation ON inspection_evidence (recommendation_id);

-- Communes answer the recommendations addressed to them and assess themselves as child-friendly;
-- the province reviews and recognises. Added once to the system roles of existing databases.
UPDATE role SET permissions = array_append(permissions, 'inspections.respond'), version = version + 1, updated_at = now()
WHERE code IN ('commune_leader', 'child_protection_officer') AND is_system AND NOT ('inspections.respond' = ANY (permissions));
UPDATE role SET permissions = array_append(permissions, 'childfriendly.assess'), version = version + 1, updated_at = now()
WHERE code IN ('commune_leader', 'child_protection_officer') AND is_system AND NOT ('childfriendly.assess' = ANY (permissions));
UPDATE role SET permissions = array_append(permissions, 'childfriendly.review'), version = version + 1, updated_at = now()
WHERE code IN ('province_officer', 'inspector') AND is_system AND NOT ('childfriendly.review' = ANY (permissions));
