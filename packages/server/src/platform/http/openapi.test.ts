import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestEnv } from '../../../test/harness';
import { allRoutes } from '../../app';

let env: TestEnv;
type Operation = {
  operationId: string;
  summary: string;
  parameters: { name: string; in: string; required: boolean; schema: object }[];
  requestBody?: { content: { 'application/json': { schema: object } } };
  responses: Record<string, { content: Record<string, { schema: object }> }>;
  security?: unknown[];
};
type Document = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
};
let doc: Document;

beforeAll(async () => {
  env = await createTestApp();
  const res = await env.app.server.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(() => env.close());

/** The method and URL of every route Fastify actually serves, read from its route tree. */
function registeredRoutes(): string[] {
  const tree = env.app.server.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ├└─]*)(\S.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = Math.round((match[1] ?? '').length / 4);
    stack.length = depth;
    stack[depth] = match[2] ?? '';
    const url = `/${stack.join('')}`.replace(/^\/+/, '/');
    for (const method of (match[3] ?? '').split(', ')) routes.push(`${method} ${url}`);
  }
  return routes;
}

const toOpenApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1.0 with a title and the application version', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Tuổi Thơ API');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('describes every /api/v1 route that the server serves, and nothing else', () => {
    const served = registeredRoutes()
      .filter((r) => r.includes(' /api/v1/') && !r.startsWith('HEAD '))
      .map((r) => {
        const [method, url] = r.split(' ');
        return `${method} ${toOpenApiPath(url ?? '')}`;
      });
    expect(served).toContain('POST /api/v1/auth/logout-all');
    expect(served).toContain('POST /api/v1/users/{id}/reset-password');
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual([...new Set(served)].sort());
    expect(documented.length).toBeGreaterThanOrEqual(25);
  });

  it('gives each operation its input and output schemas, from the route declarations', () => {
    for (const route of allRoutes(env.app.ctx)) {
      const op = doc.paths[toOpenApiPath(route.url)]?.[route.method.toLowerCase()];
      const name = `${route.method} ${route.url}`;
      expect(op, name).toBeDefined();
      if (!op) continue;
      expect(op.summary, name).toBeTruthy();
      const content = op.responses[String(route.status ?? 200)]?.content;
      for (const type of route.produces ?? ['application/json']) {
        expect(content?.[type]?.schema, `${name} ${type}`).toBeTruthy();
      }
      expect(op.responses['4XX']?.content['application/problem+json']?.schema, name).toBeTruthy();
      if (route.body) expect(op.requestBody?.content['application/json'].schema, name).toBeTruthy();
      else if (route.consumes) {
        for (const type of route.consumes.types) {
          const content = op.requestBody?.content as Record<string, { schema: object }> | undefined;
          expect(content?.[type]?.schema, `${name} ${type}`).toMatchObject({ format: 'binary' });
        }
      } else expect(op.requestBody, name).toBeUndefined();
      for (const param of route.url.match(/:(\w+)/g) ?? []) {
        const p = op.parameters.find((x) => x.name === param.slice(1));
        expect(p, `${name} ${param}`).toMatchObject({ in: 'path', required: true });
      }
      const needsCsrf = route.method !== 'GET' && !('public' in route.access);
      expect(
        op.parameters.some((p) => p.name === 'x-csrf-token'),
        name,
      ).toBe(needsCsrf);
    }
    const createUser = doc.paths['/api/v1/users']?.post;
    expect(createUser?.responses['201']).toBeDefined();
    const listUsers = doc.paths['/api/v1/users']?.get;
    expect(listUsers?.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['limit', 'cursor', 'q', 'unitId', 'active']),
    );
    expect(doc.paths['/api/v1/auth/login']?.post?.security).toEqual([]);
  });

  it('has operation ids that are unique', () => {
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every $ref inside the document, with named schemas under components', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    expect(JSON.stringify(doc)).not.toContain('$defs');
    expect(doc.components.schemas.User).toMatchObject({ type: 'object' });
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['User', 'SessionInfo', 'Problem', 'Role', 'AuditEntry', 'LoginRequest']),
    );
  });
});

describe('API reference page', () => {
  it('serves the readable reference as HTML', async () => {
    const res = await env.app.server.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html');
  });
});
