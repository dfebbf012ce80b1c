import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { HolidayYearView, type SaveHolidayYearRequest } from '@tuoitho/domain';
import { api, apiRequest } from '../../lib/api';
import { isApiError } from '../../lib/problem';

export const holidayKeys = {
  all: ['holidays'] as const,
  year: (year: number) => ['holidays', year] as const,
};

/** The days off of a year: stored by an administrator, or computed by the default rules. */
export function useHolidayYear(year: number) {
  return useQuery({
    queryKey: holidayKeys.year(year),
    queryFn: ({ signal }) => api.get(`/holidays/${year}`, { schema: HolidayYearView, signal }),
  });
}

/** After a change, or a 409 telling the year is stale, the year is read again. */
function useRefreshAfter(year: number) {
  const queryClient = useQueryClient();
  return (_data: unknown, error: unknown) => {
    if (!error || (isApiError(error) && error.status === 409)) {
      void queryClient.invalidateQueries({ queryKey: holidayKeys.year(year) });
    }
  };
}

/** Stores the whole year (`version` 0 the first time). */
export function useSaveHolidayYear(year: number) {
  const onSettled = useRefreshAfter(year);
  return useMutation({
    mutationFn: (request: SaveHolidayYearRequest) =>
      api.put(`/holidays/${year}`, { schema: HolidayYearView, body: request }),
    onSettled,
  });
}

/** Removes the stored year: the default rules apply again. */
export function useResetHolidayYear(year: number) {
  const onSettled = useRefreshAfter(year);
  return useMutation({
    mutationFn: (version: number) =>
      apiRequest('DELETE', `/holidays/${year}`, { schema: HolidayYearView, query: { version } }),
    onSettled,
  });
}
