-- Parts of a case beside its action history (Luật Trẻ em 2016 Điều 47–52, 60–63; Nghị định
-- 56/2017): the people involved, referrals to service providers of the directory, and alternative
-- care placements with their visits. Personal details and narratives are encrypted at rest
-- (AES-256-GCM, 'v1.' prefix); the providers are public organisations and stay in clear.

CREATE TABLE service_provider (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id integer NOT NULL REFERENCES admin_unit (id),
  kind text NOT NULL CHECK (kind IN (
    'health_station', 'hospital', 'police', 'legal_aid', 'social_assistance', 'school',
    'counselling', 'womens_union', 'hotline_111', 'other'
  )),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  address text,
  phone text,
  contact_person text,
  note text,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE service_provider IS 'Danh bạ cơ quan, tổ chức cung cấp dịch vụ bảo vệ trẻ em để chuyển gửi (trạm y tế, bệnh viện, công an, trợ giúp pháp lý, cơ sở trợ giúp xã hội…); đơn vị cấp tỉnh phục vụ mọi xã, phường của tỉnh';
COMMENT ON COLUMN service_provider.id IS 'Khóa';
COMMENT ON COLUMN service_provider.unit_id IS 'Xã, phường hoặc tỉnh nơi cơ sở phục vụ (cấp tỉnh: dùng được cho mọi xã, phường của tỉnh)';
COMMENT ON COLUMN service_provider.kind IS 'Loại cơ sở: health_station, hospital, police, legal_aid, social_assistance, school, counselling, womens_union, hotline_111, other';
COMMENT ON COLUMN service_provider.name IS 'Tên cơ sở (tổ chức công, không phải dữ liệu cá nhân)';
COMMENT ON COLUMN service_provider.address IS 'Địa chỉ liên hệ';
COMMENT ON COLUMN service_provider.phone IS 'Số điện thoại liên hệ của cơ sở';
COMMENT ON COLUMN service_provider.contact_person IS 'Đầu mối liên hệ (chức danh hoặc tên cán bộ đầu mối)';
COMMENT ON COLUMN service_provider.note IS 'Ghi chú (giờ làm việc, dịch vụ cung cấp…)';
COMMENT ON COLUMN service_provider.is_active IS 'Còn sử dụng để chuyển gửi';
COMMENT ON COLUMN service_provider.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN service_provider.created_at IS 'Thời điểm tạo';
COMMENT ON COLUMN service_provider.created_by IS 'Người tạo';
COMMENT ON COLUMN service_provider.updated_at IS 'Thời điểm cập nhật gần nhất';
CREATE INDEX service_provider_unit ON service_provider (unit_id, kind);

CREATE TABLE case_person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES child_case (id),
  role text NOT NULL CHECK (role IN ('child', 'caregiver', 'alleged_perpetrator', 'other')),
  child_id uuid REFERENCES child (id),
  details_encrypted text NOT NULL CHECK (details_encrypted LIKE 'v1.%'),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  removed_at timestamptz,
  removed_by uuid REFERENCES app_user (id),
  CHECK (child_id IS NULL OR role = 'child'),
  CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
COMMENT ON TABLE case_person IS 'Những người liên quan đến vụ việc (trẻ em khác, người chăm sóc, người bị nghi gây hại…); gỡ bỏ là đánh dấu, lịch sử được giữ lại';
COMMENT ON COLUMN case_person.id IS 'Khóa';
COMMENT ON COLUMN case_person.case_id IS 'Vụ việc';
COMMENT ON COLUMN case_person.role IS 'Vai trò trong vụ việc: child (trẻ em khác), caregiver (người chăm sóc), alleged_perpetrator (người bị nghi gây hại), other (khác)';
COMMENT ON COLUMN case_person.child_id IS 'Trẻ em trong sổ theo dõi (chỉ với vai trò child)';
COMMENT ON COLUMN case_person.details_encrypted IS 'Thông tin người liên quan (JSON: họ tên, quan hệ, năm sinh, điện thoại, địa chỉ, ghi chú), mã hóa AES-256-GCM';
COMMENT ON COLUMN case_person.created_at IS 'Thời điểm thêm';
COMMENT ON COLUMN case_person.created_by IS 'Người thêm';
COMMENT ON COLUMN case_person.removed_at IS 'Thời điểm gỡ khỏi vụ việc (NULL: còn liên quan)';
COMMENT ON COLUMN case_person.removed_by IS 'Người gỡ khỏi vụ việc';
CREATE INDEX case_person_case ON case_person (case_id);

CREATE TABLE case_referral (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES child_case (id),
  provider_id uuid NOT NULL REFERENCES service_provider (id),
  status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'done')),
  reason_encrypted text NOT NULL CHECK (reason_encrypted LIKE 'v1.%'),
  referred_at timestamptz NOT NULL DEFAULT now(),
  referred_by uuid REFERENCES app_user (id),
  responded_at timestamptz,
  done_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
