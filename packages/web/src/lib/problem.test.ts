import { describe, expect, it } from 'vitest';
import { fieldPathToName, groupFieldErrors, parseRetryAfter, problemToError } from './problem';

describe('problemToError', () => {
  it('keeps title, detail and field errors of a problem document', () => {
    const error = problemToError(
      400,
      {
        type: 'https://tuoitho.vn/problems/validation',
        title: 'Dữ liệu không hợp lệ',
        status: 400,
        detail: 'Vui lòng kiểm tra các trường được đánh dấu',
        errors: [{ path: 'newPassword', message: 'Mật khẩu phải có chữ hoa' }],
      },
      'Máy chủ báo lỗi',
    );
    expect(error.status).toBe(400);
    expect(error.title).toBe('Dữ liệu không hợp lệ');
    expect(error.detail).toBe('Vui lòng kiểm tra các trường được đánh dấu');
    expect(error.fieldErrors).toEqual([{ path: 'newPassword', message: 'Mật khẩu phải có chữ hoa' }]);
    expect(error.message).toBe('Vui lòng kiểm tra các trường được đánh dấu');
  });

  it('falls back to the status when the body is not a problem (a proxy page)', () => {
    const error = problemToError(502, '<html>Bad gateway</html>', 'Máy chủ báo lỗi (mã 502)', 30);
    expect(error.status).toBe(502);
    expect(error.title).toBe('Máy chủ báo lỗi (mã 502)');
    expect(error.fieldErrors).toEqual([]);
    expect(error.retryAfter).toBe(30);
  });
});

describe('field error paths', () => {
  it('understands dotted paths, JSON pointers and a body prefix', () => {
    expect(fieldPathToName('newPassword')).toEqual(['newPassword']);
    expect(fieldPathToName('roles.0')).toEqual(['roles', 0]);
    expect(fieldPathToName('/roles/1')).toEqual(['roles', 1]);
    expect(fieldPathToName('body.username')).toEqual(['username']);
    expect(fieldPathToName('roles[2]')).toEqual(['roles', 2]);
  });

  it('groups several broken rules of one field, without repeats', () => {
    const groups = groupFieldErrors([
      { path: 'newPassword', message: 'Mật khẩu phải có chữ hoa' },
      { path: 'newPassword', message: 'Mật khẩu phải có chữ số' },
      { path: 'newPassword', message: 'Mật khẩu phải có chữ số' },
      { path: 'email', message: 'Địa chỉ email không hợp lệ' },
    ]);
    expect(groups).toEqual([
      { name: ['newPassword'], errors: ['Mật khẩu phải có chữ hoa', 'Mật khẩu phải có chữ số'] },
      { name: ['email'], errors: ['Địa chỉ email không hợp lệ'] },
    ]);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('sớm thôi')).toBeUndefined();
  });
});
