import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  ChecklistTemplate,
  ChecklistTemplateList,
  type CreateChecklistTemplateRequest,
  type CreateInspectionPlanRequest,
  type CreateInspectionSessionRequest,
  type CreateRecommendationRequest,
  FollowUpBoard,
  InspectionPlan,
  InspectionPlanList,
  InspectionSession,
  type InspectionTopic,
  Recommendation,
  RecommendationList,
  type RecommendationState,
  type RespondRecommendationRequest,
  type UpdateChecklistTemplateRequest,
  type UpdateInspectionPlanRequest,
  type UpdateInspectionSessionRequest,
  type UpdateRecommendationRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import { api, apiRequest, buildUrl } from '../../lib/api';

/** Queries and mutations of inspections and supervision (`/api/v1/inspections/...`). */

export interface PlanFilters {
  unit?: string | undefined;
  year?: number | undefined;
  topic?: InspectionTopic | undefined;
}

export interface RecommendationFilters {
  unit?: string | undefined;
  state?: RecommendationState | undefined;
  topic?: InspectionTopic | undefined;
  year?: number | undefined;
  planId?: string | undefined;
}

export interface BoardFilters {
  unit?: string | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
}

export const inspectionKeys = {
  all: ['inspections'] as const,
  templates: ['inspections', 'templates'] as const,
  plans: (filters: PlanFilters) => ['inspections', 'plans', filters] as const,
  plan: (id: string) => ['inspections', 'plan', id] as const,
  session: (id: string) => ['inspections', 'session', id] as const,
  recommendations: (filters: RecommendationFilters) => ['inspections', 'recommendations', filters] as const,
  recommendation: (id: string) => ['inspections', 'recommendation', id] as const,
  board: (filters: BoardFilters) => ['inspections', 'board', filters] as const,
};

const enc = encodeURIComponent;
/** Answers the screen does not read (uploads, deletions): the affected queries are read again. */
const Anything = z.unknown();
const PAGE = 100;

/** Everything of inspections is read again after a change: plans, sessions and the board hang together. */
function useRefreshInspections() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: inspectionKeys.all });
}

// ---------------------------------------------------------------- templates

export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: inspectionKeys.templates,
    queryFn: ({ signal }) => api.get('/inspections/templates', { schema: ChecklistTemplateList, signal }),
    enabled,
  });
}

export function useCreateTemplate() {
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: (request: CreateChecklistTemplateRequest) =>
      api.post('/inspections/templates', { schema: ChecklistTemplate, body: request }),
    onSettled: refresh,
  });
}

export function useUpdateTemplate() {
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateChecklistTemplateRequest }) =>
      api.put(`/inspections/templates/${enc(id)}`, { schema: ChecklistTemplate, body: request }),
    onSettled: refresh,
  });
}

// ---------------------------------------------------------------- plans

/** Plans of the caller's subtree, newest first, a page at a time. */
export function usePlans(filters: PlanFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: inspectionKeys.plans(filters),
    queryFn: ({ signal, pageParam }) =>
      api.get('/inspections/plans', {
        schema: InspectionPlanList,
        query: { ...filters, limit: PAGE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: inspectionKeys.plan(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(`/inspections/plans/${enc(id ?? '')}`, { schema: InspectionPlan, signal }),
    enabled: Boolean(id),
  });
}

export function useCreatePlan() {
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: ({
      request,
      idempotencyKey,
    }: {
      request: CreateInspectionPlanRequest;
      idempotencyKey: string;
    }) => api.post('/inspections/plans', { schema: InspectionPlan, body: request, idempotencyKey }),
    onSettled: refresh,
  });
}

export function useUpdatePlan() {
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateInspectionPlanRequest }) =>
      api.put(`/inspections/plans/${enc(id)}`, { schema: InspectionPlan, body: request }),
    onSettled: refresh,
  });
}

// ---------------------------------------------------------------- sessions

export function useStartSession() {
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: ({
      planId,
      request,
      idempotencyKey,
    }: {
      planId: string;
      request: CreateInspectionSessionRequest;
      idempotencyKey: string;
    }) =>
      api.post(`/inspections/plans/${enc(planId)}/sessions`, {
        schema: InspectionSession,
        body: request,
        idempotencyKey,
      }),
    onSettled: refresh,
  });
}

