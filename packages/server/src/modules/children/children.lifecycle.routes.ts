import {
  AcceptChildTransferRequest,
  CancelChildTransferRequest,
  Child,
  ChildTransfer,
  ChildTransferList,
  ChildTransferListQuery,
  CreateChildTransferRequest,
  DeclineChildTransferRequest,
  MergeChildrenRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf, defineRoute } from '../../platform/http/route';
import { ChildMergeService } from './children.merge';
import { ChildTransferService } from './children.transfer';

const tags = ['Trẻ em / Child registry'];
const read = { permission: 'registry.read' } as const;
const write = { permission: 'registry.write' } as const;
const ChildParams = z.object({ id: z.uuid() });
const TransferParams = z.object({ transferId: z.uuid() });

/** Moving a child to another commune and merging duplicate records. */
export function childLifecycleRoutes(ctx: AppContext) {
  const transfers = new ChildTransferService(ctx);
  const merges = new ChildMergeService(ctx);
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/:id/transfers',
      tags,
      summary: 'Đề nghị chuyển trẻ sang xã, phường khác / ask another commune to take a child over',
      description:
        'Trẻ đang theo dõi, trong phạm vi người gọi; xã nhận là đơn vị cấp xã hiện hành khác xã của trẻ. ' +
        'Mỗi trẻ chỉ có một đề nghị đang chờ (409 transfer-pending). Trẻ vẫn thuộc xã chuyển cho đến khi được tiếp nhận.',
      access: write,
      status: 201,
      params: ChildParams,
      body: CreateChildTransferRequest,
      response: ChildTransfer,
      handler: async (c) => transfers.requestTransfer(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/transfers',
      tags,
      summary: 'Danh sách chuyển đến / chuyển đi / incoming and outgoing transfers',
      description:
        '`incoming`: đến một xã trong phạm vi người gọi; `outgoing`: từ một xã trong phạm vi. Mỗi mục có thông tin ' +
        'nhận diện trẻ (số định danh chỉ hiện 4 số cuối); hồ sơ đầy đủ chỉ mở được sau khi tiếp nhận.',
      access: read,
      query: ChildTransferListQuery,
      response: ChildTransferList,
      handler: async (c) => transfers.listTransfers(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/transfers/:transferId/accept',
      tags,
      summary: 'Tiếp nhận trẻ chuyển đến / accept a transfer',
      description:
        'Xã nhận (trong phạm vi người gọi). Trẻ giữ nguyên mã hồ sơ: lịch sử, nhóm hoàn cảnh và liên kết đi theo trẻ.',
      access: write,
      params: TransferParams,
      body: AcceptChildTransferRequest,
      response: ChildTransfer,
      handler: async (c) => transfers.acceptTransfer(actorOf(c), c.params.transferId, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/transfers/:transferId/decline',
      tags,
      summary: 'Từ chối tiếp nhận, kèm lý do / decline a transfer',
      access: write,
      params: TransferParams,
      body: DeclineChildTransferRequest,
      response: ChildTransfer,
      handler: async (c) => transfers.declineTransfer(actorOf(c), c.params.transferId, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/transfers/:transferId/cancel',
      tags,
      summary: 'Hủy đề nghị chuyển (xã chuyển) / cancel a transfer (sending side)',
      access: write,
      params: TransferParams,
      body: CancelChildTransferRequest,
      response: ChildTransfer,
      handler: async (c) => transfers.cancelTransfer(actorOf(c), c.params.transferId, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/:id/merge',
      tags,
      summary: 'Gộp hồ sơ trùng vào hồ sơ này / merge a duplicate record into this one',
      description:
        'Hồ sơ `{id}` được giữ lại và được bổ sung những gì còn thiếu; hồ sơ `duplicateId` được đánh dấu đã gộp ' +
        '(vẫn mở được để tra cứu, có `mergedInto`). Gửi kèm `version` của cả hai hồ sơ (409 nếu đã thay đổi).',
      access: write,
      params: ChildParams,
      body: MergeChildrenRequest,
      response: Child,
      handler: async (c) => merges.mergeChildren(actorOf(c), c.params.id, c.body, c.meta),
    }),
  ];
}
