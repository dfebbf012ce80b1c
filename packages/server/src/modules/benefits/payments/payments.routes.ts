import {
  BenefitTotals,
  BenefitTotalsQuery,
  CreatePaymentRunRequest,
  PayLineRequest,
  PaymentLine,
  PaymentRun,
  PaymentRunList,
  PaymentRunListQuery,
  UnpayLineRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { actorOf, defineRoute } from '../../../platform/http/route';
import { exportPaymentRun, XLSX_TYPE } from './payments.export';
import { PaymentsService } from './payments.service';

const RunParams = z.object({ id: z.uuid() });
const LineParams = z.object({ id: z.uuid(), lineId: z.uuid() });
const tags = ['Chi trả chính sách / Benefit payments'];
const read = { permission: 'benefits.read' } as const;
/** `benefits.write` or `benefits.approve`, checked by the service. */
const manage = { user: true } as const;

/** Monthly payment lists: make, read, mark paid, export the signing sheet, totals. */
export function benefitPaymentsRoutes(ctx: AppContext) {
  const payments = new PaymentsService(ctx);
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/benefits/payment-runs',
      tags,
      summary: 'Lập danh sách chi trả tháng của xã, phường / make a commune’s monthly payment list',
      description:
        'Cần quyền `benefits.write` hoặc `benefits.approve`. Một dòng cho mỗi lần hưởng đến kỳ chi trong tháng, theo mức của quyết định. ' +
        '201 khi lập mới; 200 khi danh sách đã có: chỉ bổ sung lần hưởng chưa có dòng, không bao giờ chi hai lần. ' +
        'Tháng sau tháng hiện tại (giờ Việt Nam): 422.',
      access: manage,
      status: 201,
      // Idempotent by nature (a line is never created twice); a replayed reply could not say 200.
      idempotent: false,
      body: CreatePaymentRunRequest,
      response: PaymentRun,
      handler: async (c) => {
        const { run, created } = await payments.runMonth(actorOf(c), c.body, c.meta);
        if (!created) await c.reply.code(200).send(PaymentRun.parse(run));
        return run;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/benefits/payment-runs',
      tags,
      summary: 'Danh sách chi trả các tháng / payment runs of the caller’s subtree',
      access: read,
      query: PaymentRunListQuery,
      response: PaymentRunList,
      handler: async (c) => payments.listRuns(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/benefits/payment-runs/:id',
      tags,
      summary: 'Một danh sách chi trả với các dòng / one payment run with its lines',
      access: read,
      params: RunParams,
      response: PaymentRun,
      handler: async (c) => payments.getRun(actorOf(c), c.params.id, c.meta.lang),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/benefits/payment-runs/:id/export',
      tags,
      summary: 'Tải danh sách ký nhận (Excel) / the signing sheet as XLSX',
      description:
        'Khổ A4 ngang, lặp dòng tiêu đề, tổng cộng và số tiền bằng chữ. Mỗi lần tải được ghi nhật ký.',
      access: read,
      params: RunParams,
      response: z.unknown(),
      produces: [XLSX_TYPE],
      handler: async (c) => {
        const file = await exportPaymentRun(ctx, payments, actorOf(c), c.params.id, c.meta);
        c.reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`);
        return file.body;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/benefits/payment-runs/:id/lines/:lineId/pay',
      tags,
      summary: 'Ghi nhận đã chi một dòng / mark a line paid',
      description:
        'Cần quyền `benefits.write` hoặc `benefits.approve`. `version` cũ: 409; dòng đã chi: 409; ngày chi ở tương lai: 422.',
      access: manage,
      params: LineParams,
      body: PayLineRequest,
      response: PaymentLine,
      handler: async (c) => payments.payLine(actorOf(c), c.params.id, c.params.lineId, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/benefits/payment-runs/:id/lines/:lineId/unpay',
      tags,
      summary: 'Hủy ghi nhận đã chi do nhầm / undo a payment recorded by mistake',
      description: 'Cần quyền `benefits.write` hoặc `benefits.approve`; lý do được ghi nhật ký.',
      access: manage,
      params: LineParams,
      body: UnpayLineRequest,
      response: PaymentLine,
      handler: async (c) => payments.unpayLine(actorOf(c), c.params.id, c.params.lineId, c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/benefits/totals',
      tags,
      summary: 'Tổng hợp chi trả theo tháng, chính sách, nguồn kinh phí / totals by month, benefit, budget',
      description: 'Mặc định 12 tháng gần nhất đến tháng hiện tại.',
      access: read,
      query: BenefitTotalsQuery,
      response: BenefitTotals,
      handler: async (c) => payments.totals(actorOf(c), c.query, c.meta.lang),
    }),
  ];
}
