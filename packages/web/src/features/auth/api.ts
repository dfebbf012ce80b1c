import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ChangePasswordRequest,
  type LoginRequest,
  MfaEnrolment,
  Ok,
  RecoveryCodes,
  SessionInfo,
} from '@tuoitho/domain';
import { ApiError, api, setCsrfToken } from '../../lib/api';
import { forgetSignedInData, type MutationMeta, sessionQueryKey } from '../../lib/queryClient';

const authFlow: MutationMeta = { keepSessionOn401: true };

function remember(session: SessionInfo): SessionInfo {
  setCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or null when nobody is signed in (401). */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return remember(await api.get('/auth/session', { schema: SessionInfo }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The session query; the whole application renders from it. */
export function useSessionQuery() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000, retry: 1 });
}

/** The signed-in session; only for components rendered behind the AuthGate. */
export function useSession(): SessionInfo {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSession outside of a signed-in area');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: authFlow,
    mutationFn: async (credentials: LoginRequest) =>
      remember(await api.post('/auth/login', { schema: SessionInfo, body: credentials })),
    onSuccess: (session) => queryClient.setQueryData(sessionQueryKey, session),
  });
}

export function useVerifyMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: authFlow,
    mutationFn: async (code: string) =>
      remember(await api.post('/auth/mfa/verify', { schema: SessionInfo, body: { code } })),
    onSuccess: (session) => queryClient.setQueryData(sessionQueryKey, session),
  });
}

/** Ends this session (or every session of the user) and forgets all cached data. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: authFlow,
    mutationFn: async (everywhere: boolean) =>
      api.post(everywhere ? '/auth/logout-all' : '/auth/logout', { schema: Ok }),
    onSettled: () => {
      setCsrfToken(null);
      forgetSignedInData(queryClient);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: authFlow,
    mutationFn: (request: ChangePasswordRequest) => api.post('/me/password', { schema: Ok, body: request }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}

export function useMfaEnrol() {
  return useMutation({
    meta: authFlow,
    mutationFn: () => api.post('/me/mfa/enrol', { schema: MfaEnrolment }),
  });
}

/** Confirms enrolment; the answer holds the recovery codes, shown once. The session is refreshed later. */
export function useMfaConfirm() {
  return useMutation({
    meta: authFlow,
    mutationFn: (code: string) => api.post('/me/mfa/confirm', { schema: RecoveryCodes, body: { code } }),
  });
}

export function useMfaDisable() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: authFlow,
    mutationFn: (password: string) => api.post('/me/mfa/disable', { schema: Ok, body: { password } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}

/** Re-reads the session after a step that changes it (2FA enrolled, password changed). */
export function useRefreshSession() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sessionQueryKey });
}
