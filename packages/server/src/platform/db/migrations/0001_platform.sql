-- Tuổi Thơ platform schema: administrative units, users, roles, sessions, audit.
-- Valid on PostgreSQL 15+ and on PGlite (PostgreSQL 18 in WASM).

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS ltree;

-- Folds Vietnamese text for search: no diacritics (đ → d), lower case. IMMUTABLE so that it can
-- back an index; the dictionary is named explicitly so the result does not depend on search_path.
CREATE FUNCTION vn_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(translate(public.unaccent('public.unaccent'::regdictionary, input), 'đĐ', 'dD')) $$;
COMMENT ON FUNCTION vn_fold(text) IS 'Chuẩn hoá chuỗi tiếng Việt để tìm kiếm: bỏ dấu, chữ thường / folds Vietnamese text for diacritics-insensitive search';

-- Administrative units ---------------------------------------------------------------------

CREATE TABLE admin_unit (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL,
  level text NOT NULL CHECK (level IN ('country', 'province', 'district', 'commune')),
  type text NOT NULL,
  type_name text NOT NULL,
  name text NOT NULL,
  full_name text NOT NULL,
  parent_id integer REFERENCES admin_unit (id),
  valid_from date,
  valid_to date,
  path ltree NOT NULL,
  province_code text,
  search_name text GENERATED ALWAYS AS (vn_fold(full_name)) STORED,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
);
COMMENT ON TABLE admin_unit IS 'Đơn vị hành chính theo thời kỳ hiệu lực / administrative units with validity periods (codes are reused across the 2025 reform)';
COMMENT ON COLUMN admin_unit.id IS 'Khoá nội bộ / surrogate key';
COMMENT ON COLUMN admin_unit.code IS 'Mã đơn vị hành chính của Tổng cục Thống kê (tỉnh 2 số, huyện 3 số, xã 5 số; VN cho cả nước)';
COMMENT ON COLUMN admin_unit.level IS 'Cấp: country, province, district (đến 30/06/2025), commune';
COMMENT ON COLUMN admin_unit.type IS 'Loại: tinh, thanh_pho, quan, huyen, thi_xa, xa, phuong, thi_tran, dac_khu';
COMMENT ON COLUMN admin_unit.type_name IS 'Tên loại đơn vị bằng tiếng Việt (Tỉnh, Phường, ...)';
COMMENT ON COLUMN admin_unit.name IS 'Tên ngắn (Bỉm Sơn)';
COMMENT ON COLUMN admin_unit.full_name IS 'Tên đầy đủ (Phường Bỉm Sơn)';
COMMENT ON COLUMN admin_unit.parent_id IS 'Đơn vị cấp trên trong cùng thời kỳ';
COMMENT ON COLUMN admin_unit.valid_from IS 'Ngày bắt đầu hiệu lực (NULL: từ trước khi có dữ liệu)';
COMMENT ON COLUMN admin_unit.valid_to IS 'Ngày cuối cùng còn hiệu lực (NULL: đang hiệu lực)';
COMMENT ON COLUMN admin_unit.path IS 'Đường dẫn từ gốc theo id (ltree, ví dụ u1.u40.u900) để lọc theo cây đơn vị';
COMMENT ON COLUMN admin_unit.province_code IS 'Mã tỉnh chứa đơn vị (khoá phân vùng dữ liệu theo tỉnh)';
COMMENT ON COLUMN admin_unit.search_name IS 'Tên đầy đủ đã bỏ dấu, chữ thường, để tìm kiếm';

CREATE UNIQUE INDEX admin_unit_code_period ON admin_unit (code, level, coalesce(valid_from, '0001-01-01'::date));
CREATE INDEX admin_unit_parent ON admin_unit (parent_id);
CREATE INDEX admin_unit_path ON admin_unit USING gist (path);
CREATE INDEX admin_unit_search ON admin_unit USING gin (search_name gin_trgm_ops);

