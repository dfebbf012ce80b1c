import { Problem } from '@tuoitho/domain';
import { z } from 'zod';
import type { RouteDef } from './route';

type JsonSchema = Record<string, unknown>;

/** Named schemas (zod `.meta({id})`), shared by every operation through `components.schemas`. */
type NamedSchemas = Record<string, JsonSchema>;

/**
 * The JSON Schema of a zod type. Zod puts named schemas in a local `$defs` referenced as
 * `#/$defs/Name`, which inside an OpenAPI document would point at the document root and not
 * resolve; they are moved to `components.schemas` and the references rewritten.
 */
function schemaOf(type: z.ZodType, io: 'input' | 'output', named: NamedSchemas): JsonSchema {
  const json = z.toJSONSchema(type, { io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  const { $schema: _, $defs, ...schema } = json as JsonSchema & { $defs?: NamedSchemas };
  const toComponents = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/'));
  for (const [name, def] of Object.entries($defs ?? {})) {
    const body = toComponents(def);
    const known = named[name];
    if (known && JSON.stringify(known) !== JSON.stringify(body)) {
      throw new Error(`OpenAPI: schema ${name} differs between uses (${io}); give each its own id`);
    }
    named[name] = body;
  }
  return toComponents(schema);
}

function parametersOf(type: z.ZodType | undefined, where: 'path' | 'query', named: NamedSchemas) {
  if (!type) return [];
  const json = schemaOf(type, 'input', named) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema,
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
  }));
}

function describeAccess(route: RouteDef): string {
  const a = route.access;
  if ('public' in a) return 'Công khai / public';
  if ('session' in a) return 'Cần phiên đăng nhập (kể cả đang chờ 2FA) / any session';
  if ('user' in a) return 'Người dùng đã đăng nhập / signed-in user';
  return `Quyền / permission: \`${a.permission}\``;
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate the routes. */
export function buildOpenApi(routes: RouteDef[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const named: NamedSchemas = {};
  const problem = { 'application/problem+json': { schema: schemaOf(Problem, 'output', named) } };
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const isPublic = 'public' in route.access;
    const operation: Record<string, unknown> = {
      tags: route.tags,
      summary: route.summary,
      description: [route.description, `**${describeAccess(route)}**`].filter(Boolean).join('\n\n'),
      operationId: `${route.method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [
        ...parametersOf(route.params, 'path', named),
        ...parametersOf(route.query, 'query', named),
        ...(route.method !== 'GET' && !isPublic
          ? [{ name: 'x-csrf-token', in: 'header', required: true, schema: { type: 'string' } }]
          : []),
        ...(route.method === 'POST' && route.idempotent !== false && !isPublic
          ? [
              {
                name: 'Idempotency-Key',
                in: 'header',
                required: false,
                schema: { type: 'string', maxLength: 200 },
              },
            ]
          : []),
      ],
      ...(route.consumes
        ? {
            requestBody: {
              required: true,
              description: `File, at most ${route.consumes.maxBytes} bytes`,
              content: Object.fromEntries(
                route.consumes.types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
              ),
            },
          }
        : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(route.body, 'input', named) } },
            },
          }
        : {}),
      responses: {
        [String(route.status ?? 200)]: {
          description: 'OK',
          content: route.produces
            ? Object.fromEntries(
                route.produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
              )
            : { 'application/json': { schema: schemaOf(route.response, 'output', named) } },
        },
        '4XX': { description: 'Lỗi yêu cầu / client error (RFC 9457)', content: problem },
      },
      ...(isPublic ? { security: [] } : {}),
    };
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tuổi Thơ API',
      version: info.version,
      description:
        'API của hệ thống quản lý chăm sóc, giáo dục và bảo vệ trẻ em Tuổi Thơ. Lỗi theo RFC 9457 ' +
        '(application/problem+json), tiếng Việt mặc định, tiếng Anh với `Accept-Language: en`.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/' }],
    components: {
      schemas: named,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tt_session' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
