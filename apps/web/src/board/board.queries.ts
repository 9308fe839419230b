import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useAction } from '../actions/use-action';
import { answer, api } from '../api/api-client';
import { idempotencyHeader } from '../api/idempotency-key';
import type { components } from '../api/schema';
import { BOARD_PAGE_SIZE, BoardFilters } from './board-filters';

export const boardKey = (fiscalYear: number) => ['fiscal-years', fiscalYear, 'board'] as const;

/** One page of board rows; the previous page stays on screen while the next one loads, so the table does not jump. */
export const useBoardRows = (fiscalYear: number, filters: BoardFilters) =>
  useQuery({
    queryKey: [...boardKey(fiscalYear), 'rows', filters],
    queryFn: () =>
      answer(
        api.GET('/api/v1/fiscal-years/{fy}/clusters', {
          params: {
            path: { fy: fiscalYear },
            query: {
              page: filters.page,
              pageSize: BOARD_PAGE_SIZE,
              bureau: filters.bureau,
              group: filters.group,
              kind: filters.kind,
              stage: filters.stage,
              analysed: filters.analysed,
              overdue: filters.overdue,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useProgress = (fiscalYear: number) =>
  useQuery({ queryKey: [...boardKey(fiscalYear), 'progress'], queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/progress', { params: { path: { fy: fiscalYear } } })) });

/** Which page of each of the next-meeting panel's two lists is shown. */
export interface NextMeetingPages {
  readonly atRiskPage: number;
  readonly onTrackPage: number;
}

/** The panel's two lists a page each, as long as the API makes its pages; the pages shown stay while the next one loads. */
export const useNextMeetingPanel = (fiscalYear: number, pages: NextMeetingPages) =>
  useQuery({
    queryKey: [...boardKey(fiscalYear), 'next-meeting', pages],
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/next-meeting', { params: { path: { fy: fiscalYear }, query: pages } })),
    placeholderData: keepPreviousData,
  });

export const useCatalogueStructure = (fiscalYear: number) =>
  useQuery({
    queryKey: ['fiscal-years', fiscalYear, 'catalogue'],
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/catalogue', { params: { path: { fy: fiscalYear } } })),
    staleTime: 5 * 60_000,
  });

export type AnalysedChange = components['schemas']['AnalysedChangeView'];

/** 分析対象の一括設定: the board, its counts and the 一括着手 it offers all change with it. */
export const useSetAnalysed = (fiscalYear: number, onDone: (answer: AnalysedChange) => void) =>
  useAction({
    act: (body: components['schemas']['SetAnalysedRequest'], key) =>
      answer(api.PATCH('/api/v1/fiscal-years/{fy}/clusters', { params: { path: { fy: fiscalYear } }, body, headers: idempotencyHeader(key) })),
    refreshes: [boardKey(fiscalYear)],
    onDone,
  });
