import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type AcceptChildTransferRequest,
  type CancelChildTransferRequest,
  Child,
  ChildList,
  ChildTransfer,
  ChildTransferList,
  type ChildTransferListQuery,
  type CreateChildTransferRequest,
  type DeclineChildTransferRequest,
} from '@tuoitho/domain';
import { api } from '../../lib/api';
import { childKeys } from './api';

/** Moving children between communes, and merging duplicate records. */

export type TransferDirection = ChildTransferListQuery['direction'];
export type TransferStatusFilter = ChildTransferListQuery['status'];

const PAGE_SIZE = 30;

export const transferKeys = {
  all: ['children', 'transfers'] as const,
  list: (direction: TransferDirection, status: TransferStatusFilter) =>
    ['children', 'transfers', direction, status] as const,
};

const transferPath = (id: string, action: string) =>
  `/children/transfers/${encodeURIComponent(id)}/${action}`;

/** Transfers to or from the caller's area, newest first, page by page. */
export function useTransfers(direction: TransferDirection, status: TransferStatusFilter) {
  return useInfiniteQuery({
    queryKey: transferKeys.list(direction, status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get('/children/transfers', {
        schema: ChildTransferList,
        query: { direction, status, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** After a transfer changes, the transfer lists, the child and the children lists are read again. */
function useForgetTransfer() {
  const queryClient = useQueryClient();
  return (transfer: ChildTransfer) => {
    void queryClient.invalidateQueries({ queryKey: transferKeys.all });
    void queryClient.invalidateQueries({ queryKey: childKeys.detail(transfer.child.id) });
    void queryClient.invalidateQueries({ queryKey: childKeys.history(transfer.child.id) });
    void queryClient.invalidateQueries({ queryKey: ['children', 'list'] });
  };
}

export function useRequestTransfer() {
  const forget = useForgetTransfer();
  return useMutation({
    mutationFn: ({ childId, request }: { childId: string; request: CreateChildTransferRequest }) =>
      api.post(`/children/${encodeURIComponent(childId)}/transfers`, {
        schema: ChildTransfer,
        body: request,
      }),
    onSuccess: forget,
  });
}

export function useAcceptTransfer() {
  const forget = useForgetTransfer();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: AcceptChildTransferRequest }) =>
      api.post(transferPath(id, 'accept'), { schema: ChildTransfer, body: request }),
    onSuccess: forget,
  });
}

export function useDeclineTransfer() {
  const forget = useForgetTransfer();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: DeclineChildTransferRequest }) =>
      api.post(transferPath(id, 'decline'), { schema: ChildTransfer, body: request }),
    onSuccess: forget,
  });
}

export function useCancelTransfer() {
  const forget = useForgetTransfer();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: CancelChildTransferRequest }) =>
      api.post(transferPath(id, 'cancel'), { schema: ChildTransfer, body: request }),
    onSuccess: forget,
  });
}

/** Other records of the caller's area found by name or personal id: the duplicate to merge. */
export function useMergeCandidates(term: string, excludeId: string) {
  return useQuery({
    queryKey: ['children', 'list', 'merge-candidates', term],
    queryFn: ({ signal }) =>
      api.get('/children', { schema: ChildList, query: { q: term, status: 'all', limit: 10 }, signal }),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
    select: (list) => list.items.filter((child) => child.id !== excludeId),
  });
}

/** Merges `duplicate` into `survivor` at the versions read; answers the survivor. */
export function useMergeChildren() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ survivor, duplicate }: { survivor: Child; duplicate: Child }) =>
      api.post(`/children/${encodeURIComponent(survivor.id)}/merge`, {
        schema: Child,
        body: { duplicateId: duplicate.id, version: survivor.version, duplicateVersion: duplicate.version },
      }),
    onSuccess: (survivor, { duplicate }) => {
      queryClient.setQueryData(childKeys.detail(survivor.id), survivor);
      void queryClient.invalidateQueries({ queryKey: childKeys.detail(duplicate.id) });
      void queryClient.invalidateQueries({ queryKey: childKeys.history(survivor.id) });
      void queryClient.invalidateQueries({ queryKey: ['children', 'list'] });
    },
    onError: (_error, { survivor, duplicate }) => {
      // A conflict means one of the two changed meanwhile: read both again.
      void queryClient.invalidateQueries({ queryKey: childKeys.detail(survivor.id) });
      void queryClient.invalidateQueries({ queryKey: childKeys.detail(duplicate.id) });
    },
  });
}