COMMENT ON TABLE case_referral IS 'Chuyển gửi trẻ em đến cơ quan, tổ chức cung cấp dịch vụ (Luật Trẻ em Điều 48–50; Nghị định 56/2017)';
COMMENT ON COLUMN case_referral.id IS 'Khóa';
COMMENT ON COLUMN case_referral.case_id IS 'Vụ việc';
COMMENT ON COLUMN case_referral.provider_id IS 'Cơ sở nhận chuyển gửi';
COMMENT ON COLUMN case_referral.status IS 'Trạng thái: pending (chờ trả lời), accepted (đã nhận), declined (từ chối), done (đã cung cấp dịch vụ)';
COMMENT ON COLUMN case_referral.reason_encrypted IS 'Lý do, nhu cầu chuyển gửi, mã hóa AES-256-GCM';
COMMENT ON COLUMN case_referral.referred_at IS 'Thời điểm chuyển gửi';
COMMENT ON COLUMN case_referral.referred_by IS 'Người chuyển gửi';
COMMENT ON COLUMN case_referral.responded_at IS 'Thời điểm cơ sở trả lời (nhận hoặc từ chối)';
COMMENT ON COLUMN case_referral.done_at IS 'Thời điểm hoàn thành dịch vụ';
COMMENT ON COLUMN case_referral.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
CREATE INDEX case_referral_case ON case_referral (case_id);
CREATE INDEX case_referral_provider ON case_referral (provider_id);

CREATE TABLE case_referral_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES case_referral (id),
  status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'done')),
  note_encrypted text CHECK (note_encrypted LIKE 'v1.%'),
  at timestamptz NOT NULL DEFAULT now(),
  by uuid REFERENCES app_user (id)
);
COMMENT ON TABLE case_referral_event IS 'Diễn biến của một lần chuyển gửi, chỉ thêm không sửa';
COMMENT ON COLUMN case_referral_event.id IS 'Khóa';
COMMENT ON COLUMN case_referral_event.referral_id IS 'Lần chuyển gửi';
COMMENT ON COLUMN case_referral_event.status IS 'Trạng thái sau sự kiện';
COMMENT ON COLUMN case_referral_event.note_encrypted IS 'Ghi chú kèm theo, mã hóa AES-256-GCM';
COMMENT ON COLUMN case_referral_event.at IS 'Thời điểm ghi nhận';
COMMENT ON COLUMN case_referral_event.by IS 'Người ghi nhận';
CREATE INDEX case_referral_event_referral ON case_referral_event (referral_id, at);

