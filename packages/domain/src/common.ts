import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` (no time zone). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** A timestamp in ISO 8601 with offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

export const Uuid = z.uuid();

/** Cursor pagination query (`?limit=&cursor=`), shared by every list endpoint. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of a list: `{items, nextCursor}`; `nextCursor` is null on the last page. */
export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** RFC 9457 problem details, with field-level errors for validation failures. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' });
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;

/**
 * Messages of the custom validation rules in this package, by key: schemas carry the key as
 * their message and the server translates it into the caller's language.
 */
export const validationMessages: Record<string, { vi: string; en: string }> = {
  unit_code: { vi: 'Mã đơn vị hành chính không hợp lệ', en: 'Invalid administrative unit code' },
  mfa_code: {
    vi: 'Mã xác thực gồm 6 chữ số hoặc mã khôi phục',
    en: 'Enter the 6-digit code or a recovery code',
  },
  username: {
    vi: 'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới',
    en: 'Username may only contain lower-case letters, digits, dots, hyphens and underscores',
  },
  email: { vi: 'Địa chỉ thư điện tử không hợp lệ', en: 'Invalid e-mail address' },
  phone: { vi: 'Số điện thoại không hợp lệ', en: 'Invalid phone number' },
  totp_code: { vi: 'Mã xác thực gồm 6 chữ số', en: 'The code has 6 digits' },
  role_code: {
    vi: 'Mã vai trò gồm chữ thường không dấu, chữ số và gạch dưới, bắt đầu bằng chữ',
    en: 'Role code: lower-case letters, digits and underscores, starting with a letter',
  },
};
