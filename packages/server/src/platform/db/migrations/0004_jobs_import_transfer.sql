-- Durable background jobs (imports, long recomputations), the child import with its dry-run
-- findings, transfers of a child between communes, merges of duplicate records and the
-- "turned 6" flag (state-paid health insurance for under-6s ends).

CREATE TABLE job (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  input jsonb NOT NULL DEFAULT '{}',
  result jsonb,
  error_code text,
  error_detail text,
  progress_done integer NOT NULL DEFAULT 0,
  progress_total integer,
  progress_stage text,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 3,
  run_after timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  unit_id integer REFERENCES admin_unit (id),
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE job IS 'Công việc chạy nền bền vững (nhập dữ liệu, tính toán dài): tiếp tục sau khi khởi động lại';
COMMENT ON COLUMN job.id IS 'Khóa';
COMMENT ON COLUMN job.kind IS 'Loại công việc (ví dụ children.import.analyse)';
COMMENT ON COLUMN job.status IS 'Trạng thái: queued (chờ), running (đang chạy), succeeded (xong), failed (lỗi)';
COMMENT ON COLUMN job.input IS 'Tham số của công việc (không chứa dữ liệu cá nhân)';
COMMENT ON COLUMN job.result IS 'Kết quả tóm tắt khi xong';
COMMENT ON COLUMN job.error_code IS 'Mã lỗi khi thất bại';
COMMENT ON COLUMN job.error_detail IS 'Mô tả lỗi khi thất bại (không chứa dữ liệu cá nhân)';
COMMENT ON COLUMN job.progress_done IS 'Số phần việc đã làm';
COMMENT ON COLUMN job.progress_total IS 'Tổng số phần việc (NULL khi chưa biết)';
COMMENT ON COLUMN job.progress_stage IS 'Giai đoạn hiện tại (mã)';
COMMENT ON COLUMN job.attempts IS 'Số lần đã thử chạy';
COMMENT ON COLUMN job.max_attempts IS 'Số lần thử tối đa';
COMMENT ON COLUMN job.run_after IS 'Không chạy trước thời điểm này (thử lại sau lỗi)';
COMMENT ON COLUMN job.lease_until IS 'Tiến trình đang chạy giữ việc đến thời điểm này; quá hạn thì việc được chạy lại';
COMMENT ON COLUMN job.unit_id IS 'Đơn vị của công việc (phạm vi xem)';
COMMENT ON COLUMN job.created_by IS 'Người tạo công việc';
COMMENT ON COLUMN job.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN job.started_at IS 'Thời điểm bắt đầu lần chạy gần nhất';
COMMENT ON COLUMN job.finished_at IS 'Thời điểm kết thúc';
COMMENT ON COLUMN job.updated_at IS 'Thời điểm cập nhật gần nhất (tiến độ)';
CREATE INDEX job_ready ON job (run_after) WHERE status IN ('queued', 'running');

CREATE TABLE child_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  file_name text NOT NULL,
  file_format text NOT NULL CHECK (file_format IN ('xlsx', 'csv')),
  file_sha256 text NOT NULL,
  file_size integer NOT NULL,
  file_content bytea,
  status text NOT NULL DEFAULT 'analysing'
    CHECK (status IN ('analysing', 'analysed', 'committing', 'committed', 'failed', 'discarded')),
  summary jsonb,
  header_mapping jsonb,
  decisions jsonb,
  analyse_job_id uuid REFERENCES job (id),
  commit_job_id uuid REFERENCES job (id),
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  analysed_at timestamptz,
  committed_by uuid REFERENCES app_user (id),
  committed_at timestamptz
);
COMMENT ON TABLE child_import IS 'Một lần nhập danh sách trẻ em từ tệp Excel/CSV: kiểm tra thử, rồi ghi tất cả hoặc không gì cả';
COMMENT ON COLUMN child_import.id IS 'Khóa';
COMMENT ON COLUMN child_import.unit_id IS 'Xã, phường nhận danh sách';
COMMENT ON COLUMN child_import.file_name IS 'Tên tệp tải lên';
COMMENT ON COLUMN child_import.file_format IS 'Định dạng: xlsx hoặc csv';
COMMENT ON COLUMN child_import.file_sha256 IS 'Mã băm SHA-256 của tệp';
COMMENT ON COLUMN child_import.file_size IS 'Kích thước tệp (byte)';
COMMENT ON COLUMN child_import.file_content IS 'Nội dung tệp; xóa khi đã ghi xong hoặc hủy (dữ liệu cá nhân)';
COMMENT ON COLUMN child_import.status IS 'Trạng thái: analysing, analysed, committing, committed, failed, discarded';
COMMENT ON COLUMN child_import.summary IS 'Tóm tắt: số dòng, hợp lệ, lỗi, nghi trùng, đã có, đã tạo';
COMMENT ON COLUMN child_import.header_mapping IS 'Cột của tệp được hiểu là trường nào';
COMMENT ON COLUMN child_import.decisions IS 'Quyết định của cán bộ cho các dòng nghi trùng (tạo mới hoặc bỏ qua)';
COMMENT ON COLUMN child_import.analyse_job_id IS 'Công việc kiểm tra thử';
COMMENT ON COLUMN child_import.commit_job_id IS 'Công việc ghi vào sổ';
COMMENT ON COLUMN child_import.created_by IS 'Người tải tệp lên';
COMMENT ON COLUMN child_import.created_at IS 'Thời điểm tải lên';
COMMENT ON COLUMN child_import.analysed_at IS 'Thời điểm kiểm tra xong';
COMMENT ON COLUMN child_import.committed_by IS 'Người ghi vào sổ';
COMMENT ON COLUMN child_import.committed_at IS 'Thời điểm ghi vào sổ';
CREATE INDEX child_import_unit ON child_import (unit_id, created_at);

