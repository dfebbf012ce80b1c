import { useInfiniteQuery } from '@tanstack/react-query';
import { AuditEntry } from '@tuoitho/domain';
import { api } from '../../lib/api';
import { pageOf } from '../../lib/lists';

const AuditPageSchema = pageOf(AuditEntry);

export interface AuditFilters {
  entityType?: string | undefined;
  entityId?: string | undefined;
}

/** The audit log, newest first as the server orders it, page by page. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters] as const,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get('/audit', {
        schema: AuditPageSchema,
        query: { ...filters, limit: 50, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The recorded change as readable JSON; empty when nothing was recorded. */
export function formatDiff(diff: unknown): string {
  if (diff === null || diff === undefined) return '';
  if (typeof diff === 'object' && Object.keys(diff).length === 0) return '';
  return JSON.stringify(diff, null, 2);
}
