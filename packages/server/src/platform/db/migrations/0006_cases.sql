-- Cases (vụ việc) of child protection under Decree 56/2017 Chapter III: the case row holds the
-- facts needed for lists and scoping; its history is the append-only list of actions, whose
-- current state the domain derives (`replayCase`). Narratives (summary, reporter, the payloads of
-- actions) are encrypted at rest (AES-256-GCM, server key) and never stored in clear.

CREATE TABLE child_case (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  child_id uuid NOT NULL REFERENCES child (id),
  case_year integer NOT NULL,
  case_seq integer NOT NULL CHECK (case_seq > 0),
  case_number text NOT NULL,
  source text NOT NULL,
  concerns text[] NOT NULL CHECK (cardinality(concerns) > 0),
  urgency text NOT NULL CHECK (urgency IN ('emergency', 'urgent', 'routine')),
  received_at timestamptz NOT NULL,
  status text NOT NULL,
  protection_level text,
  assigned_officer_id uuid REFERENCES app_user (id),
  summary_encrypted text NOT NULL CHECK (summary_encrypted LIKE 'v1.%'),
  reporter_encrypted text CHECK (reporter_encrypted LIKE 'v1.%'),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, case_year, case_seq),
  UNIQUE (unit_id, case_number)
);
COMMENT ON TABLE child_case IS 'Vụ việc bảo vệ trẻ em (Nghị định 56/2017 Chương III): thông tin tra cứu; diễn biến là danh sách thao tác ở case_action';
COMMENT ON COLUMN child_case.id IS 'Khóa';
COMMENT ON COLUMN child_case.unit_id IS 'Xã, phường thụ lý vụ việc (phạm vi dữ liệu)';
COMMENT ON COLUMN child_case.child_id IS 'Trẻ em trong sổ theo dõi';
COMMENT ON COLUMN child_case.case_year IS 'Năm tiếp nhận (giờ Việt Nam), dùng đánh số vụ việc';
COMMENT ON COLUMN child_case.case_seq IS 'Số thứ tự vụ việc trong năm của xã, phường';
COMMENT ON COLUMN child_case.case_number IS 'Số vụ việc, ví dụ VV-2026-0001 (duy nhất trong xã, phường)';
COMMENT ON COLUMN child_case.source IS 'Kênh tiếp nhận thông tin (tổng đài 111, nhà trường, công an…)';
COMMENT ON COLUMN child_case.concerns IS 'Loại vấn đề được báo (bạo lực, xâm hại, bóc lột…)';
COMMENT ON COLUMN child_case.urgency IS 'Mức khẩn cấp khi tiếp nhận: emergency, urgent, routine';
COMMENT ON COLUMN child_case.received_at IS 'Thời điểm tiếp nhận thông tin; bắt đầu thời hạn 12 giờ và thời hạn lập kế hoạch';
COMMENT ON COLUMN child_case.status IS 'Bước hiện tại, suy ra từ các thao tác (bản sao để lọc danh sách)';
COMMENT ON COLUMN child_case.protection_level IS 'Cấp độ bảo vệ hiện tại (phòng ngừa, hỗ trợ, can thiệp), suy ra từ các thao tác';
COMMENT ON COLUMN child_case.assigned_officer_id IS 'Cán bộ được giao thụ lý';
COMMENT ON COLUMN child_case.summary_encrypted IS 'Tóm tắt nội dung thông tin, mã hóa AES-256-GCM (không lưu bản rõ)';
COMMENT ON COLUMN child_case.reporter_encrypted IS 'Người báo tin (bảo mật), mã hóa AES-256-GCM';
COMMENT ON COLUMN child_case.version IS 'Phiên bản để kiểm soát cập nhật đồng thời (tăng với mỗi thao tác)';
COMMENT ON COLUMN child_case.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN child_case.created_by IS 'Người tạo';
COMMENT ON COLUMN child_case.updated_at IS 'Thời điểm thao tác gần nhất';

CREATE INDEX child_case_unit_status ON child_case (unit_id, status);
CREATE INDEX child_case_child ON child_case (child_id);
CREATE INDEX child_case_received ON child_case (received_at DESC, id DESC);

CREATE TABLE case_action (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES child_case (id),
  seq integer NOT NULL CHECK (seq > 0),
  type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  by_user_id uuid REFERENCES app_user (id),
  role text NOT NULL CHECK (role IN ('officer', 'leader')),
  payload_encrypted text NOT NULL CHECK (payload_encrypted LIKE 'v1.%'),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, seq)
);
COMMENT ON TABLE case_action IS 'Các thao tác của vụ việc theo thứ tự, chỉ thêm không sửa (tiếp nhận, đánh giá, kế hoạch, phê duyệt, rà soát, kết thúc…)';
COMMENT ON COLUMN case_action.id IS 'Khóa';
COMMENT ON COLUMN case_action.case_id IS 'Vụ việc';
COMMENT ON COLUMN case_action.seq IS 'Số thứ tự của thao tác trong vụ việc (1 là tiếp nhận)';
COMMENT ON COLUMN case_action.type IS 'Loại thao tác (intake, initial_assessment, plan_approved, closed…)';
COMMENT ON COLUMN case_action.occurred_at IS 'Thời điểm thực hiện thao tác';
COMMENT ON COLUMN case_action.by_user_id IS 'Người thực hiện';
COMMENT ON COLUMN case_action.role IS 'Vai trò khi thực hiện: officer (cán bộ), leader (Chủ tịch UBND)';
COMMENT ON COLUMN case_action.payload_encrypted IS 'Toàn bộ nội dung thao tác (JSON), mã hóa AES-256-GCM';
COMMENT ON COLUMN case_action.created_at IS 'Thời điểm ghi';

CREATE TABLE case_member (
  case_id uuid NOT NULL REFERENCES child_case (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  added_by uuid REFERENCES app_user (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, user_id)
);
COMMENT ON TABLE case_member IS 'Người được xem nội dung vụ việc ngoài cán bộ thụ lý và lãnh đạo xã, phường';
COMMENT ON COLUMN case_member.case_id IS 'Vụ việc';
COMMENT ON COLUMN case_member.user_id IS 'Người được xem';
COMMENT ON COLUMN case_member.added_by IS 'Người thêm';
COMMENT ON COLUMN case_member.added_at IS 'Thời điểm thêm';
