import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  ChildList,
  Communication,
  CommunicationList,
  type CommunicationQuery,
  CommunicationSummary,
  type CreateCommunicationRequest,
  type CreateFacilityRequest,
  type CreateIncidentRequest,
  type CreateMovementRequest,
  DrowningView,
  Facility,
  FacilityCoverage,
  FacilityList,
  type FacilityQuery,
  Incident,
  IncidentList,
  type IncidentQuery,
  IncidentSummary,
  Movement,
  MovementList,
  ProgrammeList,
  type UpdateCommunicationRequest,
  type UpdateFacilityRequest,
  type UpdateIncidentRequest,
  type UpdateMovementRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import { api, apiRequest } from '../../lib/api';

/**
 * Queries and mutations of communication and movements (`/communications`, `/movements`),
 * the incident register with its drowning view (`/incidents`) and facilities (`/facilities`).
 */

const PAGE_SIZE = 100;
const enc = encodeURIComponent;
/** A deletion answers 204 or a small acknowledgement; the lists are read again either way. */
const Deleted = z.unknown();

type ListFilters<Q> = Omit<Q, 'limit' | 'cursor'>;
export type CommunicationFilters = Partial<ListFilters<CommunicationQuery>>;
export type IncidentFilters = Partial<ListFilters<IncidentQuery>>;
export type FacilityFilters = Partial<ListFilters<FacilityQuery>>;

export const outreachKeys = {
  communications: ['communications'] as const,
  movements: ['movements'] as const,
  incidents: ['incidents'] as const,
  facilities: ['facilities'] as const,
  programmeOptions: (unit: string | undefined) => ['programmes', 'options', unit ?? ''] as const,
  childSearch: (q: string, unit: string | undefined) => ['children', 'incident-link', q, unit ?? ''] as const,
};

/** Invalidates one family of lists (and its summaries) after a change. */
function useRefresh(key: readonly string[]) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: key });
}

// ---------------------------------------------------------------- communication

/** Communication events matching the filters, page by page ("Tải thêm"). */
export function useCommunications(filters: CommunicationFilters) {
  return useInfiniteQuery({
    queryKey: [...outreachKeys.communications, 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get('/communications', {
        schema: CommunicationList,
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCommunicationSummary(unit: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: [...outreachKeys.communications, 'summary', unit ?? '', year ?? 0],
    queryFn: ({ signal }) =>
      api.get('/communications/summary', { schema: CommunicationSummary, query: { unit, year }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateCommunication() {
  const refresh = useRefresh(outreachKeys.communications);
  return useMutation({
    mutationFn: ({
      request,
      idempotencyKey,
    }: {
      request: CreateCommunicationRequest;
      idempotencyKey: string;
    }) => api.post('/communications', { schema: Communication, body: request, idempotencyKey }),
    onSettled: refresh,
  });
}

export function useUpdateCommunication() {
  const refresh = useRefresh(outreachKeys.communications);
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateCommunicationRequest }) =>
      api.put(`/communications/${enc(id)}`, { schema: Communication, body: request }),
    onSettled: refresh,
  });
}

export function useDeleteCommunication() {
  const refresh = useRefresh(outreachKeys.communications);
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest('DELETE', `/communications/${enc(id)}`, { schema: Deleted, query: { version } }),
    onSettled: refresh,
  });
}

// ---------------------------------------------------------------- movements

export function useMovements(unit: string | undefined) {
  return useQuery({
    queryKey: [...outreachKeys.movements, unit ?? ''],
    queryFn: ({ signal }) => api.get('/movements', { schema: MovementList, query: { unit }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateMovement() {
  const refresh = useRefresh(outreachKeys.movements);
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: CreateMovementRequest; idempotencyKey: string }) =>
      api.post('/movements', { schema: Movement, body: request, idempotencyKey }),
    onSettled: refresh,
  });
}

export function useUpdateMovement() {
  const refresh = useRefresh(outreachKeys.movements);
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateMovementRequest }) =>
      api.put(`/movements/${enc(id)}`, { schema: Movement, body: request }),
    onSettled: refresh,
  });
}

