-- Alerts of the legal clocks of cases and other in-app notifications, and the yearly calendar of
-- public holidays entered by an administrator. A notification carries no personal content: only
-- the case number, the step, the deadline and counts (never a child's name or a narrative).

CREATE TABLE notification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id),
  kind text NOT NULL CHECK (kind IN ('due_soon', 'overdue', 'escalated_leader', 'escalated_province',
    'plan_submitted', 'plan_approved', 'plan_rejected', 'closure_proposed', 'assigned', 'digest')),
  case_id uuid REFERENCES child_case (id),
  clock_id text,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(payload) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  dedupe_key text NOT NULL,
  UNIQUE (user_id, dedupe_key)
);
COMMENT ON TABLE notification IS 'Thông báo trong ứng dụng gửi người dùng: nhắc hạn, quá hạn, báo cáo cấp trên, sự kiện của vụ việc, bản tin hằng ngày (không chứa thông tin cá nhân)';
COMMENT ON COLUMN notification.id IS 'Khóa';
COMMENT ON COLUMN notification.user_id IS 'Người nhận';
COMMENT ON COLUMN notification.kind IS 'Loại: due_soon (sắp đến hạn), overdue (quá hạn), escalated_leader (báo lãnh đạo xã), escalated_province (báo cấp tỉnh), plan_submitted, plan_approved, plan_rejected, closure_proposed, assigned, digest (bản tin ngày)';
COMMENT ON COLUMN notification.case_id IS 'Vụ việc liên quan; NULL với bản tin ngày';
COMMENT ON COLUMN notification.clock_id IS 'Thời hạn liên quan (ví dụ plan#1); NULL nếu không gắn thời hạn';
COMMENT ON COLUMN notification.payload IS 'Dữ liệu hiển thị không có thông tin cá nhân: số vụ việc, bước, hạn, số đếm của bản tin';
COMMENT ON COLUMN notification.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN notification.read_at IS 'Thời điểm người nhận đánh dấu đã đọc; NULL khi chưa đọc';
COMMENT ON COLUMN notification.dedupe_key IS 'Khóa chống trùng theo người nhận, ví dụ overdue:{caseId}:{clockId}, digest:{yyyy-MM-dd}';

CREATE INDEX notification_user_created ON notification (user_id, created_at DESC, id DESC);
CREATE INDEX notification_user_unread ON notification (user_id) WHERE read_at IS NULL;
CREATE INDEX notification_case ON notification (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE holiday_year (
  year integer PRIMARY KEY CHECK (year BETWEEN 1800 AND 2199),
  days jsonb NOT NULL CHECK (jsonb_typeof(days) = 'array'),
  source text NOT NULL,
  verified boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE holiday_year IS 'Lịch nghỉ lễ, Tết của một năm do quản trị viên nhập theo thông báo hằng năm của Chính phủ; thay thế quy tắc mặc định cho năm đó khi tính thời hạn';
COMMENT ON COLUMN holiday_year.year IS 'Năm dương lịch';
COMMENT ON COLUMN holiday_year.days IS 'Danh sách ngày: [{date, name, kind}], kind là holiday (nghỉ lễ), compensatory (nghỉ bù), working_weekend (làm bù thứ Bảy, Chủ nhật)';
COMMENT ON COLUMN holiday_year.source IS 'Căn cứ: văn bản, thông báo nghỉ lễ đã đối chiếu';
COMMENT ON COLUMN holiday_year.verified IS 'Đã đối chiếu với thông báo chính thức hay chưa';
COMMENT ON COLUMN holiday_year.version IS 'Phiên bản để kiểm soát cập nhật đồng thời (tăng với mỗi lần lưu)';
COMMENT ON COLUMN holiday_year.updated_at IS 'Thời điểm lưu gần nhất';
COMMENT ON COLUMN holiday_year.updated_by IS 'Người lưu gần nhất';
