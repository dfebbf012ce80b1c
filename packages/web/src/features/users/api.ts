import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateUserRequest, type UpdateUserRequest, User, type UserListQuery } from '@tuoitho/domain';
import { api } from '../../lib/api';
import { pageOf } from '../../lib/lists';
import { isApiError } from '../../lib/problem';

const UserPage = pageOf(User);
const PAGE_SIZE = 50;

export type UserFilters = Pick<UserListQuery, 'q' | 'unitId' | 'active'>;

export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
};

/** Users of the caller's subtree, page by page ("Tải thêm"). */
export function useUserList(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: userKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get('/users', {
        schema: UserPage,
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** One user, read again after a 409 so the form gets the current data and version. */
export function fetchUser(id: string): Promise<User> {
  return api.get(`/users/${encodeURIComponent(id)}`, { schema: User });
}

/** After a change, or a 409 telling the list is stale, the list is read again. */
function useRefreshUsersAfter() {
  const queryClient = useQueryClient();
  return (_data: unknown, error: unknown) => {
    if (!error || (isApiError(error) && error.status === 409)) {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    }
  };
}

export function useCreateUser() {
  const onSettled = useRefreshUsersAfter();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: CreateUserRequest; idempotencyKey: string }) =>
      api.post('/users', { schema: User, body: request, idempotencyKey }),
    onSettled,
  });
}

export function useUpdateUser() {
  const onSettled = useRefreshUsersAfter();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: UpdateUserRequest }) =>
      api.patch(`/users/${encodeURIComponent(id)}`, { schema: User, body: request }),
    onSettled,
  });
}

/** Account actions that take only the version (`{version}` → User). */
export type UserAction = 'deactivate' | 'activate' | 'unlock' | 'resetMfa';

const actionPaths: Record<UserAction, string> = {
  deactivate: 'deactivate',
  activate: 'activate',
  unlock: 'unlock',
  resetMfa: 'mfa/reset',
};

export function useUserAction() {
  const onSettled = useRefreshUsersAfter();
  return useMutation({
    mutationFn: ({ user, action }: { user: User; action: UserAction }) =>
      api.post(`/users/${encodeURIComponent(user.id)}/${actionPaths[action]}`, {
        schema: User,
        body: { version: user.version },
      }),
    onSettled,
  });
}

export function useResetPassword() {
  const onSettled = useRefreshUsersAfter();
  return useMutation({
    mutationFn: ({ user, newPassword }: { user: User; newPassword: string }) =>
      api.post(`/users/${encodeURIComponent(user.id)}/reset-password`, {
        schema: User,
        body: { version: user.version, newPassword },
      }),
    onSettled,
  });
}
