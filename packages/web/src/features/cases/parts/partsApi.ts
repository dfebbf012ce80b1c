import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AddCasePersonRequest,
  CasePerson,
  CasePersonList,
  CasePlacement,
  CasePlacementList,
  CaseReferral,
  CaseReferralList,
  ChildList,
  type CreatePlacementRequest,
  type CreateReferralRequest,
  type CreateServiceProviderRequest,
  type EndPlacementRequest,
  type PlacementVisitRequest,
  type ReferralStatusRequest,
  ServiceProvider,
  type ServiceProviderKind,
  ServiceProviderList,
  type UpdateServiceProviderRequest,
} from '@tuoitho/domain';
import { api, apiRequest } from '../../../lib/api';

/**
 * TanStack Query hooks of the parts of a case (people, referrals, placements) and of the
 * service-provider directory. A province officer who does not take part in the case reads them
 * with the reason given on the case page (`readReason`), which the server keeps in the read log.
 */

export const casePartKeys = {
  people: (caseId: string) => ['cases', 'parts', caseId, 'people'] as const,
  referrals: (caseId: string) => ['cases', 'parts', caseId, 'referrals'] as const,
  placements: (caseId: string) => ['cases', 'parts', caseId, 'placements'] as const,
  providers: ['service-providers'] as const,
};

const casePath = (caseId: string, suffix: string) => `/cases/${encodeURIComponent(caseId)}${suffix}`;

// People ------------------------------------------------------------------------------------------

export function useCasePeople(caseId: string, includeRemoved: boolean, readReason?: string) {
  return useQuery({
    queryKey: [...casePartKeys.people(caseId), includeRemoved, readReason ?? ''],
    queryFn: ({ signal }) =>
      api.get(casePath(caseId, '/people'), {
        schema: CasePersonList,
        query: { includeRemoved: includeRemoved ? 'true' : undefined, readReason },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useAddCasePerson(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AddCasePersonRequest) =>
      api.post(casePath(caseId, '/people'), { schema: CasePerson, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: casePartKeys.people(caseId) }),
  });
}

export function useRemoveCasePerson(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) =>
      apiRequest('DELETE', casePath(caseId, `/people/${encodeURIComponent(personId)}`), {
        schema: CasePerson,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: casePartKeys.people(caseId) }),
  });
}

/** Children of the registry matching a name or personal id (at least two characters). */
export function useChildSearch(q: string) {
  return useQuery({
    queryKey: ['children', 'case-person-search', q],
    queryFn: async ({ signal }) =>
      (await api.get('/children', { schema: ChildList, query: { q, limit: 20 }, signal })).items,
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

// Referrals ---------------------------------------------------------------------------------------

export function useCaseReferrals(caseId: string, readReason?: string) {
  return useQuery({
    queryKey: [...casePartKeys.referrals(caseId), readReason ?? ''],
    queryFn: ({ signal }) =>
      api.get(casePath(caseId, '/referrals'), { schema: CaseReferralList, query: { readReason }, signal }),
  });
}

export function useCreateReferral(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReferralRequest) =>
      api.post(casePath(caseId, '/referrals'), { schema: CaseReferral, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: casePartKeys.referrals(caseId) }),
  });
}

export function useChangeReferralStatus(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ referralId, ...body }: ReferralStatusRequest & { referralId: string }) =>
      api.post(casePath(caseId, `/referrals/${encodeURIComponent(referralId)}/status`), {
        schema: CaseReferral,
        body,
      }),
    // A stale version (409) also needs the fresh list.
    onSettled: () => client.invalidateQueries({ queryKey: casePartKeys.referrals(caseId) }),
  });
}

// Placements --------------------------------------------------------------------------------------

export function useCasePlacements(caseId: string, readReason?: string) {
  return useQuery({
    queryKey: [...casePartKeys.placements(caseId), readReason ?? ''],
    queryFn: ({ signal }) =>
      api.get(casePath(caseId, '/placements'), { schema: CasePlacementList, query: { readReason }, signal }),
  });
}

export function useCreatePlacement(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlacementRequest) =>
      api.post(casePath(caseId, '/placements'), { schema: CasePlacement, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: casePartKeys.placements(caseId) }),
  });
}

export function useAddPlacementVisit(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ placementId, ...body }: PlacementVisitRequest & { placementId: string }) =>
      api.post(casePath(caseId, `/placements/${encodeURIComponent(placementId)}/visits`), {
        schema: CasePlacement,
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: casePartKeys.placements(caseId) }),
  });
}

export function useEndPlacement(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ placementId, ...body }: EndPlacementRequest & { placementId: string }) =>
      api.post(casePath(caseId, `/placements/${encodeURIComponent(placementId)}/end`), {
        schema: CasePlacement,
        body,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: casePartKeys.placements(caseId) }),
  });
}

// Service providers -------------------------------------------------------------------------------

export interface ProviderListFilters {
  /** A commune code: its own providers and its province's; absent: the caller's whole area. */
  unit?: string | undefined;
  kind?: ServiceProviderKind | undefined;
  includeInactive?: boolean;
}

export function useServiceProviders(filters: ProviderListFilters, enabled = true) {
  return useQuery({
    queryKey: [...casePartKeys.providers, filters],
    queryFn: ({ signal }) =>
      api.get('/service-providers', {
        schema: ServiceProviderList,
        query: {
          unit: filters.unit,
          kind: filters.kind,
          includeInactive: filters.includeInactive ? 'true' : undefined,
        },
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCreateServiceProvider() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateServiceProviderRequest) =>
      api.post('/service-providers', { schema: ServiceProvider, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: casePartKeys.providers }),
  });
}

export function useUpdateServiceProvider() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateServiceProviderRequest & { id: string }) =>
      api.patch(`/service-providers/${encodeURIComponent(id)}`, { schema: ServiceProvider, body }),
    onSettled: () => client.invalidateQueries({ queryKey: casePartKeys.providers }),
  });
}
