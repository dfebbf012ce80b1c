import { validationMessages } from '@tuoitho/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { fieldMessages, format, type Lang, type ProblemCode, problemMessages } from '../i18n/messages';
import { AppError } from './errors';

type FieldProblem = { path: string; message: string };

const zodLocales = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

/** Zod's own messages in a language; custom rules carry a key of `validationMessages` instead. */
export function zodErrorMap(lang: Lang): z.core.$ZodErrorMap {
  return (issue) => zodLocales[lang](issue);
}

/** Thrown when a request part fails its schema; carries already translated field messages. */
export class ValidationFailure extends Error {
  constructor(readonly errors: FieldProblem[]) {
    super('validation');
  }
}

/** Paths of the strings holding U+0000, which PostgreSQL can store neither in text nor in jsonb. */
function nulPaths(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulPaths(v, `${path}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => nulPaths(v, `${path}.${k}`));
  }
  return [];
}

/** Parses one part of a request; `prefix` names it in error paths (`body.password`). */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  value: unknown,
  lang: Lang,
  prefix: string,
): z.output<T> {
  const nul = nulPaths(value, prefix);
  if (nul.length > 0) {
    throw new ValidationFailure(nul.map((path) => ({ path, message: fieldMessages.nul_character[lang] })));
  }
  const result = schema.safeParse(value, { error: zodErrorMap(lang) });
  if (result.success) return result.data;
  throw new ValidationFailure(
    result.error.issues.map((issue) => ({
      path: [prefix, ...issue.path.map(String)].join('.'),
      message: validationMessages[issue.message]?.[lang] ?? issue.message,
    })),
  );
}

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId: string;
  errors?: FieldProblem[];
};

/** Builds an RFC 9457 body for a problem code in a language. */
export function problemBody(
  code: ProblemCode,
  status: number,
  lang: Lang,
  requestId: string,
  params: Record<string, string | number> = {},
  errors?: FieldProblem[],
): ProblemBody {
  const m = problemMessages[code];
  return {
    type: `/problems/${code.replaceAll('_', '-')}`,
    title: m.title[lang],
    status,
    detail: format(m.detail[lang], { requestId, ...params }),
    requestId,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** Turns an AppError into its problem body, translating its field errors. */
export function appErrorBody(error: AppError, lang: Lang, requestId: string): ProblemBody {
  const errors = error.fieldErrors.map((f) => ({ path: f.path, message: fieldMessages[f.code][lang] }));
  return problemBody(error.code, error.status, lang, requestId, error.params, errors);
}

export function sendProblem(reply: FastifyReply, body: ProblemBody, headers: Record<string, string> = {}) {
  return reply.code(body.status).headers(headers).type('application/problem+json; charset=utf-8').send(body);
}

export { AppError };