CREATE TABLE admin_unit_mapping (
  old_unit_id integer NOT NULL REFERENCES admin_unit (id),
  new_unit_id integer NOT NULL REFERENCES admin_unit (id),
  relation text NOT NULL CHECK (relation IN ('full', 'partial', 'unchanged', 'renamed')),
  area text NOT NULL CHECK (area IN ('all', 'part', 'none')),
  population text NOT NULL CHECK (population IN ('all', 'part', 'none')),
  old_split_into integer NOT NULL,
  note text,
  PRIMARY KEY (old_unit_id, new_unit_id)
);
COMMENT ON TABLE admin_unit_mapping IS 'Bảng chuyển đổi đơn vị hành chính cũ → mới từ 01/07/2025 (xã bị chia có nhiều dòng)';
COMMENT ON COLUMN admin_unit_mapping.old_unit_id IS 'Đơn vị cũ (hiệu lực đến 30/06/2025)';
COMMENT ON COLUMN admin_unit_mapping.new_unit_id IS 'Đơn vị mới (hiệu lực từ 01/07/2025)';
COMMENT ON COLUMN admin_unit_mapping.relation IS 'full: nhập toàn bộ; partial: một phần; unchanged: giữ nguyên; renamed: đổi tên/loại';
COMMENT ON COLUMN admin_unit_mapping.area IS 'Phần diện tích chuyển sang: all, part, none';
COMMENT ON COLUMN admin_unit_mapping.population IS 'Phần dân số chuyển sang: all, part, none';
COMMENT ON COLUMN admin_unit_mapping.old_split_into IS 'Số đơn vị mới mà đơn vị cũ được chia vào';
COMMENT ON COLUMN admin_unit_mapping.note IS 'Ghi chú gốc của bảng chuyển đổi';
CREATE INDEX admin_unit_mapping_new ON admin_unit_mapping (new_unit_id);

-- One column per level, for roll-ups in reports and indicators.
CREATE VIEW admin_unit_flat AS
SELECT u.id AS unit_id,
       u.code,
       u.level,
       u.valid_from,
       u.valid_to,
       p.code AS province_code, p.full_name AS province_name,
       d.code AS district_code, d.full_name AS district_name,
       c.code AS commune_code, c.full_name AS commune_name
FROM admin_unit u
LEFT JOIN admin_unit p ON p.level = 'province' AND u.path <@ p.path
LEFT JOIN admin_unit d ON d.level = 'district' AND u.path <@ d.path
LEFT JOIN admin_unit c ON c.level = 'commune' AND u.path <@ c.path;
COMMENT ON VIEW admin_unit_flat IS 'Cây đơn vị dàn phẳng, mỗi cấp một cột, dùng cho tổng hợp báo cáo';
COMMENT ON COLUMN admin_unit_flat.unit_id IS 'Đơn vị';
COMMENT ON COLUMN admin_unit_flat.code IS 'Mã đơn vị';
COMMENT ON COLUMN admin_unit_flat.level IS 'Cấp đơn vị';
COMMENT ON COLUMN admin_unit_flat.valid_from IS 'Ngày bắt đầu hiệu lực';
COMMENT ON COLUMN admin_unit_flat.valid_to IS 'Ngày hết hiệu lực';
COMMENT ON COLUMN admin_unit_flat.province_code IS 'Mã tỉnh';
COMMENT ON COLUMN admin_unit_flat.province_name IS 'Tên tỉnh';
COMMENT ON COLUMN admin_unit_flat.district_code IS 'Mã huyện (trước 01/07/2025)';
COMMENT ON COLUMN admin_unit_flat.district_name IS 'Tên huyện (trước 01/07/2025)';
COMMENT ON COLUMN admin_unit_flat.commune_code IS 'Mã xã';
COMMENT ON COLUMN admin_unit_flat.commune_name IS 'Tên xã';

