import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useAction } from '../actions/use-action';
import { answer, api } from '../api/api-client';
import { idempotencyHeader } from '../api/idempotency-key';
import type { components } from '../api/schema';
import type { KickoffMeeting } from '../kickoff/kickoff.queries';
import { HISTORY_PAGE_SIZE } from '../ui/history-section';

export type ClusterDetail = components['schemas']['ClusterDetailView'];
export type ReportView = components['schemas']['ReportView'];
export type ReportPermissions = components['schemas']['ReportPermissionsView'];

export interface ClusterAddress {
  readonly fiscalYear: number;
  readonly no: number;
}

/** Everything on the page that an action can make stale: the detail, its history, the lists elsewhere. */
export const clusterKey = ({ fiscalYear, no }: ClusterAddress) => ['fiscal-years', fiscalYear, 'clusters', no] as const;
const REFRESHED_ELSEWHERE = [['me', 'tasks'], ['me', 'notifications']] as const;

const path = ({ fiscalYear, no }: ClusterAddress) => ({ fy: fiscalYear, no });
const reportPath = (cluster: ClusterAddress, kind: string) => ({ ...path(cluster), kind });

export const useClusterDetail = (cluster: ClusterAddress) =>
  useQuery({
    queryKey: clusterKey(cluster),
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/clusters/{no}', { params: { path: path(cluster) } })),
  });

export const useClusterHistory = (cluster: ClusterAddress, page: number) =>
  useQuery({
    queryKey: [...clusterKey(cluster), 'history', page],
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/clusters/{no}/history', { params: { path: path(cluster), query: { page, pageSize: HISTORY_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

/** A saved version never changes, so once read it is kept. */
export const useReportVersion = (cluster: ClusterAddress, kind: string, version: number | null) =>
  useQuery({
    queryKey: [...clusterKey(cluster), 'reports', kind, 'versions', version],
    queryFn: () =>
      answer(api.GET('/api/v1/fiscal-years/{fy}/clusters/{no}/reports/{kind}/versions/{version}', { params: { path: { ...reportPath(cluster, kind), version: version! } } })),
    enabled: version !== null,
    staleTime: Infinity,
  });

export const useDelegateCandidates = (cluster: ClusterAddress, kind: string, enabled: boolean) =>
  useQuery({
    queryKey: [...clusterKey(cluster), 'reports', kind, 'delegates'],
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/clusters/{no}/reports/{kind}/delegates', { params: { path: reportPath(cluster, kind) } })),
    enabled,
  });

const refreshes = (cluster: ClusterAddress) => [clusterKey(cluster), ...REFRESHED_ELSEWHERE];

/** A draft to save, and the version the edit started from (sent as If-Match). */
export interface DraftSave {
  readonly title: string;
  readonly body: string;
  readonly basedOnVersion: number;
}

/** 保存, 提出, 引戻し, 承認, 差戻し, 代理 of one report: each one intent, one Idempotency-Key. */
export function useReportActions(cluster: ClusterAddress, kind: string, onSaved?: () => void) {
  const params = { path: reportPath(cluster, kind) };
  return {
    save: useAction({
      act: ({ basedOnVersion, ...draft }: DraftSave, key) =>
        answer(
          api.PUT('/api/v1/fiscal-years/{fy}/clusters/{no}/reports/{kind}', {
            params: { ...params, header: { 'If-Match': `"${basedOnVersion}"` } },
            body: draft,
            headers: idempotencyHeader(key),
          }),
        ),
      refreshes: refreshes(cluster),
      onDone: onSaved,
    }),
    submit: useAction({
      act: (_: void, key) => answer(api.POST('/api/v1/fiscal-years/{fy}/clusters/{no}/reports/{kind}/submit', { params, headers: idempotencyHeader(key) })),
      refreshes: refreshes(cluster),
    }),
    recall: useAction({
      act: (_: void, key) => answer(api.POST('/api/v1/fiscal-years/{fy}/clusters/{no}/reports/{kind}/recall', { params, headers: idempotencyHeader(key) })),
      refreshes: refreshes(cluster),
    }),
    approve: useAction({
      act: (input: { comment?: string }, key) =>
        answer(api.POST('/api/v1/fiscal-years/{fy}/clusters/{no}/reports/{kind}/approve', { params, body: input, headers: idempotencyHeader(key) })),
      refreshes: refreshes(cluster),
    }),
    sendBack: useAction({
      act: (input: { comment: string }, key) =>
        answer(api.POST('/api/v1/fiscal-years/{fy}/clusters/{no}/reports/{kind}/return', { params, body: input, headers: idempotencyHeader(key) })),
      refreshes: refreshes(cluster),
    }),
    delegate: useAction({
      act: (input: { delegateTo: string; comment?: string }, key) =>
        answer(api.POST('/api/v1/fiscal-years/{fy}/clusters/{no}/reports/{kind}/delegate', { params, body: input, headers: idempotencyHeader(key) })),
      refreshes: refreshes(cluster),
    }),
  };
}

/** 着手, 取下げ and the cluster's settings: the reform office's actions. */
export function useCaseActions(cluster: ClusterAddress) {
  const params = { path: path(cluster) };
  return {
    kickoff: useAction({
      act: (meeting: KickoffMeeting, key) =>
        answer(api.POST('/api/v1/fiscal-years/{fy}/clusters/{no}/kickoff', { params, body: meeting, headers: idempotencyHeader(key) })),
      refreshes: refreshes(cluster),
    }),
    withdraw: useAction({
      act: (input: { reason: string }, key) =>
        answer(api.POST('/api/v1/fiscal-years/{fy}/clusters/{no}/withdraw', { params, body: input, headers: idempotencyHeader(key) })),
      refreshes: refreshes(cluster),
    }),
    change: useAction({
      act: (input: { owningBureauCode?: string; analysedThisYear?: boolean }, key) =>
        answer(api.PATCH('/api/v1/fiscal-years/{fy}/clusters/{no}', { params, body: input, headers: idempotencyHeader(key) })),
      refreshes: refreshes(cluster),
    }),
  };
}
