import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type CreatePlanDocumentRequest,
  type CreateProgrammeRequest,
  type DocumentType,
  PlanDocument,
  PlanDocumentList,
  Programme,
  type ProgrammeKind,
  ProgrammeList,
  ProgrammeProgress,
  type UpdatePlanDocumentRequest,
  type UpdateProgrammeRequest,
} from '@tuoitho/domain';
import { useMemo } from 'react';
import { z } from 'zod';
import { api, apiRequest, buildUrl } from '../../lib/api';
import { formatPeriod } from './programmeText';

/** Queries and mutations of documents and plans (`/api/v1/documents`) and programmes. */

export const programmeKeys = {
  all: ['programmes'] as const,
  list: (filters: ProgrammeFilters) => ['programmes', 'list', filters] as const,
  options: ['programmes', 'options'] as const,
  detail: (id: string) => ['programmes', 'detail', id] as const,
  progress: (id: string, unit: string | undefined) => ['programmes', 'progress', id, unit ?? ''] as const,
};

export const documentKeys = {
  all: ['plan-documents'] as const,
  list: (filters: DocumentFilters) => ['plan-documents', 'list', filters] as const,
  detail: (id: string) => ['plan-documents', 'detail', id] as const,
};

export interface ProgrammeFilters {
  q?: string | undefined;
  kind?: ProgrammeKind | undefined;
  year?: number | undefined;
  unit?: string | undefined;
}

export interface DocumentFilters {
  q?: string | undefined;
  type?: DocumentType | undefined;
  year?: number | undefined;
  unit?: string | undefined;
}

const enc = encodeURIComponent;
const PAGE_SIZE = 50;
/** Answers the screen does not read (a deletion): the lists are read again. */
const Anything = z.unknown();

// ---------------------------------------------------------------- documents and plans

/** The register of documents, newest first, a page at a time; search ignores diacritics. */
export function useDocuments(filters: DocumentFilters) {
  return useInfiniteQuery({
    queryKey: documentKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get('/documents', {
        schema: PlanDocumentList,
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Documents found by number or title, for the programme form's "linked documents". */
export function useDocumentSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: [...documentKeys.all, 'search', term],
    queryFn: async ({ signal }) =>
      (
        await api.get('/documents', {
          schema: PlanDocumentList,
          query: { q: term || undefined, limit: 30 },
          signal,
        })
      ).items,
    placeholderData: keepPreviousData,
  });
}

function useRefreshDocuments() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: documentKeys.all });
    // A programme shows the numbers and titles of its documents.
    void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
  };
}

export function useCreateDocument() {
  const refresh = useRefreshDocuments();
  return useMutation({
    mutationFn: ({
      request,
      idempotencyKey,
    }: {
      request: CreatePlanDocumentRequest;
      idempotencyKey: string;
    }) => api.post('/documents', { schema: PlanDocument, body: request, idempotencyKey }),
    onSuccess: refresh,
  });
}

export function useUpdateDocument() {
  const refresh = useRefreshDocuments();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdatePlanDocumentRequest }) =>
      api.put(`/documents/${enc(id)}`, { schema: PlanDocument, body: request }),
    onSettled: refresh,
  });
}

export function useDeleteDocument() {
  const refresh = useRefreshDocuments();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest('DELETE', `/documents/${enc(id)}`, { schema: Anything, query: { version } }),
    onSettled: refresh,
  });
}

/**
 * Sends a document's file as raw bytes (`PUT /documents/{id}/file?fileName=`) with its
 * Content-Type; the server sniffs the content and answers a problem for anything but PDF or DOCX.
 */
export function useUploadDocumentFile() {
  const refresh = useRefreshDocuments();
  return useMutation({
    mutationFn: ({ id, file, contentType }: { id: string; file: File; contentType: string }) =>
      api.put(`/documents/${enc(id)}/file`, {
        schema: Anything,
        query: { fileName: file.name },
        body: new Blob([file], { type: contentType }),
      }),
    onSettled: refresh,
  });
}

export function useDeleteDocumentFile() {
  const refresh = useRefreshDocuments();
  return useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', `/documents/${enc(id)}/file`, { schema: Anything }),
    onSettled: refresh,
  });
}

/** Link of a document's file (a plain download: the browser sends the session cookie). */
export function documentFileUrl(id: string): string {
  return buildUrl(`/documents/${enc(id)}/file`);
}

// ---------------------------------------------------------------- programmes

/** Programmes the caller may read (its area and the units above it), a page at a time. */
export function useProgrammes(filters: ProgrammeFilters) {
  return useInfiniteQuery({
    queryKey: programmeKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get('/programmes', {
        schema: ProgrammeList,
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useProgramme(id: string | undefined) {
  return useQuery({
    queryKey: programmeKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get(`/programmes/${enc(id ?? '')}`, { schema: Programme, signal }),
    enabled: Boolean(id),
  });
}

/** Targets against progress for one unit (default: the programme's unit if in scope, else the caller's). */
export function useProgrammeProgress(id: string | undefined, unit: string | undefined) {
  return useQuery({
    queryKey: programmeKeys.progress(id ?? '', unit),
    queryFn: ({ signal }) =>
      api.get(`/programmes/${enc(id ?? '')}/progress`, {
        schema: ProgrammeProgress,
        query: { unit },
        signal,
      }),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export interface ProgrammeOption {
  value: string;
  label: string;
  kind: ProgrammeKind;
  yearFrom: number;
  yearTo: number;
}

/**
 * The programmes the caller can see, as options of a Select ("Kế hoạch phòng, chống đuối nước
 * (2021–2030)"), newest first. For the activity and communication forms.
 */
export function useProgrammeOptions() {
  const query = useQuery({
    queryKey: programmeKeys.options,
    queryFn: async ({ signal }) =>
      (await api.get('/programmes', { schema: ProgrammeList, query: { limit: 200 }, signal })).items,
    staleTime: 60_000,
  });
  const options = useMemo<ProgrammeOption[]>(
    () =>
      (query.data ?? []).map((programme) => ({
        value: programme.id,
        label: `${programme.name} (${formatPeriod(programme.yearFrom, programme.yearTo)})`,
        kind: programme.kind,
        yearFrom: programme.yearFrom,
        yearTo: programme.yearTo,
      })),
    [query.data],
  );
  return { options, isLoading: query.isPending, error: query.error };
}

function useRefreshProgrammes() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
}

export function useCreateProgramme() {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: CreateProgrammeRequest; idempotencyKey: string }) =>
      api.post('/programmes', { schema: Programme, body: request, idempotencyKey }),
    onSuccess: refresh,
  });
}

export function useUpdateProgramme() {
  const refresh = useRefreshProgrammes();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateProgrammeRequest }) =>
      api.put(`/programmes/${enc(id)}`, { schema: Programme, body: request }),
    onSettled: refresh,
  });
}
