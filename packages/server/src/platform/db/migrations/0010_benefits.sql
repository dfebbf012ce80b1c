-- Support policies (chính sách hỗ trợ): the benefit catalogue as dated rules, base levels,
-- enrolments with the decisions that start, adjust and end them, and the proposals the system
-- makes when eligibility changes. Amounts are whole đồng (bigint). A rule change never rewrites
-- an enrolment's amount: each decision stores its own.

CREATE TABLE benefit_base_level (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  amount_vnd bigint NOT NULL CHECK (amount_vnd > 0),
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  province_code text CHECK (province_code ~ '^\d{2}$'),
  legal_ref text NOT NULL,
  verified boolean NOT NULL DEFAULT false,
  is_reference boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id)
);
CREATE UNIQUE INDEX benefit_base_level_period ON benefit_base_level (coalesce(province_code, ''), valid_from);
COMMENT ON TABLE benefit_base_level IS 'Mức chuẩn trợ giúp xã hội theo thời kỳ: toàn quốc hoặc mức cao hơn của tỉnh';
COMMENT ON COLUMN benefit_base_level.id IS 'Khóa';
COMMENT ON COLUMN benefit_base_level.amount_vnd IS 'Mức chuẩn (đồng/tháng)';
COMMENT ON COLUMN benefit_base_level.valid_from IS 'Áp dụng từ ngày';
COMMENT ON COLUMN benefit_base_level.valid_to IS 'Áp dụng đến hết ngày; NULL khi còn hiệu lực';
COMMENT ON COLUMN benefit_base_level.province_code IS 'Mã tỉnh khi là mức của tỉnh; NULL là mức toàn quốc';
COMMENT ON COLUMN benefit_base_level.legal_ref IS 'Căn cứ pháp lý';
COMMENT ON COLUMN benefit_base_level.verified IS 'Đã đối chiếu văn bản (false: hiển thị "chưa xác minh")';
COMMENT ON COLUMN benefit_base_level.is_reference IS 'Nạp từ danh mục chuẩn của hệ thống (không phải do người dùng nhập)';
COMMENT ON COLUMN benefit_base_level.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN benefit_base_level.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN benefit_base_level.created_by IS 'Người tạo';

CREATE TABLE benefit_rule (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_.]{1,80}$'),
  kind text NOT NULL,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  criteria_vi text NOT NULL,
  criteria_en text NOT NULL,
  legal_ref text NOT NULL,
  verified boolean NOT NULL DEFAULT false,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  unit_code text CHECK (unit_code ~ '^\d{2}(\d{3})?$'),
  periodicity text NOT NULL CHECK (periodicity IN ('monthly', 'yearly', 'once')),
  amount jsonb NOT NULL,
  criteria jsonb NOT NULL,
  exclusive_group text,
  budget_source text NOT NULL,
  needs_decision boolean NOT NULL,
  is_reference boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (code, valid_from)
);
COMMENT ON TABLE benefit_rule IS 'Danh mục chính sách hỗ trợ: mỗi dòng là một quy định trong một thời kỳ (mức, đối tượng, căn cứ pháp lý)';
COMMENT ON COLUMN benefit_rule.id IS 'Khóa';
COMMENT ON COLUMN benefit_rule.code IS 'Mã chính sách, chung cho các thời kỳ (ví dụ tcxh.khong_nguon_nuoi.duoi_4)';
COMMENT ON COLUMN benefit_rule.kind IS 'Loại: trợ cấp hằng tháng, BHYT, miễn giảm học phí, hỗ trợ học tập, trợ giúp khẩn cấp, quà địa phương, học bổng';
COMMENT ON COLUMN benefit_rule.name_vi IS 'Tên tiếng Việt';
COMMENT ON COLUMN benefit_rule.name_en IS 'Tên tiếng Anh';
COMMENT ON COLUMN benefit_rule.criteria_vi IS 'Diễn giải điều kiện bằng tiếng Việt (dùng trong giải thích)';
COMMENT ON COLUMN benefit_rule.criteria_en IS 'Diễn giải điều kiện bằng tiếng Anh';
COMMENT ON COLUMN benefit_rule.legal_ref IS 'Căn cứ pháp lý';
COMMENT ON COLUMN benefit_rule.verified IS 'Đã đối chiếu văn bản; false: được sửa và hiển thị "chưa xác minh"';
COMMENT ON COLUMN benefit_rule.valid_from IS 'Áp dụng từ ngày';
COMMENT ON COLUMN benefit_rule.valid_to IS 'Áp dụng đến hết ngày; NULL khi còn hiệu lực';
COMMENT ON COLUMN benefit_rule.unit_code IS 'Đơn vị ban hành chính sách địa phương (tỉnh 2 số, xã 5 số); NULL là chính sách toàn quốc';
COMMENT ON COLUMN benefit_rule.periodicity IS 'Kỳ chi: monthly (hằng tháng), yearly (hằng năm), once (một lần)';
COMMENT ON COLUMN benefit_rule.amount IS 'Mức hưởng (JSON BenefitAmount: hệ số × mức chuẩn, số tiền cố định, tỷ lệ chi phí, hiện vật)';
COMMENT ON COLUMN benefit_rule.criteria IS 'Điều kiện hưởng (JSON EligibilityCriteria: nhóm, tuổi tính theo tháng, hộ nghèo, khuyết tật…)';
COMMENT ON COLUMN benefit_rule.exclusive_group IS 'Nhóm chính sách loại trừ nhau: chỉ hưởng một mức cao nhất';
COMMENT ON COLUMN benefit_rule.budget_source IS 'Nguồn kinh phí (trung ương, tỉnh, xã, quỹ BHYT, tài trợ)';
COMMENT ON COLUMN benefit_rule.needs_decision IS 'Cần quyết định hưởng của Chủ tịch UBND';
COMMENT ON COLUMN benefit_rule.is_reference IS 'Nạp từ danh mục chuẩn của hệ thống';
COMMENT ON COLUMN benefit_rule.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN benefit_rule.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN benefit_rule.created_by IS 'Người tạo';
COMMENT ON COLUMN benefit_rule.updated_at IS 'Thời điểm sửa gần nhất';
CREATE INDEX benefit_rule_code ON benefit_rule (code, valid_from DESC);

