import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  ChildImport,
  ChildImportDuplicateList,
  ChildImportIssueList,
  type CommitChildImportRequest,
  type ImportIssueSeverity,
  Ok,
} from '@tuoitho/domain';
import { api, apiRequest, buildUrl } from '../../../lib/api';
import { itemsOf } from '../../../lib/lists';
import { type ImportFormat, importContentType, importFormatOf, isImportBusy } from './importWizard';

/** How often a running analysis or commit is asked for its progress. */
export const IMPORT_POLL_MS = 700;
const ISSUES_PAGE_SIZE = 200;
const ChildImportList = itemsOf(ChildImport);

export const importKeys = {
  all: ['children', 'imports'] as const,
  recent: ['children', 'imports', 'recent'] as const,
  detail: (id: string) => ['children', 'imports', 'detail', id] as const,
  issues: (id: string) => ['children', 'imports', 'issues', id] as const,
  duplicates: (id: string) => ['children', 'imports', 'duplicates', id] as const,
};

const path = (id: string, suffix = '') => `/children/imports/${encodeURIComponent(id)}${suffix}`;

/** Link of the empty import template (a plain download: the browser keeps the session cookie). */
export function importTemplateUrl(format: ImportFormat): string {
  return buildUrl('/children/imports/template', { format });
}

/** Link of the error report: the file with its bad cells marked and a sheet of the problems. */
export function importReportUrl(id: string): string {
  return buildUrl(path(id, '/report'));
}

/** The imports of the user's units, newest first, refreshed while one of them runs. */
export function useRecentImports() {
  return useQuery({
    queryKey: importKeys.recent,
    queryFn: async ({ signal }) =>
      (await api.get('/children/imports', { schema: ChildImportList, signal })).items,
    refetchInterval: (query) => (query.state.data?.some(isImportBusy) ? IMPORT_POLL_MS * 4 : false),
  });
}

/** One import, asked again every 700 ms while its analysis or commit runs. */
export function useChildImport(id: string | undefined) {
  return useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get(path(id ?? ''), { schema: ChildImport, signal }),
    enabled: Boolean(id),
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && isImportBusy(data) ? IMPORT_POLL_MS : false;
    },
    // Progress must stay current even when the officer looks at another tab meanwhile.
    refetchIntervalInBackground: true,
    // The answer of the upload or commit is fresh: the first poll comes one interval later, so the
    // progress is shown (not refetched away at once when the page opens on it).
    staleTime: IMPORT_POLL_MS,
  });
}

/** The problems found by the dry run (all, or only errors or warnings), 200 at a time ("Tải thêm"). */
export function useImportIssues(id: string, severity: ImportIssueSeverity | undefined, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...importKeys.issues(id), severity ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get(path(id, '/issues'), {
        schema: ChildImportIssueList,
        query: { limit: ISSUES_PAGE_SIZE, cursor: pageParam, severity },
        signal,
      }),
    placeholderData: keepPreviousData,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

/** The rows that may be children already in the registry, with their candidates. */
export function useImportDuplicates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.duplicates(id),
    queryFn: async ({ signal }) =>
      (await api.get(path(id, '/duplicates'), { schema: ChildImportDuplicateList, signal })).items,
    enabled,
  });
}

/** Remembers an import answered by a mutation and refreshes the list of recent imports. */
function useRememberImport() {
  const queryClient = useQueryClient();
  return (childImport: ChildImport) => {
    queryClient.setQueryData(importKeys.detail(childImport.id), childImport);
    void queryClient.invalidateQueries({ queryKey: importKeys.recent });
  };
}

/** Sends a file for its dry run (202: the analysis runs as a job). */
export function useUploadImport() {
  const remember = useRememberImport();
  return useMutation({
    mutationFn: ({ file, unitCode }: { file: File; unitCode: string }) => {
      const format = importFormatOf(file.name) ?? 'xlsx';
      // The declared type comes from the extension: browsers give CSV files various types.
      const body = file.slice(0, file.size, importContentType(format));
      return api.post('/children/imports', {
        schema: ChildImport,
        query: { unit: unitCode, fileName: file.name },
        body,
      });
    },
    onSuccess: remember,
  });
}

/** Writes an analysed import (202: the commit runs as a job; all rows or none). */
export function useCommitImport() {
  const remember = useRememberImport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: CommitChildImportRequest }) =>
      api.post(path(id, '/commit'), { schema: ChildImport, body: request }),
    onSuccess: remember,
    onError: (_error, { id }) => {
      // A refusal means the import or its duplicates are not what the page shows: read them again.
      void queryClient.invalidateQueries({ queryKey: importKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: importKeys.duplicates(id) });
    },
  });
}

/** Discards an import that will not be committed; the server forgets the file. */
export function useDiscardImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', path(id), { schema: Ok }),
    onSettled: (_data, _error, id) => {
      void queryClient.invalidateQueries({ queryKey: importKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: importKeys.recent });
    },
  });
}
