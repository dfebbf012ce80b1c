import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  Activity,
  ActivityList,
  ActivityParticipantList,
  type ActivityQuery,
  AttendanceImportReport,
  type AttendanceRequest,
  type CreateActivityRequest,
  type OutcomesRequest,
  ParticipantCandidateList,
  type ParticipantCandidateQuery,
  ProgrammeList,
  type UpdateActivityRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import { api, apiRequest, buildUrl } from '../../../lib/api';

/** Queries and mutations of activities, their participants, attendance and outcomes. */

export type ActivityFilters = Omit<Partial<ActivityQuery>, 'limit' | 'cursor'>;
export type CandidateFilters = Omit<Partial<ParticipantCandidateQuery>, 'limit'>;

export const activityKeys = {
  all: ['activities'] as const,
  list: (filters: ActivityFilters) => ['activities', 'list', filters] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
  participants: (id: string) => ['activities', 'participants', id] as const,
  candidates: (id: string, filters: CandidateFilters) => ['activities', 'candidates', id, filters] as const,
  programmes: ['activities', 'programmes'] as const,
};

const PAGE_SIZE = 50;
const enc = encodeURIComponent;
/** Answers the screen does not read (a deletion, the counts of an attendance save). */
const Anything = z.unknown();
/** The declared type of an uploaded class list. */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Activities of the caller's area matching the filters, page by page ("Tải thêm"). */
export function useActivityList(filters: ActivityFilters) {
  return useInfiniteQuery({
    queryKey: activityKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get('/activities', {
        schema: ActivityList,
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string) {
  return useQuery({
    queryKey: activityKeys.detail(id),
    queryFn: ({ signal }) => api.get(`/activities/${enc(id)}`, { schema: Activity, signal }),
  });
}

/** The programmes the caller can see, to link an activity to one (and to filter by). */
export function useVisibleProgrammes() {
  return useQuery({
    queryKey: activityKeys.programmes,
    queryFn: async ({ signal }) =>
      (await api.get('/programmes', { schema: ProgrammeList, query: { limit: 200 }, signal })).items,
    staleTime: 5 * 60_000,
  });
}

export function useParticipants(activityId: string) {
  return useQuery({
    queryKey: activityKeys.participants(activityId),
    queryFn: ({ signal }) =>
      api.get(`/activities/${enc(activityId)}/participants`, { schema: ActivityParticipantList, signal }),
  });
}

/** Children of the activity's commune who could take part, by name, age, village, school, class. */
export function useCandidates(activityId: string, filters: CandidateFilters, enabled: boolean) {
  return useQuery({
    queryKey: activityKeys.candidates(activityId, filters),
    queryFn: ({ signal }) =>
      api.get(`/activities/${enc(activityId)}/candidates`, {
        schema: ParticipantCandidateList,
        query: { ...filters, limit: 500 },
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Link of the class list as Excel (a plain download: the browser sends the session cookie). */
export function attendanceSheetUrl(activityId: string): string {
  return buildUrl(`/activities/${enc(activityId)}/attendance-sheet`);
}

/**
 * After a change the activity, its lists and counts are read again; the mutation stays pending
 * until they have arrived, so the screen never shows the old marks after a save.
 */
function useRefreshActivity() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: activityKeys.all });
}

export function useCreateActivity() {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: CreateActivityRequest; idempotencyKey: string }) =>
      api.post('/activities', { schema: Activity, body: request, idempotencyKey }),
    onSettled: refresh,
  });
}

export function useUpdateActivity(id: string) {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: (request: UpdateActivityRequest) =>
      api.put(`/activities/${enc(id)}`, { schema: Activity, body: request }),
    onSettled: refresh,
  });
}

export function useDeleteActivity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('DELETE', `/activities/${enc(id)}`, { schema: Anything }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: activityKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ['activities', 'list'] });
    },
  });
}

export function useAddParticipants(activityId: string) {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: (childIds: string[]) =>
      api.post(`/activities/${enc(activityId)}/participants`, { schema: Anything, body: { childIds } }),
    onSettled: refresh,
  });
}

export function useRemoveParticipant(activityId: string) {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: (childId: string) =>
      apiRequest('DELETE', `/activities/${enc(activityId)}/participants/${enc(childId)}`, {
        schema: Anything,
      }),
    onSettled: refresh,
  });
}

export function useSaveAttendance(activityId: string) {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: (entries: AttendanceRequest['entries']) =>
      api.put(`/activities/${enc(activityId)}/attendance`, { schema: Anything, body: { entries } }),
    onSettled: refresh,
  });
}

export function useSaveOutcomes(activityId: string) {
  const refresh = useRefreshActivity();
  return useMutation({
    mutationFn: (entries: OutcomesRequest['entries']) =>
      api.put(`/activities/${enc(activityId)}/outcomes`, { schema: Anything, body: { entries } }),
    onSettled: refresh,
  });
}

/** Sends a filled class list: a dry run reports what would be recorded; otherwise it is written. */
export function useImportAttendanceSheet(activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      api.post(`/activities/${enc(activityId)}/attendance-sheet`, {
        schema: AttendanceImportReport,
        query: { dryRun },
        body: file.slice(0, file.size, XLSX_TYPE),
      }),
    onSuccess: (report) =>
      report.dryRun ? undefined : queryClient.invalidateQueries({ queryKey: activityKeys.all }),
  });
}