export function useInspectionSession(id: string | undefined) {
  return useQuery({
    queryKey: inspectionKeys.session(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(`/inspections/sessions/${enc(id ?? '')}`, { schema: InspectionSession, signal }),
    enabled: Boolean(id),
  });
}

/** Saves the draft; the answer replaces the cached session so the form continues from the new version. */
export function useSaveSession() {
  const queryClient = useQueryClient();
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateInspectionSessionRequest }) =>
      api.put(`/inspections/sessions/${enc(id)}`, { schema: InspectionSession, body: request }),
    onSuccess: (session) => queryClient.setQueryData(inspectionKeys.session(session.id), session),
    onSettled: refresh,
  });
}

export function useCompleteSession() {
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.post(`/inspections/sessions/${enc(id)}/complete`, { schema: InspectionSession, body: { version } }),
    onSettled: refresh,
  });
}

/**
 * Sends an evidence photo or PDF as raw bytes (`POST /sessions/{id}/evidence?questionId=&fileName=`);
 * the server sniffs the content and answers a problem for anything else.
 */
export function useUploadSessionEvidence() {
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: ({
      sessionId,
      questionId,
      caption,
      file,
    }: {
      sessionId: string;
      questionId: string | null;
      caption?: string | undefined;
      file: File;
    }) =>
      api.post(`/inspections/sessions/${enc(sessionId)}/evidence`, {
        schema: Anything,
        query: { questionId, caption, fileName: file.name },
        body: new Blob([file], { type: file.type || 'application/octet-stream' }),
      }),
    onSettled: refresh,
  });
}

export function useDeleteEvidence() {
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest('DELETE', `/inspections/evidence/${enc(id)}`, { schema: Anything }),
    onSettled: refresh,
  });
}

/** Link of an evidence file (a plain download or an image source: the browser sends the cookie). */
export function evidenceFileUrl(id: string): string {
  return buildUrl(`/inspections/evidence/${enc(id)}/file`);
}

/** Link of the inspection report ("Biên bản kiểm tra", DOCX). */
export function sessionReportUrl(id: string): string {
  return buildUrl(`/inspections/sessions/${enc(id)}/report`);
}

// ---------------------------------------------------------------- recommendations

export function useRecommendations(filters: RecommendationFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: inspectionKeys.recommendations(filters),
    queryFn: ({ signal, pageParam }) =>
      api.get('/inspections/recommendations', {
        schema: RecommendationList,
        query: { ...filters, limit: PAGE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRecommendation(id: string | undefined) {
  return useQuery({
    queryKey: inspectionKeys.recommendation(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(`/inspections/recommendations/${enc(id ?? '')}`, { schema: Recommendation, signal }),
    enabled: Boolean(id),
  });
}

export function useCreateRecommendation() {
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: ({
      sessionId,
      request,
      idempotencyKey,
    }: {
      sessionId: string;
      request: CreateRecommendationRequest;
      idempotencyKey: string;
    }) =>
      api.post(`/inspections/sessions/${enc(sessionId)}/recommendations`, {
        schema: Recommendation,
        body: request,
        idempotencyKey,
      }),
    onSettled: refresh,
  });
}

export function useUpdateRecommendation() {
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateRecommendationRequest }) =>
      api.put(`/inspections/recommendations/${enc(id)}`, { schema: Recommendation, body: request }),
    onSettled: refresh,
  });
}

export function useRespondRecommendation() {
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: RespondRecommendationRequest }) =>
      api.post(`/inspections/recommendations/${enc(id)}/respond`, { schema: Recommendation, body: request }),
    onSettled: refresh,
  });
}

export function useUploadRecommendationEvidence() {
  const refresh = useRefreshInspections();
  return useMutation({
    mutationFn: ({ id, file, caption }: { id: string; file: File; caption?: string | undefined }) =>
      api.post(`/inspections/recommendations/${enc(id)}/evidence`, {
        schema: Anything,
        query: { caption, fileName: file.name },
        body: new Blob([file], { type: file.type || 'application/octet-stream' }),
      }),
    onSettled: refresh,
  });
}

// ---------------------------------------------------------------- board

export function useFollowUpBoard(filters: BoardFilters) {
  return useQuery({
    queryKey: inspectionKeys.board(filters),
    queryFn: ({ signal }) =>
      api.get('/inspections/board', { schema: FollowUpBoard, query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}
