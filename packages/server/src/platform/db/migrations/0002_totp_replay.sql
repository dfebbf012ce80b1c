-- A TOTP code stays valid for about 90 seconds (one step either way); remembering the last time
-- step that signed in makes each code usable once.
ALTER TABLE app_user ADD COLUMN mfa_last_step bigint;
COMMENT ON COLUMN app_user.mfa_last_step IS 'Bước thời gian (30 giây) của mã TOTP dùng gần nhất, để mỗi mã chỉ dùng một lần';
