import { describe, expect, it } from 'vitest';
import {
  ChangePasswordRequest,
  checkPasswordPolicy,
  LoginRequest,
  MfaVerifyRequest,
  PASSWORD_MIN_LENGTH,
  PasswordRule,
  passwordPolicyMessages,
} from './auth';

describe('password policy', () => {
  it('accepts a long password with lower, upper, digit and symbol', () => {
    expect(checkPasswordPolicy('TuoiTho@2026')).toEqual([]);
    expect(checkPasswordPolicy('Thu-nghiem#2026', 'bimson.canbo')).toEqual([]);
  });

  it('counts Vietnamese letters as letters of their case', () => {
    // "Đ" is upper case, "ươ" lower case: no ASCII letter is needed.
    expect(checkPasswordPolicy('Đường-số-12')).toEqual([]);
  });

  it('names every broken rule at once', () => {
    expect(checkPasswordPolicy('abc')).toEqual(['too_short', 'needs_upper', 'needs_digit', 'needs_symbol']);
    expect(checkPasswordPolicy('')).toEqual([
      'too_short',
      'needs_lower',
      'needs_upper',
      'needs_digit',
      'needs_symbol',
    ]);
  });

  it('requires at least the minimum length, no more', () => {
    const atMinimum = `Aa1!${'x'.repeat(PASSWORD_MIN_LENGTH - 4)}`;
    expect(atMinimum).toHaveLength(PASSWORD_MIN_LENGTH);
    expect(checkPasswordPolicy(atMinimum)).toEqual([]);
    expect(checkPasswordPolicy(atMinimum.slice(1))).toContain('too_short');
  });

  it('refuses passwords longer than 128 characters', () => {
    const long = `Aa1!${'x'.repeat(125)}`;
    expect(long).toHaveLength(129);
    expect(checkPasswordPolicy(long)).toEqual(['too_long']);
    expect(checkPasswordPolicy(long.slice(0, 128))).toEqual([]);
  });

  it('checks each character class separately', () => {
    expect(checkPasswordPolicy('ALLUPPER@2026')).toEqual(['needs_lower']);
    expect(checkPasswordPolicy('alllower@2026')).toEqual(['needs_upper']);
    expect(checkPasswordPolicy('NoDigitsHere!')).toEqual(['needs_digit']);
    expect(checkPasswordPolicy('NoSymbols2026')).toEqual(['needs_symbol']);
  });

  it('refuses a password containing the username, ignoring case', () => {
    expect(checkPasswordPolicy('X-BimSon.CanBo-9', 'bimson.canbo')).toEqual(['contains_username']);
    // Very short usernames are not checked (every password would contain "a").
    expect(checkPasswordPolicy('TuoiTho@2026', 'tu')).toEqual([]);
    expect(checkPasswordPolicy('TuoiTho@2026')).toEqual([]);
  });

  it('has a Vietnamese and an English message for every rule', () => {
    for (const rule of PasswordRule.options) {
      expect(passwordPolicyMessages[rule].vi.length).toBeGreaterThan(0);
      expect(passwordPolicyMessages[rule].en.length).toBeGreaterThan(0);
      expect(passwordPolicyMessages[rule].vi).not.toBe(passwordPolicyMessages[rule].en);
    }
    expect(passwordPolicyMessages.too_short.vi).toBe(`Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`);
  });
});

describe('auth request schemas', () => {
  it('trims the username and bounds its length', () => {
    expect(LoginRequest.parse({ username: '  admin ', password: 'x' }).username).toBe('admin');
    expect(LoginRequest.safeParse({ username: 'a'.repeat(65), password: 'x' }).success).toBe(false);
    expect(LoginRequest.safeParse({ username: '   ', password: 'x' }).success).toBe(false);
    expect(LoginRequest.safeParse({ username: 'admin', password: '' }).success).toBe(false);
  });

  it('accepts a 6-digit code or a recovery code, nothing else', () => {
    expect(MfaVerifyRequest.safeParse({ code: '123456' }).success).toBe(true);
    expect(MfaVerifyRequest.safeParse({ code: 'K7M2Q-9XWPA' }).success).toBe(true);
    expect(MfaVerifyRequest.safeParse({ code: 'k7m2q9xwpa' }).success).toBe(true);
    for (const code of ['12345', '1234567', 'abc', "' OR 1=1 --"]) {
      const result = MfaVerifyRequest.safeParse({ code });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('mfa_code');
    }
  });

  it('requires both passwords of a change', () => {
    expect(ChangePasswordRequest.safeParse({ currentPassword: 'a' }).success).toBe(false);
    expect(ChangePasswordRequest.safeParse({ currentPassword: 'a', newPassword: 'b' }).success).toBe(true);
  });
});
