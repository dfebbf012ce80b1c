import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { secondsToMinutes } from './dates';
import { groupFieldErrors, isApiError } from './problem';

/** The sentence to show for a failed request: conflicts and rate limits get their own wording. */
export function describeError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  // A stale `version` (optimistic concurrency); other conflicts keep the server's own reason.
  if (error.status === 409 && (error.type.endsWith('version-conflict') || !error.detail))
    return t('errors.conflict');
  const text = error.detail && error.detail !== error.title ? `${error.title}: ${error.detail}` : error.title;
  if (error.status === 429 && error.retryAfter !== undefined && !error.detail) {
    return `${text} ${t('errors.retryAfter', { minutes: secondsToMinutes(error.retryAfter) })}`;
  }
  return text;
}

/**
 * Shows the server's field errors under the form's fields. Returns the messages of errors whose
 * field is not in the form, for a general alert.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
): string[] {
  if (!isApiError(error)) return [];
  const leftOver: string[] = [];
  const fields = [];
  for (const group of groupFieldErrors(error.fieldErrors)) {
    const top = group.name[0];
    if (typeof top === 'string' && fieldNames.includes(top)) {
      fields.push({ name: top, errors: group.errors });
    } else {
      leftOver.push(...group.errors);
    }
  }
  if (fields.length > 0) form.setFields(fields);
  return leftOver;
}
