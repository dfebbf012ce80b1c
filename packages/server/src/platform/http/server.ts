import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/sessions';
import type { AppContext } from '../context';
import { type Lang, pickLang } from '../i18n/messages';
import { AppError } from './errors';
import { findIdempotentReply, saveIdempotentReply } from './idempotency';
import { appErrorBody, parseOrThrow, problemBody, sendProblem, ValidationFailure } from './problem';
import type { Actor, RequestMeta, RouteDef } from './route';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const IdempotencyKey = z.string().max(200);
const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    actor?: Actor;
  }
}

function metaOf(req: FastifyRequest): RequestMeta {
  return { requestId: String(req.id), ip: req.ip, lang: req.lang, userAgent: req.headers['user-agent'] };
}

/** Maps Fastify's own client errors (bad JSON, wrong content type, huge body) to problem codes. */
function classifyFastifyError(error: { code?: string; statusCode?: number }) {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'bad_json' as const };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type' as const };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'bad_request' as const };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'payload_too_large' as const };
  }
  if (error instanceof SyntaxError) return { status: 400, code: 'bad_json' as const };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    if (error.statusCode === 429) return { status: 429, code: 'rate_limited' as const };
    if (error.statusCode === 404) return { status: 404, code: 'not_found' as const };
    return { status: error.statusCode, code: 'validation' as const };
  }
  return undefined;
}

/** Creates the Fastify instance with logging, error handling, security headers and the web app. */
export async function createHttpServer(
  ctx: AppContext,
  opts: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: ctx.config.logLevel,
            // No personal data in logs: no bodies, no cookies, no query strings with names.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
            serializers: {
              req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0], ip: req.ip }),
            },
          },
    bodyLimit: 1_048_576,
    trustProxy: ctx.config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });

  // The API speaks JSON only: without this, a text/plain body reached the routes as a string.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('lang', 'vi');
  app.addHook('onRequest', async (req, reply) => {
    req.lang = pickLang(req.headers['accept-language']);
    reply.header('x-request-id', String(req.id));
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler((error, req, reply) => {
    const requestId = String(req.id);
    const lang = req.lang ?? 'vi';
    if (error instanceof AppError)
      return sendProblem(reply, appErrorBody(error, lang, requestId), error.headers);
    if (error instanceof ValidationFailure) {
      return sendProblem(reply, problemBody('validation', 400, lang, requestId, {}, error.errors));
    }
    const known = classifyFastifyError(error as { code?: string; statusCode?: number });
    if (known) return sendProblem(reply, problemBody(known.code, known.status, lang, requestId));
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problemBody('internal', 500, lang, requestId));
  });

  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith('/api/') || req.method !== 'GET';
    const index = path.join(ctx.config.webDist, 'index.html');
    if (!isApi && fs.existsSync(index)) {
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(fs.createReadStream(index));
    }
    return sendProblem(reply, problemBody('not_found', 404, req.lang ?? 'vi', String(req.id)));
  });

  // Files uploaded as the raw request body (imports); only routes that declare `consumes` read them.
  app.addContentTypeParser(
    [...UPLOAD_TYPES, ...PHOTO_UPLOAD_TYPES],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError(429, 'rate_limited', { seconds }, [], { 'retry-after': String(seconds) });
    },
  });

  if (fs.existsSync(ctx.config.webDist)) {
    await app.register(fastifyStatic, {
      root: ctx.config.webDist,
      wildcard: false,
      index: false,
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
    app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').sendFile('index.html'));
  }
  return app;
}

/** Checks the caller against the route's access rule; returns the actor when signed in. */
async function authorize(ctx: AppContext, route: RouteDef, req: FastifyRequest): Promise<Actor | undefined> {
  const access = route.access;
  if ('public' in access) return undefined;
  const actor = await ctx.sessions.resolve(req.cookies[SESSION_COOKIE]);
  if (!actor) throw new AppError(401, 'unauthenticated');
  if (MUTATING.has(route.method) && req.headers['x-csrf-token'] !== actor.csrfToken) {
    throw new AppError(403, 'csrf');
  }
  if ('session' in access) return actor;
  if (actor.stage !== 'active') throw new AppError(401, 'mfa_required');
  if (actor.mustChangePassword) throw new AppError(403, 'password_change_required');
  if ('permission' in access && !actor.permissions.has(access.permission))
    throw new AppError(403, 'forbidden');
  return actor;
}

/** Registers routes: authorize, validate input, delegate, validate output, reply. */
/** Content types a route may declare in `consumes`. */
export const UPLOAD_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/octet-stream',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

/** Photos, read as raw bodies too; only routes that list them in `consumes` (evidence) take them. */
export const PHOTO_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

function assertUpload(types: string[], req: FastifyRequest) {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!types.includes(type) || !Buffer.isBuffer(req.body) || req.body.length === 0) {
    throw new AppError(415, 'unsupported_upload', { types: types.join(', ') });
  }
}

export function registerRoutes(app: FastifyInstance, ctx: AppContext, routes: RouteDef[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.consumes ? { bodyLimit: route.consumes.maxBytes } : {}),
      config: route.rateLimit
        ? { rateLimit: { max: route.rateLimit.max, timeWindow: route.rateLimit.timeWindowMs } }
        : {},
      handler: async (req, reply) => {
        const actor = await authorize(ctx, route, req);
        req.actor = actor;
        const meta = metaOf(req);
        const params = route.params ? parseOrThrow(route.params, req.params, meta.lang, 'params') : {};
        const query = route.query ? parseOrThrow(route.query, req.query ?? {}, meta.lang, 'query') : {};
        if (route.consumes) assertUpload(route.consumes.types, req);
        const body = route.body ? parseOrThrow(route.body, req.body ?? {}, meta.lang, 'body') : undefined;
        const status = route.status ?? 200;

        const key = req.headers['idempotency-key'];
        const useIdempotency =
          route.method === 'POST' &&
          route.idempotent !== false &&
          actor &&
          typeof key === 'string' &&
          key.length > 0;
        const request = { method: route.method, path: req.url.split('?')[0] ?? req.url, body: req.body };
        if (useIdempotency) {
          parseOrThrow(IdempotencyKey, key, meta.lang, 'headers.idempotency-key');
          const previous = await findIdempotentReply(ctx.db, actor.userId, key, request);
          if (previous)
            return reply.code(previous.status).header('idempotent-replayed', 'true').send(previous.body);
        }

        const result = await route.handler({ params, query, body, actor, meta, req, reply });
        if (route.produces) return reply.code(status).send(result);
        const output = route.response.parse(result);
        if (useIdempotency)
          await saveIdempotentReply(ctx.db, actor.userId, key, request, { status, body: output });
        if (reply.sent) return reply;
        return reply.code(status).send(output);
      },
    });
  }
}
