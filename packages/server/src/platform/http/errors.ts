import type { FieldMessageCode, ProblemCode } from '../i18n/messages';

export type FieldError = { path: string; code: FieldMessageCode };

/**
 * An expected failure with a problem code; the error handler turns it into problem+json in the
 * caller's language. Anything else that is thrown becomes a 500 without details.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const outOfScope = () => new AppError(403, 'out_of_scope');
export const versionConflict = () => new AppError(409, 'version_conflict');
export const invalidField = (path: string, code: FieldMessageCode, status = 400) =>
  new AppError(status, 'validation', {}, [{ path, code }]);
