import type { Permission, SessionStage } from '@tuoitho/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Lang } from '../i18n/messages';

/** The signed-in caller, resolved from the session cookie by the auth hook. */
export type Actor = {
  sessionId: string;
  stage: SessionStage;
  csrfToken: string;
  userId: string;
  username: string;
  unitId: number;
  /** ltree path of the user's unit: every scoped query filters on `path <@ unitPath`. */
  unitPath: string;
  permissions: ReadonlySet<Permission>;
  mustChangePassword: boolean;
};

/**
 * Who may call an endpoint: anyone (`public`), any valid session whatever its stage
 * (`session`), a fully signed-in user (`user`), or a user holding a permission.
 */
export type Access = { public: true } | { session: true } | { user: true } | { permission: Permission };

export type RequestMeta = { requestId: string; ip: string; lang: Lang; userAgent: string | undefined };

export type RouteContext<P, Q, B> = {
  params: P;
  query: Q;
  body: B;
  actor: Actor | undefined;
  meta: RequestMeta;
  req: FastifyRequest;
  reply: FastifyReply;
};

/** The signed-in actor of a route whose access is not public. */
export function actorOf(ctx: { actor: Actor | undefined }): Actor {
  if (!ctx.actor) throw new Error('route declared public but needs an actor');
  return ctx.actor;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One endpoint: input, output, permission and OpenAPI description in one place. */
export type RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> = {
  method: HttpMethod;
  url: string;
  tags: string[];
  summary: string;
  description?: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: number;
  /**
   * A file instead of JSON (e.g. an Excel export): the content types the route may answer; the
   * handler sets the headers and returns the bytes, which are not validated against `response`.
   */
  produces?: string[];
  /**
   * A file as the request body (e.g. an Excel upload): the accepted content types and the size
   * limit. The handler receives the bytes as a Buffer in `req.body`; `body` must not be set.
   */
  consumes?: { types: string[]; maxBytes: number };
  /** Per-route rate limit (per IP), e.g. for login and public endpoints. */
  rateLimit?: { max: number; timeWindowMs: number };
  /** Accept `Idempotency-Key` on this POST (default true for POST with a signed-in user). */
  idempotent?: boolean;
  handler: (ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R>>;
};

/** Declares a route with full type inference from its schemas. */
export function defineRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(def: RouteDef<P, Q, B, R>): RouteDef {
  return def as unknown as RouteDef;
}
