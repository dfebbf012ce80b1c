import {
  CreateServiceProviderRequest,
  ServiceProvider,
  ServiceProviderList,
  ServiceProviderListQuery,
  UpdateServiceProviderRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { actorOf, defineRoute } from '../../../platform/http/route';
import { ProvidersService } from './providers.service';

const tags = ['Danh bạ dịch vụ / Service providers'];

export function providerRoutes(ctx: AppContext) {
  const providers = new ProvidersService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/service-providers',
      tags,
      summary: 'Cơ sở cung cấp dịch vụ dùng được cho một xã, phường / providers usable for a commune',
      description:
        'Với `unit` (mã xã, phường): các cơ sở của xã, phường đó và của tỉnh. Không có `unit`: các cơ sở trong phạm vi và của các cấp trên. Cần quyền `cases.read` hoặc `catalogs.manage`.',
      access: { user: true },
      query: ServiceProviderListQuery,
      response: ServiceProviderList,
      handler: async (c) => providers.listProviders(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/service-providers',
      tags,
      summary: 'Thêm cơ sở vào danh bạ / add a provider',
      description:
        'Cơ sở cấp xã, phường: quyền `cases.write` hoặc `catalogs.manage`; cơ sở cấp tỉnh: `catalogs.manage`. Đơn vị phải thuộc phạm vi quản lý (403).',
      access: { user: true },
      status: 201,
      body: CreateServiceProviderRequest,
      response: ServiceProvider,
      handler: async (c) => providers.createProvider(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/service-providers/:id',
      tags,
      summary: 'Sửa, ngừng sử dụng một cơ sở / change a provider',
      description: 'Gửi kèm `version`; dữ liệu cũ: 409. Ngoài phạm vi: 404.',
      access: { user: true },
      params: z.object({ id: z.uuid() }),
      body: UpdateServiceProviderRequest,
      response: ServiceProvider,
      handler: async (c) => providers.updateProvider(actorOf(c), c.params.id, c.body, c.meta),
    }),
  ];
}
