import { Job } from '@tuoitho/domain';
import { z } from 'zod';
import { isInScope } from '../../platform/auth/scope';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/http/errors';
import { actorOf, defineRoute } from '../../platform/http/route';
import { toJobView } from '../../platform/jobs/job-view';

/** Progress of background jobs: visible to the user who started one and inside its unit's scope. */
export function jobsRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/jobs/:id',
      tags: ['Công việc nền / Jobs'],
      summary: 'Trạng thái và tiến độ của một công việc nền / job status and progress',
      access: { user: true },
      params: z.object({ id: z.uuid() }),
      response: Job,
      handler: async (c) => {
        const actor = actorOf(c);
        const row = await ctx.jobs.findJob(c.params.id);
        if (!row) throw notFound();
        if (row.created_by !== actor.userId) {
          const unit = row.unit_id
            ? await ctx.db
                .selectFrom('admin_unit')
                .select('path')
                .where('id', '=', row.unit_id)
                .executeTakeFirst()
            : undefined;
          if (!unit || !isInScope(actor, unit.path)) throw notFound();
        }
        return toJobView(row, c.meta.lang);
      },
    }),
  ];
}
