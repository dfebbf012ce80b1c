import { AuditEntry, AuditListQuery, Page } from '@tuoitho/domain';
import type { AppContext } from '../../platform/context';
import { actorOf, defineRoute } from '../../platform/http/route';
import { AuditService } from './audit.service';

export function auditRoutes(ctx: AppContext) {
  const audit = new AuditService(ctx.db);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/audit',
      tags: ['Nhật ký / Audit'],
      summary: 'Nhật ký thay đổi trong phạm vi đơn vị, mới nhất trước / audit log of the caller’s subtree',
      access: { permission: 'audit.read' },
      query: AuditListQuery,
      response: Page(AuditEntry),
      handler: async (c) => audit.listEntries(actorOf(c), c.query),
    }),
  ];
}