CREATE TABLE case_placement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES child_case (id),
  kind text NOT NULL CHECK (kind IN ('kinship', 'non_relative_family', 'facility')),
  provider_id uuid REFERENCES service_provider (id),
  carer_encrypted text CHECK (carer_encrypted LIKE 'v1.%'),
  art63 jsonb,
  start_date date NOT NULL,
  planned_end_date date,
  end_date date,
  end_reason_encrypted text CHECK (end_reason_encrypted LIKE 'v1.%'),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES app_user (id),
  CHECK (kind <> 'facility' OR provider_id IS NOT NULL),
  CHECK (kind = 'facility' OR (carer_encrypted IS NOT NULL AND art63 IS NOT NULL)),
  CHECK (planned_end_date IS NULL OR planned_end_date >= start_date),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((end_date IS NULL) = (end_reason_encrypted IS NULL))
);
COMMENT ON TABLE case_placement IS 'Chăm sóc thay thế của trẻ em trong vụ việc (Luật Trẻ em Điều 60–63): người thân thích, cá nhân/gia đình không phải người thân thích, hoặc cơ sở trợ giúp xã hội';
COMMENT ON COLUMN case_placement.id IS 'Khóa';
COMMENT ON COLUMN case_placement.case_id IS 'Vụ việc';
COMMENT ON COLUMN case_placement.kind IS 'Hình thức: kinship (người thân thích), non_relative_family (cá nhân, gia đình không phải người thân thích), facility (cơ sở trợ giúp xã hội)';
COMMENT ON COLUMN case_placement.provider_id IS 'Cơ sở nhận chăm sóc (bắt buộc với hình thức facility)';
COMMENT ON COLUMN case_placement.carer_encrypted IS 'Người nhận chăm sóc thay thế (JSON: họ tên, quan hệ với trẻ, địa chỉ, điện thoại), mã hóa AES-256-GCM';
COMMENT ON COLUMN case_placement.art63 IS 'Các điều kiện của Điều 63 Luật Trẻ em đã được kiểm tra (JSON giá trị đúng/sai, không chứa dữ liệu cá nhân); bắt buộc với chăm sóc tại gia đình';
COMMENT ON COLUMN case_placement.start_date IS 'Ngày bắt đầu chăm sóc thay thế';
COMMENT ON COLUMN case_placement.planned_end_date IS 'Ngày dự kiến kết thúc';
COMMENT ON COLUMN case_placement.end_date IS 'Ngày chấm dứt chăm sóc thay thế (NULL: đang chăm sóc)';
COMMENT ON COLUMN case_placement.end_reason_encrypted IS 'Lý do chấm dứt, mã hóa AES-256-GCM';
COMMENT ON COLUMN case_placement.version IS 'Phiên bản để kiểm soát cập nhật đồng thời';
COMMENT ON COLUMN case_placement.created_at IS 'Thời điểm ghi';
COMMENT ON COLUMN case_placement.created_by IS 'Người ghi';
CREATE INDEX case_placement_case ON case_placement (case_id);
-- One current placement per case at a time.
CREATE UNIQUE INDEX case_placement_one_current ON case_placement (case_id) WHERE end_date IS NULL;

CREATE TABLE case_placement_visit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  placement_id uuid NOT NULL REFERENCES case_placement (id),
  visited_on date NOT NULL,
  notes_encrypted text NOT NULL CHECK (notes_encrypted LIKE 'v1.%'),
  by uuid REFERENCES app_user (id),
  at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE case_placement_visit IS 'Các lần thăm, giám sát trẻ em đang được chăm sóc thay thế';
COMMENT ON COLUMN case_placement_visit.id IS 'Khóa';
COMMENT ON COLUMN case_placement_visit.placement_id IS 'Chăm sóc thay thế được thăm';
COMMENT ON COLUMN case_placement_visit.visited_on IS 'Ngày thăm';
COMMENT ON COLUMN case_placement_visit.notes_encrypted IS 'Ghi nhận khi thăm, mã hóa AES-256-GCM';
COMMENT ON COLUMN case_placement_visit.by IS 'Người thăm, ghi nhận';
COMMENT ON COLUMN case_placement_visit.at IS 'Thời điểm ghi';
CREATE INDEX case_placement_visit_placement ON case_placement_visit (placement_id, visited_on);
