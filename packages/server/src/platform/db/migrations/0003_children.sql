-- Child registry: every child of the commune, the 14 groups of children in special circumstances
-- (Law on Children Art. 10), status history. Nested facts that are read and written together
-- (household, caregivers, education, health, birth registration) are jsonb validated by the
-- domain schemas at the repository boundary.

CREATE TABLE child (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  full_name text NOT NULL,
  name_folded text GENERATED ALWAYS AS (vn_fold(full_name)) STORED,
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  date_of_birth text NOT NULL CHECK (date_of_birth ~ '^\d{4}(-\d{2}-\d{2})?$'),
  birth_reference_date date NOT NULL,
  personal_id text CHECK (personal_id ~ '^\d{12}$'),
  ethnicity text,
  birth_registration jsonb,
  village text,
  address text,
  household jsonb,
  caregivers jsonb NOT NULL DEFAULT '[]',
  education jsonb,
  health jsonb,
  at_risk text[] NOT NULL DEFAULT '{}',
  people_folded text NOT NULL DEFAULT '',
  note text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'moved_away', 'turned_16', 'deceased')),
  status_changed_at timestamptz,
  merged_into uuid REFERENCES child (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE child IS 'Sổ theo dõi trẻ em: mỗi trẻ em dưới 16 tuổi của xã, phường (và lịch sử sau 16 tuổi)';
COMMENT ON COLUMN child.id IS 'Khóa';
COMMENT ON COLUMN child.unit_id IS 'Xã, phường nơi trẻ cư trú (phạm vi dữ liệu)';
COMMENT ON COLUMN child.full_name IS 'Họ và tên';
COMMENT ON COLUMN child.name_folded IS 'Họ tên bỏ dấu, chữ thường, để tìm kiếm';
COMMENT ON COLUMN child.sex IS 'Giới tính: male (nam), female (nữ)';
COMMENT ON COLUMN child.date_of_birth IS 'Ngày sinh YYYY-MM-DD, hoặc chỉ năm sinh YYYY';
COMMENT ON COLUMN child.birth_reference_date IS 'Ngày dùng để tính tuổi (ngày sinh, hoặc 01/07 khi chỉ biết năm)';
COMMENT ON COLUMN child.personal_id IS 'Số định danh cá nhân 12 chữ số';
COMMENT ON COLUMN child.ethnicity IS 'Mã dân tộc (01–54 theo danh mục của Tổng cục Thống kê)';
COMMENT ON COLUMN child.birth_registration IS 'Đăng ký khai sinh: đã đăng ký, ngày, nơi đăng ký';
COMMENT ON COLUMN child.village IS 'Thôn, tổ dân phố';
COMMENT ON COLUMN child.address IS 'Địa chỉ chi tiết';
COMMENT ON COLUMN child.household IS 'Hộ gia đình: chủ hộ, thành viên, điện thoại, hộ nghèo/cận nghèo và năm';
COMMENT ON COLUMN child.caregivers IS 'Cha mẹ, người chăm sóc, người giám hộ: quan hệ và liên lạc';
COMMENT ON COLUMN child.education IS 'Giáo dục: trường, lớp, tình trạng đi học, nguy cơ bỏ học';
COMMENT ON COLUMN child.health IS 'Y tế: thẻ BHYT, khuyết tật, bệnh hiểm nghèo, dinh dưỡng (dưới 5 tuổi), tiêm chủng (dưới 1 tuổi)';
COMMENT ON COLUMN child.at_risk IS 'Nguy cơ rơi vào hoàn cảnh đặc biệt (mã cờ)';
COMMENT ON COLUMN child.people_folded IS 'Tên chủ hộ và người chăm sóc bỏ dấu, để tìm trẻ theo tên người thân';
COMMENT ON COLUMN child.note IS 'Ghi chú của cán bộ';
COMMENT ON COLUMN child.status_changed_at IS 'Thời điểm thay đổi tình trạng gần nhất';
COMMENT ON COLUMN child.status IS 'Tình trạng: active, moved_away (chuyển đi), turned_16 (đủ 16 tuổi), deceased (đã mất)';
COMMENT ON COLUMN child.merged_into IS 'Hồ sơ đã được gộp vào hồ sơ này (bản trùng)';
COMMENT ON COLUMN child.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN child.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN child.updated_at IS 'Thời điểm cập nhật';
COMMENT ON COLUMN child.created_by IS 'Người tạo';
COMMENT ON COLUMN child.updated_by IS 'Người cập nhật gần nhất';

CREATE INDEX child_unit ON child (unit_id);
CREATE INDEX child_birth ON child (birth_reference_date);
CREATE INDEX child_name_search ON child USING gin (name_folded gin_trgm_ops);
CREATE INDEX child_people_search ON child USING gin (people_folded gin_trgm_ops);
CREATE UNIQUE INDEX child_personal_id ON child (personal_id) WHERE personal_id IS NOT NULL AND merged_into IS NULL;

CREATE TABLE child_special_circumstance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  group_code text NOT NULL,
  subgroup_code text,
  start_date date NOT NULL,
  end_date date,
  source text,
  note text,
  confirmed_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
COMMENT ON TABLE child_special_circumstance IS 'Trẻ em có hoàn cảnh đặc biệt (Luật Trẻ em Điều 10): nhóm, nhóm nhỏ (Nghị định 56/2017), thời gian';
COMMENT ON COLUMN child_special_circumstance.id IS 'Khóa';
COMMENT ON COLUMN child_special_circumstance.child_id IS 'Trẻ em';
COMMENT ON COLUMN child_special_circumstance.group_code IS 'Mã nhóm a, b, c, d, đ, e, g, h, i, k, l, m, n, o';
COMMENT ON COLUMN child_special_circumstance.subgroup_code IS 'Mã nhóm nhỏ theo Nghị định 56/2017';
COMMENT ON COLUMN child_special_circumstance.start_date IS 'Từ ngày';
COMMENT ON COLUMN child_special_circumstance.end_date IS 'Đến ngày (NULL: đang thuộc nhóm)';
COMMENT ON COLUMN child_special_circumstance.source IS 'Nguồn thông tin, căn cứ xác định';
COMMENT ON COLUMN child_special_circumstance.note IS 'Ghi chú';
COMMENT ON COLUMN child_special_circumstance.confirmed_by IS 'Cán bộ xác nhận';
COMMENT ON COLUMN child_special_circumstance.created_at IS 'Thời điểm ghi nhận';
CREATE INDEX child_special_circumstance_child ON child_special_circumstance (child_id);
CREATE INDEX child_special_circumstance_group ON child_special_circumstance (group_code) WHERE end_date IS NULL;

CREATE TABLE child_status_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  child_id uuid NOT NULL REFERENCES child (id),
  status text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  reason text,
  changed_by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE child_status_history IS 'Lịch sử tình trạng của trẻ (đang theo dõi, chuyển đi, đủ 16 tuổi, đã mất)';
COMMENT ON COLUMN child_status_history.id IS 'Khóa';
COMMENT ON COLUMN child_status_history.child_id IS 'Trẻ em';
COMMENT ON COLUMN child_status_history.status IS 'Tình trạng mới';
COMMENT ON COLUMN child_status_history.changed_at IS 'Thời điểm';
COMMENT ON COLUMN child_status_history.reason IS 'Lý do';
COMMENT ON COLUMN child_status_history.changed_by IS 'Người thay đổi (NULL: hệ thống)';
CREATE INDEX child_status_history_child ON child_status_history (child_id);

CREATE TABLE saved_child_filter (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  name text NOT NULL,
  query text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, name)
);
COMMENT ON TABLE saved_child_filter IS 'Bộ lọc danh sách trẻ em do người dùng lưu';
COMMENT ON COLUMN saved_child_filter.id IS 'Khóa';
COMMENT ON COLUMN saved_child_filter.user_id IS 'Người dùng';
COMMENT ON COLUMN saved_child_filter.name IS 'Tên bộ lọc';
COMMENT ON COLUMN saved_child_filter.query IS 'Chuỗi truy vấn của GET /api/v1/children';
COMMENT ON COLUMN saved_child_filter.created_at IS 'Thời điểm lưu';
