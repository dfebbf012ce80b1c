import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PermissionInfo, Role, type SaveRoleRequest } from '@tuoitho/domain';
import { api } from '../../lib/api';
import { itemsOf } from '../../lib/lists';
import { isApiError } from '../../lib/problem';

const RoleList = itemsOf(Role);
const PermissionList = itemsOf(PermissionInfo);

export const roleKeys = {
  all: ['roles'] as const,
  permissions: ['permissions'] as const,
};

export function useRoles() {
  return useQuery({
    queryKey: roleKeys.all,
    queryFn: async () => (await api.get('/roles', { schema: RoleList })).items,
    staleTime: 5 * 60_000,
  });
}

export function usePermissions() {
  return useQuery({
    queryKey: roleKeys.permissions,
    queryFn: async () => (await api.get('/permissions', { schema: PermissionList })).items,
    staleTime: 60 * 60_000,
  });
}

export type SaveRoleInput =
  | { kind: 'create'; request: SaveRoleRequest; idempotencyKey: string }
  | { kind: 'update'; code: string; request: SaveRoleRequest };

/** Creates a role (body with `code`) or saves one (body with `version`; a stale version answers 409). */
export function useSaveRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveRoleInput) =>
      input.kind === 'create'
        ? api.post('/roles', { schema: Role, body: input.request, idempotencyKey: input.idempotencyKey })
        : api.put(`/roles/${encodeURIComponent(input.code)}`, { schema: Role, body: input.request }),
    onSettled: (_role, error) => {
      if (!error || (isApiError(error) && error.status === 409)) {
        void queryClient.invalidateQueries({ queryKey: roleKeys.all });
      }
    },
  });
}
