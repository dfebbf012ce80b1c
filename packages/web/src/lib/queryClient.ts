import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './problem';

export const sessionQueryKey = ['session'] as const;

/** Auth-flow requests answer 401 for a wrong password or code; those must not end the session. */
export interface MutationMeta extends Record<string, unknown> {
  keepSessionOn401?: boolean;
}

/**
 * A 401 on any other request means the session ended (idle timeout, logout elsewhere) or needs a
 * step first (2FA); the session is read again and the AuthGate shows the right screen.
 */
function endSessionOn401(error: unknown): void {
  if (isApiError(error) && error.status === 401 && queryClient.getQueryData(sessionQueryKey)) {
    void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  }
}

/**
 * After logout: the session becomes null (the AuthGate shows the login form at once) and every
 * other cached answer, which belongs to the person who left, is dropped. Not `client.clear()`:
 * it would detach the session query from the AuthGate, which then keeps showing the signed-in
 * pages until something else re-renders it.
 */
export function forgetSignedInData(client: QueryClient): void {
  client.setQueryData(sessionQueryKey, null);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => endSessionOn401(error) }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      const meta = mutation.meta as MutationMeta | undefined;
      if (!meta?.keepSessionOn401) endSessionOn401(error);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (403, 404, 409…) do not get better by asking again.
      retry: (failureCount, error) =>
        failureCount < 2 && (!isApiError(error) || error.status <= 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});
