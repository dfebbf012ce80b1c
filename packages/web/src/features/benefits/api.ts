import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AdjustBenefitEnrolmentRequest,
  BaseLevelView,
  BenefitCatalogueView,
  BenefitEnrolment,
  BenefitEnrolmentList,
  type BenefitEnrolmentStatus,
  BenefitGapList,
  BenefitProposal,
  BenefitProposalList,
  BenefitRuleView,
  BenefitTotals,
  ChildEligibility,
  type CreateBaseLevelRequest,
  type CreateBenefitEnrolmentRequest,
  type CreateBenefitRuleRequest,
  type GapKind,
  type PayLineRequest,
  PaymentLine,
  PaymentRun,
  PaymentRunList,
  type TerminateBenefitEnrolmentRequest,
  type UpdateBenefitRuleRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import { api, buildUrl } from '../../lib/api';

/** Queries and mutations of the benefits module (`/api/v1/benefits/...`). */

export const benefitKeys = {
  all: ['benefits'] as const,
  catalogue: (unit: string | undefined) => ['benefits', 'catalogue', unit ?? ''] as const,
  eligibility: (childId: string, at: string) => ['benefits', 'eligibility', childId, at] as const,
  enrolments: (filters: EnrolmentFilters) => ['benefits', 'enrolments', filters] as const,
  enrolment: (id: string) => ['benefits', 'enrolment', id] as const,
  proposals: (unit: string | undefined) => ['benefits', 'proposals', unit ?? ''] as const,
  gaps: (unit: string | undefined, at: string | undefined) =>
    ['benefits', 'gaps', unit ?? '', at ?? ''] as const,
  runs: (unit: string | undefined) => ['benefits', 'runs', unit ?? ''] as const,
  run: (id: string) => ['benefits', 'run', id] as const,
  totals: (unit: string | undefined, from: string, to: string) =>
    ['benefits', 'totals', unit ?? '', from, to] as const,
};

export interface EnrolmentFilters {
  unit?: string | undefined;
  childId?: string | undefined;
  status?: BenefitEnrolmentStatus | undefined;
  ruleCode?: string | undefined;
}

const enc = encodeURIComponent;
/** The count of proposals made, which the screen does not read: the lists are read again. */
const Anything = z.unknown();

export function useBenefitCatalogue(unit: string | undefined) {
  return useQuery({
    queryKey: benefitKeys.catalogue(unit),
    queryFn: ({ signal }) =>
      api.get('/benefits/catalogue', { schema: BenefitCatalogueView, query: { unit }, signal }),
  });
}

