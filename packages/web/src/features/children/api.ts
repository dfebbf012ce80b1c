import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  AuditEntry,
  Child,
  ChildList,
  ChildStatusChange,
  type CreateChildRequest,
  currentSpecialCircumstanceCatalogue,
  DuplicateCandidate,
  EthnicGroup,
  ethnicityCatalogue,
  Ok,
  type SaveChildFilterRequest,
  SavedChildFilter,
  SpecialCircumstanceCatalogue,
  type UpdateChildRequest,
} from '@tuoitho/domain';
import { api, apiRequest } from '../../lib/api';
import { itemsOf } from '../../lib/lists';
import { isApiError } from '../../lib/problem';
import { type ChildFilters, filtersToApiQuery } from './childFilters';

const PAGE_SIZE = 50;
const DuplicateList = itemsOf(DuplicateCandidate);
const SavedFilterList = itemsOf(SavedChildFilter);
const EthnicGroupList = itemsOf(EthnicGroup);
/** `GET /children/{id}/history`: `{statusChanges, audit}` (the domain has no named schema for it). */
const ChildHistory = itemsOf(ChildStatusChange)
  .omit({ items: true })
  .extend({
    statusChanges: itemsOf(ChildStatusChange).shape.items,
    audit: itemsOf(AuditEntry).shape.items,
  });

/** `POST /children/{id}/status`: the statuses an officer sets (turned_16 is set by the daily job). */
export type SettableChildStatus = 'active' | 'moved_away' | 'deceased';

export const childKeys = {
  all: ['children'] as const,
  list: (query: Record<string, string>) => ['children', 'list', query] as const,
  detail: (id: string) => ['children', 'detail', id] as const,
  history: (id: string) => ['children', 'history', id] as const,
  filters: ['children', 'filters'] as const,
  catalogues: ['catalogues'] as const,
};

const path = (id: string, suffix = '') => `/children/${encodeURIComponent(id)}${suffix}`;

/** Children matching the filters, page by page ("Tải thêm"), with the total count. */
export function useChildList(filters: ChildFilters) {
  const query = filtersToApiQuery(filters);
  return useInfiniteQuery({
    queryKey: childKeys.list(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get('/children', {
        schema: ChildList,
        query: { ...query, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While the officer types, the previous results stay on screen instead of a blank table.
    placeholderData: keepPreviousData,
  });
}

export function fetchChild(id: string): Promise<Child> {
  return api.get(path(id), { schema: Child });
}

export function useChild(id: string, enabled = true) {
  return useQuery({ queryKey: childKeys.detail(id), queryFn: () => fetchChild(id), enabled });
}

export function useChildHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: childKeys.history(id),
    queryFn: () => api.get(path(id, '/history'), { schema: ChildHistory }),
    enabled,
  });
}

/** After a change the lists and the history are read again; the answer is the child itself. */
function useRememberChild() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (child: Child) => {
      queryClient.setQueryData(childKeys.detail(child.id), child);
      void queryClient.invalidateQueries({ queryKey: ['children', 'list'] });
      void queryClient.invalidateQueries({ queryKey: childKeys.history(child.id) });
    },
    onError: (error: unknown, id: string | undefined) => {
      // A 409 means someone else changed the child: what is cached is stale.
      if (id && isApiError(error) && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: childKeys.detail(id) });
      }
    },
  };
}

export function useCreateChild() {
  const remember = useRememberChild();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: CreateChildRequest; idempotencyKey: string }) =>
      api.post('/children', { schema: Child, body: request, idempotencyKey }),
    onSuccess: remember.onSuccess,
  });
}

export function useUpdateChild() {
  const remember = useRememberChild();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateChildRequest }) =>
      api.patch(path(id), { schema: Child, body: request }),
    onSuccess: remember.onSuccess,
    onError: (error, { id }) => remember.onError(error, id),
  });
}

export function useChangeChildStatus() {
  const remember = useRememberChild();
  return useMutation({
    mutationFn: ({ child, status, reason }: { child: Child; status: SettableChildStatus; reason: string }) =>
      api.post(path(child.id, '/status'), {
        schema: Child,
        body: { version: child.version, status, reason },
      }),
    onSuccess: remember.onSuccess,
    onError: (error, { child }) => remember.onError(error, child.id),
  });
}

/** Children of the registry that may be the one being registered, best first. */
export function useDuplicateCheck() {
  return useMutation({
    mutationFn: async (request: CreateChildRequest & { excludeId?: string }) =>
      (await api.post('/children/duplicates', { schema: DuplicateList, body: request })).items,
  });
}

// Saved filters ------------------------------------------------------------------------------

export function useSavedFilters() {
  return useQuery({
    queryKey: childKeys.filters,
    queryFn: async () => (await api.get('/children/filters', { schema: SavedFilterList })).items,
  });
}

export function useSaveFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SaveChildFilterRequest) =>
      api.post('/children/filters', { schema: SavedChildFilter, body: request }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: childKeys.filters }),
  });
}

export function useDeleteFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest('DELETE', `/children/filters/${encodeURIComponent(id)}`, { schema: Ok }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: childKeys.filters }),
  });
}

// Catalogues ---------------------------------------------------------------------------------

/** Catalogues change rarely (an administrator may add a subgroup): keep them for an hour. */
const CATALOGUE_STALE_TIME = 60 * 60_000;
const builtInCatalogue = currentSpecialCircumstanceCatalogue();

/**
 * The special-circumstances catalogue of the server (administrators may complete it); until it
 * has answered, or if it cannot, the catalogue built into the domain package.
 */
export function useSpecialCircumstanceCatalogue(): SpecialCircumstanceCatalogue {
  const query = useQuery({
    queryKey: [...childKeys.catalogues, 'special-circumstances'],
    queryFn: () => api.get('/catalogues/special-circumstances', { schema: SpecialCircumstanceCatalogue }),
    staleTime: CATALOGUE_STALE_TIME,
    retry: false,
  });
  return query.data ?? builtInCatalogue;
}

/** The 54 ethnic groups (and "người nước ngoài"), from the server or the domain package. */
export function useEthnicGroups(): readonly EthnicGroup[] {
  const query = useQuery({
    queryKey: [...childKeys.catalogues, 'ethnic-groups'],
    queryFn: async () => (await api.get('/catalogues/ethnic-groups', { schema: EthnicGroupList })).items,
    staleTime: CATALOGUE_STALE_TIME,
    retry: false,
  });
  return query.data ?? ethnicityCatalogue;
}