CREATE TABLE benefit_enrolment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  rule_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'ended')),
  start_date date NOT NULL,
  end_date date CHECK (end_date IS NULL OR end_date >= start_date),
  amount_vnd bigint NOT NULL CHECK (amount_vnd >= 0),
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('child', 'caregiver')),
  recipient_name text NOT NULL,
  recipient_relationship text,
  payment_method text NOT NULL CHECK (payment_method IN ('cash', 'bank', 'post_office', 'in_kind')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE benefit_enrolment IS 'Trẻ em được hưởng một chính sách theo quyết định (hưởng, điều chỉnh, thôi hưởng ở benefit_enrolment_event)';
COMMENT ON COLUMN benefit_enrolment.id IS 'Khóa';
COMMENT ON COLUMN benefit_enrolment.child_id IS 'Trẻ em';
COMMENT ON COLUMN benefit_enrolment.unit_id IS 'Xã, phường chi trả (phạm vi dữ liệu)';
COMMENT ON COLUMN benefit_enrolment.rule_code IS 'Mã chính sách (benefit_rule.code)';
COMMENT ON COLUMN benefit_enrolment.status IS 'active (đang hưởng), ended (đã thôi hưởng)';
COMMENT ON COLUMN benefit_enrolment.start_date IS 'Hưởng từ ngày';
COMMENT ON COLUMN benefit_enrolment.end_date IS 'Hưởng đến hết ngày; NULL khi chưa có quyết định thôi hưởng';
COMMENT ON COLUMN benefit_enrolment.amount_vnd IS 'Mức hưởng hiện tại theo quyết định gần nhất (đồng/kỳ)';
COMMENT ON COLUMN benefit_enrolment.recipient_kind IS 'Người nhận: child (trẻ em) hoặc caregiver (người chăm sóc)';
COMMENT ON COLUMN benefit_enrolment.recipient_name IS 'Họ tên người nhận (in trên danh sách ký nhận)';
COMMENT ON COLUMN benefit_enrolment.recipient_relationship IS 'Quan hệ của người nhận với trẻ em';
COMMENT ON COLUMN benefit_enrolment.payment_method IS 'Hình thức chi trả: cash, bank, post_office, in_kind';
COMMENT ON COLUMN benefit_enrolment.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN benefit_enrolment.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN benefit_enrolment.created_by IS 'Người tạo';
COMMENT ON COLUMN benefit_enrolment.updated_at IS 'Thời điểm sửa gần nhất';
CREATE INDEX benefit_enrolment_unit ON benefit_enrolment (unit_id, status);
CREATE INDEX benefit_enrolment_child ON benefit_enrolment (child_id);
-- One running enrolment per child and benefit.
CREATE UNIQUE INDEX benefit_enrolment_one_active ON benefit_enrolment (child_id, rule_code) WHERE status = 'active';

CREATE TABLE benefit_enrolment_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enrolment_id uuid NOT NULL REFERENCES benefit_enrolment (id),
  kind text NOT NULL CHECK (kind IN ('start', 'adjust', 'terminate')),
  decision_number text NOT NULL,
  decision_date date NOT NULL,
  signer_name text NOT NULL,
  signer_title text NOT NULL,
  effective_from date NOT NULL,
  amount_vnd bigint CHECK (amount_vnd IS NULL OR amount_vnd >= 0),
  reason text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE benefit_enrolment_event IS 'Các quyết định của một lần hưởng, chỉ thêm không sửa: hưởng, điều chỉnh mức, thôi hưởng';
COMMENT ON COLUMN benefit_enrolment_event.id IS 'Khóa';
COMMENT ON COLUMN benefit_enrolment_event.enrolment_id IS 'Lần hưởng';
COMMENT ON COLUMN benefit_enrolment_event.kind IS 'start (hưởng), adjust (điều chỉnh), terminate (thôi hưởng)';
COMMENT ON COLUMN benefit_enrolment_event.decision_number IS 'Số quyết định';
COMMENT ON COLUMN benefit_enrolment_event.decision_date IS 'Ngày quyết định';
COMMENT ON COLUMN benefit_enrolment_event.signer_name IS 'Người ký quyết định';
COMMENT ON COLUMN benefit_enrolment_event.signer_title IS 'Chức vụ người ký (từ 01/7/2025: Chủ tịch UBND cấp xã, Nghị định 147/2025)';
COMMENT ON COLUMN benefit_enrolment_event.effective_from IS 'Có hiệu lực từ ngày (thôi hưởng: ngày cuối cùng được hưởng)';
COMMENT ON COLUMN benefit_enrolment_event.amount_vnd IS 'Mức hưởng từ ngày hiệu lực; NULL với quyết định thôi hưởng';
COMMENT ON COLUMN benefit_enrolment_event.reason IS 'Lý do điều chỉnh, thôi hưởng';
COMMENT ON COLUMN benefit_enrolment_event.recorded_at IS 'Thời điểm ghi';
COMMENT ON COLUMN benefit_enrolment_event.recorded_by IS 'Người ghi';
CREATE INDEX benefit_enrolment_event_enrolment ON benefit_enrolment_event (enrolment_id, effective_from);

CREATE TABLE benefit_proposal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  kind text NOT NULL CHECK (kind IN ('start', 'adjust', 'terminate')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
  rule_code text NOT NULL,
  enrolment_id uuid REFERENCES benefit_enrolment (id),
  effective_from date NOT NULL,
  amount_vnd bigint,
  reason_vi text NOT NULL,
  reason_en text NOT NULL,
  dedupe_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  closed_by uuid REFERENCES app_user (id),
  close_note text
);
COMMENT ON TABLE benefit_proposal IS 'Đề xuất do hệ thống lập khi điều kiện hưởng thay đổi (sinh nhật, thay đổi hồ sơ) để cán bộ xác nhận';
COMMENT ON COLUMN benefit_proposal.id IS 'Khóa';
COMMENT ON COLUMN benefit_proposal.child_id IS 'Trẻ em';
COMMENT ON COLUMN benefit_proposal.unit_id IS 'Xã, phường (phạm vi dữ liệu)';
COMMENT ON COLUMN benefit_proposal.kind IS 'start (đề xuất hưởng), adjust (điều chỉnh mức), terminate (thôi hưởng)';
COMMENT ON COLUMN benefit_proposal.status IS 'open (chờ xử lý), confirmed (đã ra quyết định), dismissed (bỏ qua, có lý do)';
COMMENT ON COLUMN benefit_proposal.rule_code IS 'Mã chính sách';
COMMENT ON COLUMN benefit_proposal.enrolment_id IS 'Lần hưởng liên quan (điều chỉnh, thôi hưởng)';
COMMENT ON COLUMN benefit_proposal.effective_from IS 'Ngày thay đổi (ví dụ sinh nhật 4 tuổi, 16 tuổi)';
COMMENT ON COLUMN benefit_proposal.amount_vnd IS 'Mức hưởng đề xuất';
COMMENT ON COLUMN benefit_proposal.reason_vi IS 'Lý do (tiếng Việt)';
COMMENT ON COLUMN benefit_proposal.reason_en IS 'Lý do (tiếng Anh)';
COMMENT ON COLUMN benefit_proposal.dedupe_key IS 'Khóa chống lập trùng đề xuất (trẻ, chính sách, loại, ngày)';
COMMENT ON COLUMN benefit_proposal.created_at IS 'Thời điểm lập';
COMMENT ON COLUMN benefit_proposal.closed_at IS 'Thời điểm xử lý';
COMMENT ON COLUMN benefit_proposal.closed_by IS 'Người xử lý';
COMMENT ON COLUMN benefit_proposal.close_note IS 'Ghi chú khi bỏ qua';
CREATE INDEX benefit_proposal_unit ON benefit_proposal (unit_id, status);

CREATE TABLE benefit_payment_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, month)
);
COMMENT ON TABLE benefit_payment_run IS 'Danh sách chi trả của một xã, phường trong một tháng';
COMMENT ON COLUMN benefit_payment_run.id IS 'Khóa';
COMMENT ON COLUMN benefit_payment_run.unit_id IS 'Xã, phường';
COMMENT ON COLUMN benefit_payment_run.month IS 'Tháng chi trả YYYY-MM';
COMMENT ON COLUMN benefit_payment_run.created_at IS 'Thời điểm lập';
COMMENT ON COLUMN benefit_payment_run.created_by IS 'Người lập';
COMMENT ON COLUMN benefit_payment_run.updated_at IS 'Thời điểm bổ sung gần nhất';

