import { Problem } from '@tuoitho/domain';
import { z } from 'zod';
import type { RouteDef } from './route';

type JsonSchema = Record<string, unknown>;

function schemaOf(type: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(type, { io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parametersOf(type: z.ZodType | undefined, where: 'path' | 'query') {
  if (!type) return [];
  const json = schemaOf(type, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
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
  const problem = { 'application/problem+json': { schema: schemaOf(Problem, 'output') } };
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const isPublic = 'public' in route.access;
    const operation: Record<string, unknown> = {
      tags: route.tags,
      summary: route.summary,
      description: [route.description, `**${describeAccess(route)}**`].filter(Boolean).join('\n\n'),
      operationId: `${route.method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [
        ...parametersOf(route.params, 'path'),
        ...parametersOf(route.query, 'query'),
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
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [String(route.status ?? 200)]: {
          description: 'OK',
          content: { 'application/json': { schema: schemaOf(route.response, 'output') } },
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
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tt_session' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
