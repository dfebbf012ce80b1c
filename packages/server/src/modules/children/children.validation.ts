import { AppError } from '../../platform/http/errors';
import type { RequestMeta } from '../../platform/http/route';
import type { FieldMessageCode } from '../../platform/i18n/messages';

/** A field-level problem of the registry (status 400 unless said otherwise). */
export function childValidation(_meta: RequestMeta, path: string, code: FieldMessageCode, status = 400) {
  return new AppError(status, 'validation', {}, [{ path, code }]);
}
