import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeError } from './errors';
import { ApiError } from './problem';

const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('describeError', () => {
  it('joins the title and the detail of a problem', () => {
    const error = new ApiError({
      status: 401,
      title: 'Đăng nhập không thành công',
      detail: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    expect(describeError(error, t)).toBe(
      'Đăng nhập không thành công: Tên đăng nhập hoặc mật khẩu không đúng.',
    );
  });

  it('words a stale version as a conflict to reload', () => {
    const error = new ApiError({
      status: 409,
      title: 'Dữ liệu đã bị thay đổi',
      detail: 'x',
      type: '/problems/version-conflict',
    });
    expect(describeError(error, t)).toBe('errors.conflict');
  });

  it('adds the waiting time to a rate limit without explanation', () => {
    const error = new ApiError({ status: 429, title: 'Quá nhiều yêu cầu', retryAfter: 120 });
    expect(describeError(error, t)).toBe('Quá nhiều yêu cầu errors.retryAfter {"minutes":2}');
  });

  it('never shows a raw exception', () => {
    expect(describeError(new TypeError('x is undefined'), t)).toBe('errors.unexpected');
  });
});
