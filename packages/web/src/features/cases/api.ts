import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type AddCaseMemberRequest,
  Case,
  type CaseActionRequest,
  type CaseDocumentFormat,
  CaseDocumentList,
  CaseHistory,
  CaseList,
  type CaseListQuery,
  CaseMemberList,
  CaseQueue,
  type CreateCaseRequest,
  Ok,
  User,
} from '@tuoitho/domain';
import i18n from '../../i18n';
import { api, apiRequest, buildUrl } from '../../lib/api';
import { pageOf } from '../../lib/lists';
import { isApiError, problemToError } from '../../lib/problem';

const PAGE_SIZE = 50;
const UserPage = pageOf(User);

export type CaseListFilters = Pick<CaseListQuery, 'status' | 'q' | 'open' | 'assignee' | 'due'>;

export const caseKeys = {
  all: ['cases'] as const,
  queue: ['cases', 'queue'] as const,
  list: (filters: CaseListFilters) => ['cases', 'list', filters] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  history: (id: string) => ['cases', 'history', id] as const,
  members: (id: string) => ['cases', 'members', id] as const,
  documents: (id: string) => ['cases', 'documents', id] as const,
};

const path = (id: string, suffix = '') => `/cases/${encodeURIComponent(id)}${suffix}`;

/** The caller's work: mine, due soon, overdue, awaiting my approval, with counts. */
export function useCaseQueue() {
  return useQuery({
    queryKey: caseKeys.queue,
    queryFn: ({ signal }) => api.get('/cases/queue', { schema: CaseQueue, signal }),
    refetchInterval: 60_000,
  });
}

/** Cases of the caller's area matching the filters, page by page ("Tải thêm"). */
export function useCaseList(filters: CaseListFilters) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get('/cases', {
        schema: CaseList,
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * One case. A province officer who reads the content gives a reason (`readReason`), kept in the
 * read log by the server; the content is then read again with it until the page is left.
 */
export function useCase(id: string, readReason?: string) {
  return useQuery({
    queryKey: [...caseKeys.detail(id), readReason ?? ''],
    queryFn: ({ signal }) => api.get(path(id), { schema: Case, query: { readReason }, signal }),
  });
}

/** The decrypted history; a province officer gives the same reason as for the content. */
export function useCaseHistory(id: string, readReason: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...caseKeys.history(id), readReason ?? ''],
    queryFn: ({ signal }) =>
      api.get(path(id, '/history'), { schema: CaseHistory, query: { readReason }, signal }),
    enabled,
  });
}

/** After a change the case, its history, documents and the lists are read again. */
function useRefreshCase() {
  const queryClient = useQueryClient();
  return (id: string) => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: caseKeys.history(id) });
    void queryClient.invalidateQueries({ queryKey: caseKeys.documents(id) });
    void queryClient.invalidateQueries({ queryKey: caseKeys.queue });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
  };
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: CreateCaseRequest; idempotencyKey: string }) =>
      api.post('/cases', { schema: Case, body: request, idempotencyKey }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.queue });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

/**
 * Records an action with the version read. A 409 (someone changed the case) makes the cached
 * case stale, so it is read again whatever the caller does with the error.
 */
export function useCaseAction(id: string) {
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: (request: CaseActionRequest) =>
      api.post(path(id, '/actions'), { schema: Case, body: request }),
    onSuccess: () => refresh(id),
    onError: (error) => {
      if (isApiError(error) && error.status === 409) refresh(id);
    },
  });
}

// Members --------------------------------------------------------------------------------------

export function useCaseMembers(id: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.members(id),
    queryFn: ({ signal }) => api.get(path(id, '/members'), { schema: CaseMemberList, signal }),
    enabled,
  });
}

export function useAddCaseMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AddCaseMemberRequest) =>
      api.post(path(id, '/members'), { schema: CaseMemberList, body: request }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: caseKeys.members(id) }),
  });
}

export function useRemoveCaseMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      apiRequest('DELETE', path(id, `/members/${encodeURIComponent(userId)}`), {
        schema: Ok,
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: caseKeys.members(id) }),
  });
}

/** Active users of a unit (the case's commune) for assigning or adding members, by name. */
export function useUnitUsers(unitId: number | undefined, q: string) {
  return useQuery({
    queryKey: ['users', 'of-unit', unitId ?? 0, q],
    queryFn: async ({ signal }) =>
      (
        await api.get('/users', {
          schema: UserPage,
          query: { unitId, q: q || undefined, active: 'true', limit: 50 },
          signal,
        })
      ).items,
    enabled: unitId !== undefined,
    placeholderData: keepPreviousData,
  });
}

// Documents ------------------------------------------------------------------------------------

/** The forms the case can print, whether the caller may download them and whether PDF is offered. */
export function useCaseDocuments(id: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.documents(id),
    queryFn: ({ signal }) => api.get(path(id, '/documents'), { schema: CaseDocumentList, signal }),
    enabled,
  });
}

/** The file name of a `Content-Disposition` header (RFC 6266 `filename*` first), if any. */
export function fileNameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || undefined;
}

/** Downloads a form of the case (`.docx` or `.pdf`) and offers it to the user. */
export async function downloadCaseDocument(
  caseId: string,
  form: string,
  format: CaseDocumentFormat,
  fallbackName: string,
): Promise<void> {
  const response = await fetch(buildUrl(path(caseId, `/documents/${encodeURIComponent(form)}`), { format }), {
    credentials: 'same-origin',
    headers: { 'Accept-Language': i18n.language === 'en' ? 'en' : 'vi' },
  });
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw problemToError(response.status, body, i18n.t('errors.http', { status: response.status }));
  }
  const blob = await response.blob();
  const name = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