CREATE TABLE child_import_issue (
  import_id uuid NOT NULL REFERENCES child_import (id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  column_key text NOT NULL DEFAULT '',
  column_header text,
  code text NOT NULL,
  severity text NOT NULL DEFAULT 'error' CHECK (severity IN ('error', 'warning')),
  value text,
  PRIMARY KEY (import_id, row_number, code, column_key)
);
COMMENT ON TABLE child_import_issue IS 'Lỗi và cảnh báo của từng ô khi kiểm tra thử một tệp nhập';
COMMENT ON COLUMN child_import_issue.import_id IS 'Lần nhập';
COMMENT ON COLUMN child_import_issue.row_number IS 'Số dòng trong tệp (như Excel hiển thị)';
COMMENT ON COLUMN child_import_issue.column_key IS 'Trường của dòng (fullName, dateOfBirth, ...); chuỗi rỗng khi lỗi cả dòng';
COMMENT ON COLUMN child_import_issue.column_header IS 'Tiêu đề cột trong tệp';
COMMENT ON COLUMN child_import_issue.code IS 'Mã lỗi (thông điệp tiếng Việt/Anh theo mã)';
COMMENT ON COLUMN child_import_issue.severity IS 'Mức độ: error (lỗi, không nhập được tệp), warning (cảnh báo)';
COMMENT ON COLUMN child_import_issue.value IS 'Giá trị của ô (để cán bộ đối chiếu)';

CREATE TABLE child_import_duplicate (
  import_id uuid NOT NULL REFERENCES child_import (id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  child_id uuid NOT NULL REFERENCES child (id),
  score real NOT NULL,
  reasons text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (import_id, row_number, child_id)
);
COMMENT ON TABLE child_import_duplicate IS 'Dòng của tệp nhập nghi trùng với trẻ đã có trong sổ, chờ cán bộ quyết định';
COMMENT ON COLUMN child_import_duplicate.import_id IS 'Lần nhập';
COMMENT ON COLUMN child_import_duplicate.row_number IS 'Số dòng trong tệp';
COMMENT ON COLUMN child_import_duplicate.child_id IS 'Trẻ đã có trong sổ';
COMMENT ON COLUMN child_import_duplicate.score IS 'Điểm giống nhau từ 0 đến 1';
COMMENT ON COLUMN child_import_duplicate.reasons IS 'Lý do (cùng số định danh, cùng tên và ngày sinh, ...)';

ALTER TABLE child ADD COLUMN import_id uuid REFERENCES child_import (id);
ALTER TABLE child ADD COLUMN import_key text;
ALTER TABLE child ADD COLUMN merged_at timestamptz;
ALTER TABLE child ADD COLUMN merged_by uuid REFERENCES app_user (id);
ALTER TABLE child ADD COLUMN turned_6_on date;
COMMENT ON COLUMN child.import_id IS 'Lần nhập đã tạo hồ sơ này (nếu có)';
COMMENT ON COLUMN child.import_key IS 'Dấu vân tay của dòng nhập (đơn vị + nội dung chuẩn hóa): nhập lại cùng dòng không tạo thêm';
COMMENT ON COLUMN child.merged_at IS 'Thời điểm gộp vào hồ sơ khác';
COMMENT ON COLUMN child.merged_by IS 'Người gộp hồ sơ';
COMMENT ON COLUMN child.turned_6_on IS 'Ngày trẻ đủ 6 tuổi do việc hằng ngày ghi nhận (hết BHYT trẻ dưới 6 tuổi do nhà nước đóng)';
CREATE UNIQUE INDEX child_import_key ON child (import_key) WHERE import_key IS NOT NULL;
-- Exact folded-name lookups of the import's duplicate check (the trigram index serves searches).
CREATE INDEX child_name_exact ON child (name_folded);
CREATE INDEX child_merged_into ON child (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE child_transfer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  from_unit_id integer NOT NULL REFERENCES admin_unit (id),
  to_unit_id integer NOT NULL REFERENCES admin_unit (id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
  reason text,
  new_village text,
  new_address text,
  requested_by uuid REFERENCES app_user (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES app_user (id),
  decided_at timestamptz,
  decision_note text,
  CHECK (from_unit_id <> to_unit_id)
);
COMMENT ON TABLE child_transfer IS 'Chuyển trẻ sang xã, phường khác: xã nhận tiếp nhận hoặc từ chối; hồ sơ và liên kết đi theo trẻ';
COMMENT ON COLUMN child_transfer.id IS 'Khóa';
COMMENT ON COLUMN child_transfer.child_id IS 'Trẻ em';
COMMENT ON COLUMN child_transfer.from_unit_id IS 'Xã, phường chuyển đi';
COMMENT ON COLUMN child_transfer.to_unit_id IS 'Xã, phường chuyển đến';
COMMENT ON COLUMN child_transfer.status IS 'Trạng thái: pending (chờ), accepted (đã tiếp nhận), declined (từ chối), cancelled (hủy)';
COMMENT ON COLUMN child_transfer.reason IS 'Lý do chuyển';
COMMENT ON COLUMN child_transfer.new_village IS 'Thôn, tổ dân phố nơi ở mới';
COMMENT ON COLUMN child_transfer.new_address IS 'Địa chỉ nơi ở mới';
COMMENT ON COLUMN child_transfer.requested_by IS 'Cán bộ đề nghị chuyển';
COMMENT ON COLUMN child_transfer.requested_at IS 'Thời điểm đề nghị';
COMMENT ON COLUMN child_transfer.decided_by IS 'Cán bộ xã nhận quyết định (hoặc người hủy)';
COMMENT ON COLUMN child_transfer.decided_at IS 'Thời điểm quyết định';
COMMENT ON COLUMN child_transfer.decision_note IS 'Ghi chú khi tiếp nhận hoặc lý do từ chối';
CREATE UNIQUE INDEX child_transfer_one_pending ON child_transfer (child_id) WHERE status = 'pending';
CREATE INDEX child_transfer_to ON child_transfer (to_unit_id, status);
CREATE INDEX child_transfer_from ON child_transfer (from_unit_id, status);