CREATE TABLE reference_dataset (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  row_count integer NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE reference_dataset IS 'Bộ dữ liệu tham chiếu đã nạp (đơn vị hành chính, bảng chuyển đổi)';
COMMENT ON COLUMN reference_dataset.name IS 'Tên bộ dữ liệu';
COMMENT ON COLUMN reference_dataset.checksum IS 'SHA-256 của tệp nguồn';
COMMENT ON COLUMN reference_dataset.row_count IS 'Số dòng đã nạp';
COMMENT ON COLUMN reference_dataset.loaded_at IS 'Thời điểm nạp';

-- Roles and users ----------------------------------------------------------------------------

CREATE TABLE role (
  code text PRIMARY KEY,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  permissions text[] NOT NULL DEFAULT '{}',
  is_system boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE role IS 'Vai trò: tập quyền có thể cấu hình';
COMMENT ON COLUMN role.code IS 'Mã vai trò';
COMMENT ON COLUMN role.name_vi IS 'Tên tiếng Việt';
COMMENT ON COLUMN role.name_en IS 'Tên tiếng Anh';
COMMENT ON COLUMN role.permissions IS 'Danh sách quyền (xem Permission trong packages/domain)';
COMMENT ON COLUMN role.is_system IS 'Vai trò hệ thống tạo sẵn (không xoá được)';
COMMENT ON COLUMN role.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN role.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN role.updated_at IS 'Thời điểm cập nhật';

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  full_name text NOT NULL,
  email text,
  phone text,
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  is_active boolean NOT NULL DEFAULT true,
  failed_login_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  mfa_secret_enc text,
  mfa_enabled boolean NOT NULL DEFAULT false,
  last_login_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE app_user IS 'Người dùng; mỗi người thuộc một đơn vị và chỉ thấy dữ liệu trong cây của đơn vị đó';
COMMENT ON COLUMN app_user.id IS 'Khoá';
COMMENT ON COLUMN app_user.username IS 'Tên đăng nhập (chữ thường, không dấu)';
COMMENT ON COLUMN app_user.full_name IS 'Họ và tên';
COMMENT ON COLUMN app_user.email IS 'Thư điện tử';
COMMENT ON COLUMN app_user.phone IS 'Số điện thoại';
COMMENT ON COLUMN app_user.unit_id IS 'Đơn vị công tác (phạm vi dữ liệu)';
COMMENT ON COLUMN app_user.password_hash IS 'Băm mật khẩu argon2id';
COMMENT ON COLUMN app_user.must_change_password IS 'Phải đổi mật khẩu ở lần đăng nhập tới';
COMMENT ON COLUMN app_user.password_changed_at IS 'Lần đổi mật khẩu gần nhất';
COMMENT ON COLUMN app_user.is_active IS 'Còn hoạt động (false: đã khoá tài khoản)';
COMMENT ON COLUMN app_user.failed_login_count IS 'Số lần đăng nhập sai liên tiếp';
COMMENT ON COLUMN app_user.locked_until IS 'Tạm khoá đăng nhập đến thời điểm này';
COMMENT ON COLUMN app_user.mfa_secret_enc IS 'Khoá TOTP đã mã hoá AES-256-GCM';
COMMENT ON COLUMN app_user.mfa_enabled IS 'Đã bật xác thực hai lớp';
COMMENT ON COLUMN app_user.last_login_at IS 'Lần đăng nhập thành công gần nhất';
COMMENT ON COLUMN app_user.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN app_user.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN app_user.updated_at IS 'Thời điểm cập nhật';
CREATE INDEX app_user_unit ON app_user (unit_id);

CREATE TABLE user_role (
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role_code text NOT NULL REFERENCES role (code),
  PRIMARY KEY (user_id, role_code)
);
COMMENT ON TABLE user_role IS 'Vai trò được gán cho người dùng';
COMMENT ON COLUMN user_role.user_id IS 'Người dùng';
COMMENT ON COLUMN user_role.role_code IS 'Vai trò';

CREATE TABLE mfa_recovery_code (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz
);
COMMENT ON TABLE mfa_recovery_code IS 'Mã khôi phục xác thực hai lớp (dùng một lần)';
COMMENT ON COLUMN mfa_recovery_code.id IS 'Khoá';
COMMENT ON COLUMN mfa_recovery_code.user_id IS 'Người dùng';
COMMENT ON COLUMN mfa_recovery_code.code_hash IS 'Băm SHA-256 của mã';
COMMENT ON COLUMN mfa_recovery_code.used_at IS 'Thời điểm đã dùng';
CREATE INDEX mfa_recovery_code_user ON mfa_recovery_code (user_id);

CREATE TABLE user_session (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage IN ('active', 'mfa', 'mfa_enrol')),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip text,
  user_agent text,
  mfa_attempts integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE user_session IS 'Phiên đăng nhập (cookie httpOnly); hết hạn sau 30 phút không hoạt động, tối đa 12 giờ';
COMMENT ON COLUMN user_session.id IS 'SHA-256 của mã phiên (mã gốc chỉ nằm trong cookie)';
COMMENT ON COLUMN user_session.user_id IS 'Người dùng';
COMMENT ON COLUMN user_session.stage IS 'active; mfa: chờ mã xác thực; mfa_enrol: phải đăng ký 2FA';
COMMENT ON COLUMN user_session.csrf_token IS 'Mã chống giả mạo yêu cầu (gửi trong header x-csrf-token)';
COMMENT ON COLUMN user_session.created_at IS 'Thời điểm đăng nhập';
COMMENT ON COLUMN user_session.last_seen_at IS 'Lần hoạt động gần nhất';
COMMENT ON COLUMN user_session.ip IS 'Địa chỉ IP khi đăng nhập';
COMMENT ON COLUMN user_session.user_agent IS 'Trình duyệt khi đăng nhập';
COMMENT ON COLUMN user_session.mfa_attempts IS 'Số lần nhập sai mã xác thực trong phiên';
CREATE INDEX user_session_user ON user_session (user_id);

-- Audit ------------------------------------------------------------------------------------

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_username text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  unit_id integer,
  diff jsonb,
  request_id text,
  ip text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
COMMENT ON TABLE audit_log IS 'Nhật ký thay đổi, ghi trong cùng giao dịch với thay đổi, nối chuỗi băm để phát hiện sửa/xoá';
COMMENT ON COLUMN audit_log.id IS 'Số thứ tự';
COMMENT ON COLUMN audit_log.occurred_at IS 'Thời điểm';
COMMENT ON COLUMN audit_log.actor_user_id IS 'Người thực hiện (NULL: hệ thống)';
COMMENT ON COLUMN audit_log.actor_username IS 'Tên đăng nhập người thực hiện';
COMMENT ON COLUMN audit_log.action IS 'Hành động (user.create, auth.login, ...)';
COMMENT ON COLUMN audit_log.entity_type IS 'Loại đối tượng';
COMMENT ON COLUMN audit_log.entity_id IS 'Khoá đối tượng';
COMMENT ON COLUMN audit_log.unit_id IS 'Đơn vị của đối tượng (để lọc theo phạm vi)';
COMMENT ON COLUMN audit_log.diff IS 'Trước/sau của các trường thay đổi; trường nhạy cảm được che';
COMMENT ON COLUMN audit_log.request_id IS 'Mã yêu cầu HTTP';
COMMENT ON COLUMN audit_log.ip IS 'Địa chỉ IP';
COMMENT ON COLUMN audit_log.prev_hash IS 'Băm của dòng trước';
COMMENT ON COLUMN audit_log.hash IS 'SHA-256 của dòng này cùng prev_hash';
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);

CREATE TABLE read_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  user_id uuid NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  reason text,
  request_id text,
  ip text
);
COMMENT ON TABLE read_log IS 'Nhật ký truy cập dữ liệu nhạy cảm (ai, khi nào, vì sao)';
COMMENT ON COLUMN read_log.id IS 'Số thứ tự';
COMMENT ON COLUMN read_log.occurred_at IS 'Thời điểm';
COMMENT ON COLUMN read_log.user_id IS 'Người xem';
COMMENT ON COLUMN read_log.entity_type IS 'Loại đối tượng';
COMMENT ON COLUMN read_log.entity_id IS 'Khoá đối tượng';
COMMENT ON COLUMN read_log.reason IS 'Lý do truy cập';
COMMENT ON COLUMN read_log.request_id IS 'Mã yêu cầu HTTP';
COMMENT ON COLUMN read_log.ip IS 'Địa chỉ IP';
CREATE INDEX read_log_entity ON read_log (entity_type, entity_id);

CREATE TABLE idempotency_key (
  user_id uuid NOT NULL,
  key text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
COMMENT ON TABLE idempotency_key IS 'Kết quả của POST có Idempotency-Key, để gửi lại không tạo bản ghi trùng';
COMMENT ON COLUMN idempotency_key.user_id IS 'Người gửi';
COMMENT ON COLUMN idempotency_key.key IS 'Giá trị header Idempotency-Key';
COMMENT ON COLUMN idempotency_key.method IS 'Phương thức HTTP';
COMMENT ON COLUMN idempotency_key.path IS 'Đường dẫn';
COMMENT ON COLUMN idempotency_key.request_hash IS 'SHA-256 của thân yêu cầu';
COMMENT ON COLUMN idempotency_key.status IS 'Mã trạng thái đã trả';
COMMENT ON COLUMN idempotency_key.body IS 'Nội dung đã trả';
COMMENT ON COLUMN idempotency_key.created_at IS 'Thời điểm';