CREATE TABLE benefit_payment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  run_id uuid NOT NULL REFERENCES benefit_payment_run (id),
  enrolment_id uuid NOT NULL REFERENCES benefit_enrolment (id),
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  amount_vnd bigint NOT NULL CHECK (amount_vnd >= 0),
  rule_code text NOT NULL,
  budget_source text NOT NULL,
  recipient_name text NOT NULL,
  status text NOT NULL DEFAULT 'unpaid' CHECK (status IN ('unpaid', 'paid')),
  method text CHECK (method IN ('cash', 'bank', 'post_office', 'in_kind')),
  paid_on date,
  receipt_number text,
  paid_by uuid REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'paid') = (paid_on IS NOT NULL AND method IS NOT NULL)),
  -- Never two lines for one enrolment and month: running a month twice does not pay twice.
  UNIQUE (enrolment_id, month)
);
COMMENT ON TABLE benefit_payment IS 'Một dòng chi trả: một lần hưởng, một tháng, một số tiền (giữ nguyên khi quy định thay đổi sau này)';
COMMENT ON COLUMN benefit_payment.id IS 'Khóa';
COMMENT ON COLUMN benefit_payment.run_id IS 'Danh sách chi trả';
COMMENT ON COLUMN benefit_payment.enrolment_id IS 'Lần hưởng';
COMMENT ON COLUMN benefit_payment.month IS 'Tháng được chi YYYY-MM';
COMMENT ON COLUMN benefit_payment.amount_vnd IS 'Số tiền (đồng)';
COMMENT ON COLUMN benefit_payment.rule_code IS 'Mã chính sách (để tổng hợp)';
COMMENT ON COLUMN benefit_payment.budget_source IS 'Nguồn kinh phí (để tổng hợp)';
COMMENT ON COLUMN benefit_payment.recipient_name IS 'Người nhận tại thời điểm lập danh sách';
COMMENT ON COLUMN benefit_payment.status IS 'unpaid (chưa chi), paid (đã chi)';
COMMENT ON COLUMN benefit_payment.method IS 'Hình thức đã chi: cash, bank, post_office, in_kind';
COMMENT ON COLUMN benefit_payment.paid_on IS 'Ngày chi';
COMMENT ON COLUMN benefit_payment.receipt_number IS 'Số chứng từ, biên nhận';
COMMENT ON COLUMN benefit_payment.paid_by IS 'Người ghi nhận đã chi';
COMMENT ON COLUMN benefit_payment.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN benefit_payment.created_at IS 'Thời điểm lập';
CREATE INDEX benefit_payment_by_run ON benefit_payment (run_id);
CREATE INDEX benefit_payment_month ON benefit_payment (month, rule_code);
