import { useQuery } from '@tanstack/react-query';
import { useAction } from '../actions/use-action';
import { answer, api } from '../api/api-client';
import { idempotencyHeader } from '../api/idempotency-key';
import type { components } from '../api/schema';
import { boardKey } from '../board/board.queries';

/** The kickoff meeting's record, as 着手 of one cluster and 一括着手 of the year both send it. */
export type KickoffMeeting = components['schemas']['KickoffRequest'];
export type BulkKickoffAnswer = components['schemas']['BulkKickoffResponse'];

/**
 * How many clusters are flagged for this year's analysis and not yet kicked off: what a 一括着手 would
 * start. Asked every second while one runs, which is how its progress is shown.
 */
export const useFlaggedNotStarted = (fiscalYear: number, watching: boolean) =>
  useQuery({
    queryKey: [...boardKey(fiscalYear), 'flagged-not-started'],
    queryFn: async () =>
      (
        await answer(
          api.GET('/api/v1/fiscal-years/{fy}/clusters', { params: { path: { fy: fiscalYear }, query: { analysed: true, stage: 'NOT_STARTED', page: 1, pageSize: 1 } } }),
        )
      ).total,
    refetchInterval: watching ? 1000 : false,
  });

/** 一括着手: every cluster flagged for the year, with one kickoff meeting record; the board and everyone's tasks change with it. */
export const useBulkKickoff = (fiscalYear: number, onDone: (answer: BulkKickoffAnswer) => void) =>
  useAction({
    act: (meeting: KickoffMeeting, key) =>
      answer(api.POST('/api/v1/fiscal-years/{fy}/kickoff', { params: { path: { fy: fiscalYear } }, body: meeting, headers: idempotencyHeader(key) })),
    refreshes: [boardKey(fiscalYear), ['me', 'tasks'], ['me', 'notifications']],
    onDone,
  });
