import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { defineRoute } from '../../platform/http/route';

const tags = ['Vận hành / Operations'];

export function healthRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'GET',
      url: '/healthz',
      tags,
      summary: 'Tiến trình đang chạy / liveness',
      access: { public: true },
      response: z.object({ status: z.literal('ok') }),
      handler: async () => ({ status: 'ok' as const }),
    }),
    defineRoute({
      method: 'GET',
      url: '/readyz',
      tags,
      summary: 'Sẵn sàng phục vụ: cơ sở dữ liệu trả lời / readiness (database answers)',
      access: { public: true },
      response: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
      handler: async () => {
        try {
          await sql`SELECT 1`.execute(ctx.db);
        } catch {
          throw new AppError(503, 'service_unavailable');
        }
        return { status: 'ok' as const, database: ctx.database.kind };
      },
    }),
  ];
}
