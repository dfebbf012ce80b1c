import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CfAssessment,
  CfAssessmentList,
  type CfAssessmentStatus,
  type CfAssessmentSummary,
  CfCatalogueResponse,
  CfComparison,
  type CfReviewRequest,
  CfSettings,
  CfUnitCategoryList,
  type CreateCfAssessmentRequest,
  type UpdateCfAssessmentRequest,
  type UpdateCfCatalogueRequest,
  type UpdateCfSettingsRequest,
  type UpdateCfUnitCategoryRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import { api, apiRequest, buildUrl } from '../../lib/api';

/** Queries and mutations of the child-friendly commune assessment (`/api/v1/child-friendly`). */

export const cfKeys = {
  all: ['child-friendly'] as const,
  catalogue: ['child-friendly', 'catalogue'] as const,
  settings: ['child-friendly', 'settings'] as const,
  categories: (unit: string | undefined) => ['child-friendly', 'categories', unit ?? ''] as const,
  assessments: (filters: CfAssessmentFilters) => ['child-friendly', 'assessments', filters] as const,
  assessment: (id: string) => ['child-friendly', 'assessment', id] as const,
  comparison: (unit: string | undefined, yearFrom: number, yearTo: number) =>
    ['child-friendly', 'comparison', unit ?? '', yearFrom, yearTo] as const,
};

export interface CfAssessmentFilters {
  unit?: string | undefined;
  year?: number | undefined;
  status?: CfAssessmentStatus | undefined;
}

const enc = encodeURIComponent;
const PAGE_SIZE = 200;
/** A province has a few hundred communes at most: every page is read, up to this many. */
const MAX_PAGES = 20;
const Anything = z.unknown();

// ---------------------------------------------------------------- catalogue, categories, settings

export function useCfCatalogue() {
  return useQuery({
    queryKey: cfKeys.catalogue,
    queryFn: ({ signal }) => api.get('/child-friendly/catalogue', { schema: CfCatalogueResponse, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useUpdateCfCatalogue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateCfCatalogueRequest) =>
      api.put('/child-friendly/catalogue', { schema: CfCatalogueResponse, body: request }),
    onSuccess: (catalogue) => queryClient.setQueryData(cfKeys.catalogue, catalogue),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: cfKeys.catalogue }),
  });
}

export function useCfUnitCategories(unit: string | undefined) {
  return useQuery({
    queryKey: cfKeys.categories(unit),
    queryFn: ({ signal }) =>
      api.get('/child-friendly/unit-categories', { schema: CfUnitCategoryList, query: { unit }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateCfUnitCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitCode, request }: { unitCode: string; request: UpdateCfUnitCategoryRequest }) =>
      api.put(`/child-friendly/unit-categories/${enc(unitCode)}`, { schema: Anything, body: request }),
    // The category sets the threshold of every assessment of the unit.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: cfKeys.all }),
  });
}

export function useCfSettings() {
  return useQuery({
    queryKey: cfKeys.settings,
    queryFn: ({ signal }) => api.get('/child-friendly/settings', { schema: CfSettings, signal }),
  });
}

export function useUpdateCfSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateCfSettingsRequest) =>
      api.put('/child-friendly/settings', { schema: CfSettings, body: request }),
    onSuccess: (settings) => queryClient.setQueryData(cfKeys.settings, settings),
  });
}

// ---------------------------------------------------------------- assessments

/**
 * The assessments of a unit's subtree, every page of them (a province's communes for a year fit in
 * a few pages), so that filters and counts on the screen cover all of them.
 */
export function useCfAssessments(filters: CfAssessmentFilters, enabled = true) {
  return useQuery({
    queryKey: cfKeys.assessments(filters),
    enabled,
    queryFn: async ({ signal }) => {
      const items: CfAssessmentSummary[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer = await api.get('/child-friendly/assessments', {
          schema: CfAssessmentList,
          query: { ...filters, limit: PAGE_SIZE, cursor },
          signal,
        });
        items.push(...answer.items);
        if (!answer.nextCursor) return { items, isComplete: true };
        cursor = answer.nextCursor;
      }
      return { items, isComplete: false };
    },
    placeholderData: keepPreviousData,
  });
}

export function useCfAssessment(id: string | undefined) {
  return useQuery({
    queryKey: cfKeys.assessment(id ?? ''),
    enabled: Boolean(id),
    queryFn: ({ signal }) =>
      api.get(`/child-friendly/assessments/${enc(id ?? '')}`, { schema: CfAssessment, signal }),
  });
}

/** Every change answers the whole assessment: it replaces the cached one, and the lists are read again. */
function useAssessmentChange<V>(send: (variables: V) => Promise<CfAssessment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (assessment) => {
      queryClient.setQueryData(cfKeys.assessment(assessment.id), assessment);
      void queryClient.invalidateQueries({ queryKey: [...cfKeys.all, 'assessments'] });
      void queryClient.invalidateQueries({ queryKey: [...cfKeys.all, 'comparison'] });
    },
  });
}

export function useCreateCfAssessment() {
  return useAssessmentChange(
    ({ request, idempotencyKey }: { request: CreateCfAssessmentRequest; idempotencyKey: string }) =>
      api.post('/child-friendly/assessments', { schema: CfAssessment, body: request, idempotencyKey }),
  );
}

export function useUpdateCfAssessment() {
  return useAssessmentChange(({ id, request }: { id: string; request: UpdateCfAssessmentRequest }) =>
    api.put(`/child-friendly/assessments/${enc(id)}`, { schema: CfAssessment, body: request }),
  );
}

/** Reads the system figures again (births, cases, injuries… up to today). */
export function useRefreshCfAssessment() {
  return useAssessmentChange(({ id, version }: { id: string; version: number }) =>
    api.post(`/child-friendly/assessments/${enc(id)}/refresh`, { schema: CfAssessment, body: { version } }),
  );
}

export function useSubmitCfAssessment() {
  return useAssessmentChange(({ id, version }: { id: string; version: number }) =>
    api.post(`/child-friendly/assessments/${enc(id)}/submit`, { schema: CfAssessment, body: { version } }),
  );
}

export function useReviewCfAssessment() {
  return useAssessmentChange(({ id, request }: { id: string; request: CfReviewRequest }) =>
    api.post(`/child-friendly/assessments/${enc(id)}/review`, { schema: CfAssessment, body: request }),
  );
}

/** Sends an evidence file as raw bytes; the server sniffs PDF, JPEG, PNG or WebP. */
export function useUploadCfEvidence() {
  return useAssessmentChange(
    ({
      id,
      indicator,
      file,
      contentType,
    }: {
      id: string;
      indicator: string;
      file: File;
      contentType: string;
    }) =>
      api.post(`/child-friendly/assessments/${enc(id)}/evidence`, {
        schema: CfAssessment,
        query: { indicator, fileName: file.name },
        body: new Blob([file], { type: contentType }),
      }),
  );
}

export function useDeleteCfEvidence(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) =>
      apiRequest('DELETE', `/child-friendly/evidence/${enc(fileId)}`, { schema: Anything }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: cfKeys.assessment(assessmentId) }),
  });
}

export function cfEvidenceUrl(fileId: string): string {
  return buildUrl(`/child-friendly/evidence/${enc(fileId)}/file`);
}

// ---------------------------------------------------------------- comparison

export function useCfComparison(unit: string | undefined, yearFrom: number, yearTo: number) {
  return useQuery({
    queryKey: cfKeys.comparison(unit, yearFrom, yearTo),
    queryFn: ({ signal }) =>
      api.get('/child-friendly/comparison', {
        schema: CfComparison,
        query: { unit, yearFrom, yearTo },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
