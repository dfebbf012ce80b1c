import { z } from 'zod';
import { IsoDateTime } from './common';
import { Permission } from './permissions';

export const LoginRequest = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

/**
 * The stage of a session: `active` may use the API; `mfa` must first verify a TOTP or recovery
 * code; `mfa_enrol` must first enrol 2FA because a role of the user requires it.
 */
export const SessionStage = z.enum(['active', 'mfa', 'mfa_enrol']);
export type SessionStage = z.infer<typeof SessionStage>;

export const SessionUser = z
  .object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    unit: z.object({ id: z.number().int(), code: z.string(), fullName: z.string(), level: z.string() }),
    roles: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
    permissions: z.array(Permission),
    mfaEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionInfo = z
  .object({
    stage: SessionStage,
    csrfToken: z.string(),
    user: SessionUser,
    idleExpiresAt: IsoDateTime,
    absoluteExpiresAt: IsoDateTime,
    demoMode: z.boolean(),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const MfaVerifyRequest = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})$/, { message: 'mfa_code' }),
  })
  .meta({ id: 'MfaVerifyRequest' });
export type MfaVerifyRequest = z.infer<typeof MfaVerifyRequest>;

export const MfaEnrolment = z
  .object({ secret: z.string(), otpauthUrl: z.string(), qrCodeDataUrl: z.string() })
  .meta({ id: 'MfaEnrolment' });
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

export const MfaConfirmRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'totp_code' }),
});
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const MfaDisableRequest = z.object({ password: z.string().min(1).max(256) });

export const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** Password policy: violations are i18n keys (see `passwordPolicyMessages`). */
export const PasswordRule = z.enum([
  'too_short',
  'too_long',
  'needs_lower',
  'needs_upper',
  'needs_digit',
  'needs_symbol',
  'contains_username',
]);
export type PasswordRule = z.infer<typeof PasswordRule>;

export const PASSWORD_MIN_LENGTH = 10;

/** Checks a password against the policy; returns the broken rules (empty when it is acceptable). */
export function checkPasswordPolicy(password: string, username?: string): PasswordRule[] {
  const broken: PasswordRule[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) broken.push('too_short');
  if (password.length > 128) broken.push('too_long');
  if (!/\p{Ll}/u.test(password)) broken.push('needs_lower');
  if (!/\p{Lu}/u.test(password)) broken.push('needs_upper');
  if (!/\d/.test(password)) broken.push('needs_digit');
  if (!/[^\p{L}\d]/u.test(password)) broken.push('needs_symbol');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    broken.push('contains_username');
  }
  return broken;
}

export const passwordPolicyMessages: Record<PasswordRule, { vi: string; en: string }> = {
  too_short: {
    vi: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`,
    en: `Password must have at least ${PASSWORD_MIN_LENGTH} characters`,
  },
  too_long: { vi: 'Mật khẩu không được dài quá 128 ký tự', en: 'Password must not exceed 128 characters' },
  needs_lower: { vi: 'Mật khẩu phải có chữ thường', en: 'Password needs a lower-case letter' },
  needs_upper: { vi: 'Mật khẩu phải có chữ hoa', en: 'Password needs an upper-case letter' },
  needs_digit: { vi: 'Mật khẩu phải có chữ số', en: 'Password needs a digit' },
  needs_symbol: { vi: 'Mật khẩu phải có ký tự đặc biệt', en: 'Password needs a symbol' },
  contains_username: {
    vi: 'Mật khẩu không được chứa tên đăng nhập',
    en: 'Password must not contain the username',
  },
};
