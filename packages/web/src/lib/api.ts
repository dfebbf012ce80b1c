import i18n from '../i18n';
import { ApiError, parseRetryAfter, problemToError } from './problem';

export { ApiError, isApiError } from './problem';

const API_BASE = '/api/v1';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF token of the current session, kept in memory only (never in storage). */
let csrfToken: string | null = null;

/** Remembers the CSRF token that login and `GET /auth/session` return. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type QueryValue = string | number | boolean | null | undefined;

/** What the client needs of a domain (zod) schema: validate an answer and tell its type. */
export interface ResponseSchema {
  parse(data: unknown): unknown;
  safeParse(data: unknown): { success: true; data: unknown } | { success: false; error: { issues: unknown } };
}
export type Parsed<S extends ResponseSchema> = ReturnType<S['parse']>;

export interface RequestOptions<S extends ResponseSchema> {
  /** Schema of the answer; the body is validated so that contract drift fails loudly. */
  schema: S;
  query?: Record<string, QueryValue>;
  /** Sent as JSON; a Blob (an uploaded file) is sent as it is, with its own type. */
  body?: unknown;
  /** Sent as `Idempotency-Key` so that a retried POST is not applied twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** Builds `/api/v1/path?query`, leaving out empty query values. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Calls the API and returns the validated answer; every failure becomes an ApiError. */
export async function apiRequest<S extends ResponseSchema>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions<S>,
): Promise<Parsed<S>> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language === 'en' ? 'en' : 'vi',
  };
  const payload = options.body;
  if (payload instanceof Blob) headers['Content-Type'] = payload.type || 'application/octet-stream';
  else if (payload !== undefined) headers['Content-Type'] = 'application/json';
  if (MUTATING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: payload instanceof Blob || payload === undefined ? payload : JSON.stringify(payload),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, title: i18n.t('errors.network') });
  }

  const body = await readJson(response);
  if (!response.ok) {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    throw problemToError(
      response.status,
      body,
      i18n.t('errors.http', { status: response.status }),
      retryAfter,
    );
  }
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Phản hồi không đúng hợp đồng API: ${method} ${path}`, parsed.error.issues);
    throw new ApiError({ status: -1, title: i18n.t('errors.contract') });
  }
  return parsed.data as Parsed<S>;
}

export const api = {
  get: <S extends ResponseSchema>(path: string, options: RequestOptions<S>) =>
    apiRequest('GET', path, options),
  post: <S extends ResponseSchema>(path: string, options: RequestOptions<S>) =>
    apiRequest('POST', path, options),
  put: <S extends ResponseSchema>(path: string, options: RequestOptions<S>) =>
    apiRequest('PUT', path, options),
  patch: <S extends ResponseSchema>(path: string, options: RequestOptions<S>) =>
    apiRequest('PATCH', path, options),
};

/** A fresh key for `Idempotency-Key`; one per user intent (a form submission), reused on retry. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
