import { Problem } from '@tuoitho/domain';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * An error answered by the API (RFC 9457 problem details) or a failure to reach it. `status` is
 * 0 when the server could not be reached and -1 when its answer did not match the contract.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;
  /** Seconds to wait before trying again (from `Retry-After`), for 429 and 503 answers. */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    title: string;
    detail?: string | undefined;
    type?: string;
    fieldErrors?: FieldError[];
    requestId?: string | undefined;
    retryAfter?: number | undefined;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type ?? 'about:blank';
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Reads `Retry-After` given in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Builds an ApiError from an error answer. The body is used when it is a valid problem document;
 * otherwise (a proxy's HTML page, an empty body) the error keeps the HTTP status and `fallbackTitle`.
 */
export function problemToError(
  status: number,
  body: unknown,
  fallbackTitle: string,
  retryAfter?: number,
): ApiError {
  const parsed = Problem.safeParse(body);
  if (!parsed.success) return new ApiError({ status, title: fallbackTitle, retryAfter });
  const problem = parsed.data;
  return new ApiError({
    status,
    title: problem.title,
    detail: problem.detail,
    type: problem.type,
    fieldErrors: problem.errors ?? [],
    requestId: problem.requestId,
    retryAfter,
  });
}

/**
 * Splits a field error path into form name segments: `newPassword`, `roles.0`, `/roles/0` and
 * `body.username` all become names an antd Form understands.
 */
export function fieldPathToName(path: string): (string | number)[] {
  const segments = path
    .replace(/^\/+/, '')
    .split(/[./]|\[(\d+)\]/)
    .filter((segment): segment is string => segment !== undefined && segment !== '');
  if (segments[0] === 'body') segments.shift();
  return segments.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export interface FieldErrorGroup {
  name: (string | number)[];
  errors: string[];
}

/** Groups field errors by field, keeping every message (a password may break several rules). */
export function groupFieldErrors(fieldErrors: readonly FieldError[]): FieldErrorGroup[] {
  const groups = new Map<string, FieldErrorGroup>();
  for (const fieldError of fieldErrors) {
    const name = fieldPathToName(fieldError.path);
    const key = name.join('.');
    const group = groups.get(key) ?? { name, errors: [] };
    if (!group.errors.includes(fieldError.message)) group.errors.push(fieldError.message);
    groups.set(key, group);
  }
  return [...groups.values()];
}