/** Programmes the caller can see, to link a communication event to one of them. */
export function useProgrammeOptions(unit: string | undefined) {
  return useQuery({
    queryKey: outreachKeys.programmeOptions(unit),
    queryFn: async ({ signal }) =>
      (
        await api.get('/programmes', { schema: ProgrammeList, query: { unit, limit: 200 }, signal })
      ).items.map((programme) => ({
        value: programme.id,
        label: `${programme.name} (${programme.yearFrom}–${programme.yearTo})`,
      })),
    staleTime: 5 * 60_000,
  });
}

// ---------------------------------------------------------------- incidents

export function useIncidents(filters: IncidentFilters) {
  return useInfiniteQuery({
    queryKey: [...outreachKeys.incidents, 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get('/incidents', {
        schema: IncidentList,
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDrowningView(unit: string | undefined, yearFrom: number, yearTo: number) {
  return useQuery({
    queryKey: [...outreachKeys.incidents, 'drowning', unit ?? '', yearFrom, yearTo],
    queryFn: ({ signal }) =>
      api.get('/incidents/drowning', { schema: DrowningView, query: { unit, yearFrom, yearTo }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useIncidentSummary(unit: string | undefined, yearFrom: number, yearTo: number) {
  return useQuery({
    queryKey: [...outreachKeys.incidents, 'summary', unit ?? '', yearFrom, yearTo],
    queryFn: ({ signal }) =>
      api.get('/incidents/summary', { schema: IncidentSummary, query: { unit, yearFrom, yearTo }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateIncident() {
  const refresh = useRefresh(outreachKeys.incidents);
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: CreateIncidentRequest; idempotencyKey: string }) =>
      api.post('/incidents', { schema: Incident, body: request, idempotencyKey }),
    onSettled: refresh,
  });
}

export function useUpdateIncident() {
  const refresh = useRefresh(outreachKeys.incidents);
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateIncidentRequest }) =>
      api.put(`/incidents/${enc(id)}`, { schema: Incident, body: request }),
    onSettled: refresh,
  });
}

export function useDeleteIncident() {
  const refresh = useRefresh(outreachKeys.incidents);
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest('DELETE', `/incidents/${enc(id)}`, { schema: Deleted, query: { version } }),
    onSettled: refresh,
  });
}

/**
 * Registered children matching a name, to link an incident to the child's record. Only for
 * callers holding `registry.read` (the page does not offer the link to others).
 */
export function useChildSearch(q: string, unit: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: outreachKeys.childSearch(q, unit),
    queryFn: ({ signal }) =>
      api.get('/children', { schema: ChildList, query: { q, unit, limit: 20 }, signal }),
    enabled: enabled && q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

// ---------------------------------------------------------------- facilities

export function useFacilities(filters: FacilityFilters) {
  return useInfiniteQuery({
    queryKey: [...outreachKeys.facilities, 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get('/facilities', {
        schema: FacilityList,
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useFacilityCoverage(unit: string | undefined) {
  return useQuery({
    queryKey: [...outreachKeys.facilities, 'coverage', unit ?? ''],
    queryFn: ({ signal }) =>
      api.get('/facilities/coverage', { schema: FacilityCoverage, query: { unit }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateFacility() {
  const refresh = useRefresh(outreachKeys.facilities);
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: CreateFacilityRequest; idempotencyKey: string }) =>
      api.post('/facilities', { schema: Facility, body: request, idempotencyKey }),
    onSettled: refresh,
  });
}

export function useUpdateFacility() {
  const refresh = useRefresh(outreachKeys.facilities);
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateFacilityRequest }) =>
      api.put(`/facilities/${enc(id)}`, { schema: Facility, body: request }),
    onSettled: refresh,
  });
}

export function useDeleteFacility() {
  const refresh = useRefresh(outreachKeys.facilities);
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest('DELETE', `/facilities/${enc(id)}`, { schema: Deleted, query: { version } }),
    onSettled: refresh,
  });
}
