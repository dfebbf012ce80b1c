import {
  EthnicGroup,
  ethnicityCatalogue,
  findSpecialCircumstanceCatalogue,
  SpecialCircumstanceCatalogue,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/http/errors';
import { defineRoute } from '../../platform/http/route';
import { todayInVietnam } from '../../platform/time/today';

const tags = ['Danh mục / Catalogues'];

export function cataloguesRoutes(_ctx: AppContext) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/catalogues/special-circumstances',
      tags,
      summary:
        '14 nhóm trẻ em có hoàn cảnh đặc biệt và nhóm nhỏ, theo ngày hiệu lực / the special-circumstance catalogue',
      description: 'Mục `verified: false` là chưa xác minh với văn bản gốc.',
      access: { user: true },
      query: z.object({ at: z.iso.date().optional() }),
      response: SpecialCircumstanceCatalogue,
      handler: async ({ query }) => {
        const catalogue = findSpecialCircumstanceCatalogue(query.at ?? todayInVietnam());
        if (!catalogue) throw notFound();
        return catalogue;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/catalogues/ethnic-groups',
      tags,
      summary: '54 dân tộc Việt Nam (danh mục của Tổng cục Thống kê) / the 54 ethnic groups',
      access: { user: true },
      response: z.object({ items: z.array(EthnicGroup) }),
      handler: async () => ({ items: [...ethnicityCatalogue] }),
    }),
  ];
}
