import { useQuery } from '@tanstack/react-query';
import { answer, api } from '../api/api-client';
import type { components } from '../api/schema';

export type BureauView = components['schemas']['BureauView'];

/** Every list, filter and form that offers bureaus shares this one cache entry; changing a bureau refreshes it. */
export const BUREAUS_KEY = ['bureaus'] as const;

/** The largest page the API gives. */
const PAGE_SIZE = 200;

/** Every bureau, page after page: a form that offers only the first page would hide the rest. */
export const useBureaus = () =>
  useQuery({
    queryKey: BUREAUS_KEY,
    queryFn: async (): Promise<{ items: BureauView[]; total: number }> => {
      const pageOf = (page: number) => answer(api.GET('/api/v1/bureaus', { params: { query: { page, pageSize: PAGE_SIZE } } }));
      const first = await pageOf(1);
      const items = [...first.items];
      for (let page = 2; (page - 1) * PAGE_SIZE < first.total; page += 1) items.push(...(await pageOf(page)).items);
      return { items, total: items.length };
    },
    staleTime: 5 * 60_000,
  });