export function useChildEligibility(childId: string, at: string) {
  return useQuery({
    queryKey: benefitKeys.eligibility(childId, at),
    queryFn: ({ signal }) =>
      api.get(`/children/${enc(childId)}/eligibility`, { schema: ChildEligibility, query: { at }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEnrolments(filters: EnrolmentFilters, enabled = true) {
  return useQuery({
    queryKey: benefitKeys.enrolments(filters),
    queryFn: ({ signal }) =>
      api.get('/benefits/enrolments', {
        schema: BenefitEnrolmentList,
        query: { ...filters, limit: 500 },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEnrolment(id: string | undefined) {
  return useQuery({
    queryKey: benefitKeys.enrolment(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(`/benefits/enrolments/${enc(id ?? '')}`, { schema: BenefitEnrolment, signal }),
    enabled: Boolean(id),
  });
}

export function useProposals(unit: string | undefined) {
  return useQuery({
    queryKey: benefitKeys.proposals(unit),
    queryFn: ({ signal }) =>
      api.get('/benefits/proposals', {
        schema: BenefitProposalList,
        query: { unit, status: 'open' },
        signal,
      }),
  });
}

export function useGaps(unit: string | undefined, at: string | undefined) {
  return useQuery({
    queryKey: benefitKeys.gaps(unit, at),
    queryFn: ({ signal }) =>
      api.get('/benefits/gaps', { schema: BenefitGapList, query: { unit, at }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Link of the gap list as Excel (a plain download: the browser sends the session cookie). */
export function gapExportUrl(unit: string | undefined, at: string | undefined, kind?: GapKind): string {
  return buildUrl('/benefits/gaps/export', { unit, at, kind });
}

/** Link of a month's payment list as the usual signing sheet (Excel). */
export function paymentRunExportUrl(runId: string): string {
  return buildUrl(`/benefits/payment-runs/${enc(runId)}/export`);
}

export function usePaymentRuns(unit: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [...benefitKeys.runs(unit), from, to],
    queryFn: ({ signal }) =>
      api.get('/benefits/payment-runs', { schema: PaymentRunList, query: { unit, from, to }, signal }),
  });
}

export function usePaymentRun(id: string | undefined) {
  return useQuery({
    queryKey: benefitKeys.run(id ?? ''),
    queryFn: ({ signal }) =>
      api.get(`/benefits/payment-runs/${enc(id ?? '')}`, { schema: PaymentRun, signal }),
    enabled: Boolean(id),
  });
}

export function useBenefitTotals(unit: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: benefitKeys.totals(unit, from, to),
    queryFn: ({ signal }) =>
      api.get('/benefits/totals', { schema: BenefitTotals, query: { unit, from, to }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** After any decision every benefits view may change (gaps, proposals, lists, the child's tab). */
function useRefreshBenefits() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: benefitKeys.all });
}

export function useCreateEnrolment() {
  const refresh = useRefreshBenefits();
  return useMutation({
    mutationFn: ({
      request,
      idempotencyKey,
    }: {
      request: CreateBenefitEnrolmentRequest;
      idempotencyKey: string;
    }) => api.post('/benefits/enrolments', { schema: BenefitEnrolment, body: request, idempotencyKey }),
    onSettled: refresh,
  });
}

export function useAdjustEnrolment() {
  const refresh = useRefreshBenefits();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: AdjustBenefitEnrolmentRequest }) =>
      api.post(`/benefits/enrolments/${enc(id)}/adjust`, { schema: BenefitEnrolment, body: request }),
    onSettled: refresh,
  });
}

export function useTerminateEnrolment() {
  const refresh = useRefreshBenefits();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: TerminateBenefitEnrolmentRequest }) =>
      api.post(`/benefits/enrolments/${enc(id)}/terminate`, { schema: BenefitEnrolment, body: request }),
    onSettled: refresh,
  });
}

export function useDismissProposal() {
  const refresh = useRefreshBenefits();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post(`/benefits/proposals/${enc(id)}/dismiss`, {
        schema: BenefitProposal.or(Anything),
        body: { reason },
      }),
    onSettled: refresh,
  });
}

export function useGenerateProposals() {
  const refresh = useRefreshBenefits();
  return useMutation({
    mutationFn: (unit: string | undefined) =>
      api.post('/benefits/proposals/generate', { schema: Anything, query: { unit } }),
    onSettled: refresh,
  });
}

/** After a payment change only the payment lists and totals are read again (not the gap list). */
function useRefreshPayments() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['benefits', 'runs'] });
    void queryClient.invalidateQueries({ queryKey: ['benefits', 'run'] });
    void queryClient.invalidateQueries({ queryKey: ['benefits', 'totals'] });
  };
}

/** Makes (or completes) a month's list; the answer is the whole run, kept as its detail. */
export function useCreatePaymentRun() {
  const queryClient = useQueryClient();
  const refresh = useRefreshPayments();
  return useMutation({
    mutationFn: (request: { unitCode: string; month: string }) =>
      api.post('/benefits/payment-runs', { schema: PaymentRun, body: request }),
    onSuccess: (run) => queryClient.setQueryData(benefitKeys.run(run.id), run),
    onSettled: refresh,
  });
}

export function usePayLine(runId: string) {
  const refresh = useRefreshPayments();
  return useMutation({
    mutationFn: ({ lineId, request }: { lineId: string; request: PayLineRequest }) =>
      api.post(`/benefits/payment-runs/${enc(runId)}/lines/${enc(lineId)}/pay`, {
        schema: PaymentLine,
        body: request,
      }),
    onSettled: refresh,
  });
}

export function useCreateRule() {
  const refresh = useRefreshBenefits();
  return useMutation({
    mutationFn: (request: CreateBenefitRuleRequest) =>
      api.post('/benefits/rules', { schema: BenefitRuleView, body: request }),
    onSettled: refresh,
  });
}

export function useUpdateRule() {
  const refresh = useRefreshBenefits();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateBenefitRuleRequest }) =>
      api.patch(`/benefits/rules/${enc(id)}`, { schema: BenefitRuleView, body: request }),
    onSettled: refresh,
  });
}

export function useCreateBaseLevel() {
  const refresh = useRefreshBenefits();
  return useMutation({
    mutationFn: (request: CreateBaseLevelRequest) =>
      api.post('/benefits/base-levels', { schema: BaseLevelView, body: request }),
    onSettled: refresh,
  });
}
