import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useAction } from '../actions/use-action';
import { answer, api } from '../api/api-client';
import { isApiProblem } from '../api/api-problem';
import { idempotencyHeader } from '../api/idempotency-key';
import type { components } from '../api/schema';
import { HISTORY_PAGE_SIZE } from '../ui/history-section';

export type XPolicySummary = components['schemas']['XPolicySummaryView'];
export type XPolicyDetail = components['schemas']['XPolicyDetailView'];
export type XPolicyIssue = components['schemas']['XPolicyIssueView'];
export type ProgressUpdate = components['schemas']['ProgressUpdateView'];
export type ProcessDeadline = components['schemas']['ProcessDeadlineView'];
export type XPolicySettings = components['schemas']['XPolicySettingsView'];
export type XPolicySettingsChange = components['schemas']['XPolicySettingsRequest'];
export type SelfInspectionAnswer = components['schemas']['SelfInspectionAnswerDto'];
export type StartedXPolicies = components['schemas']['StartXPoliciesView'];

export type PlanPart = 'self-inspection' | 'issues';

export interface XPolicyAddress {
  readonly fiscalYear: number;
  readonly bureau: string;
}

const yearKey = (fiscalYear: number) => ['fiscal-years', fiscalYear, 'x-policies'] as const;
export const xPolicyKey = ({ fiscalYear, bureau }: XPolicyAddress) => [...yearKey(fiscalYear), bureau] as const;
const settingsKey = (fiscalYear: number) => ['fiscal-years', fiscalYear, 'x-policy-settings'] as const;
/** An act on one bureau's plan changes its page, the year's list and what people owe. */
const refreshes = (address: XPolicyAddress) => [yearKey(address.fiscalYear), ['me', 'tasks'], ['me', 'notifications']];

export const useXPolicyList = (fiscalYear: number) =>
  useQuery({
    queryKey: yearKey(fiscalYear),
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/x-policies', { params: { path: { fy: fiscalYear } } })),
  });

export const useXPolicyDetail = (address: XPolicyAddress) =>
  useQuery({
    queryKey: xPolicyKey(address),
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/x-policies/{bureau}', { params: { path: { fy: address.fiscalYear, bureau: address.bureau } } })),
  });

export const useXPolicyHistory = (address: XPolicyAddress, page: number) =>
  useQuery({
    queryKey: [...xPolicyKey(address), 'history', page],
    queryFn: () =>
      answer(
        api.GET('/api/v1/fiscal-years/{fy}/x-policies/{bureau}/history', {
          params: { path: { fy: address.fiscalYear, bureau: address.bureau }, query: { page, pageSize: HISTORY_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** The year's self-inspection items and deadline; null until the reform office has set them. */
export const useXPolicySettings = (fiscalYear: number) =>
  useQuery({
    queryKey: settingsKey(fiscalYear),
    queryFn: () =>
      answer(api.GET('/api/v1/fiscal-years/{fy}/x-policy-settings', { params: { path: { fy: fiscalYear } } })).catch((error: unknown) => {
        if (isApiProblem(error) && error.problem.code === 'x-policy-settings.unknown') return null;
        throw error;
      }),
  });

/** What the public sees, without logging in. */
export const usePublishedXPolicies = (fiscalYear: number) =>
  useQuery({
    queryKey: ['public', 'fiscal-years', fiscalYear, 'x-policies'],
    queryFn: () => answer(api.GET('/api/v1/public/fiscal-years/{fy}/x-policies', { params: { path: { fy: fiscalYear } } })),
  });

/** 保存 of the settings: new items apply to X policies started afterwards, a new deadline to every running one at once. */
export const useSaveXPolicySettings = (fiscalYear: number) =>
  useAction({
    act: (settings: XPolicySettingsChange, key) =>
      answer(api.PUT('/api/v1/fiscal-years/{fy}/x-policy-settings', { params: { path: { fy: fiscalYear } }, body: settings, headers: idempotencyHeader(key) })),
    refreshes: [settingsKey(fiscalYear), yearKey(fiscalYear)],
  });

/** 開始 of the year's X policy for the bureaus named. */
export const useStartXPolicies = (fiscalYear: number, onDone: (result: StartedXPolicies) => void) =>
  useAction({
    act: ({ bureauCodes }: { bureauCodes: string[] }, key) =>
      answer(api.POST('/api/v1/fiscal-years/{fy}/x-policies/start', { params: { path: { fy: fiscalYear } }, body: { bureauCodes }, headers: idempotencyHeader(key) })),
    refreshes: [yearKey(fiscalYear)],
    onDone,
  });

/** What is saved of the plan, with the version the edit started from (sent as If-Match). */
export interface SelfInspectionSave {
  readonly answers: SelfInspectionAnswer[];
  readonly basedOnVersion: number;
}
export interface IssuesSave {
  readonly issues: XPolicyIssue[];
  readonly basedOnVersion: number;
}

/**
 * Every act on one bureau's plan: each one intent, one Idempotency-Key. Either part saved makes a
 * new version of the one plan; `onSaved` hears which part and the version it was typed on.
 */
export function useXPolicyActions(address: XPolicyAddress, onSaved: (part: PlanPart, basedOnVersion: number) => void) {
  const path = { fy: address.fiscalYear, bureau: address.bureau };
  const plain = { params: { path } };
  const ifMatch = (version: number) => ({ path, header: { 'If-Match': `"${version}"` } });
  const stale = refreshes(address);
  return {
    saveSelfInspection: useAction({
      act: ({ answers, basedOnVersion }: SelfInspectionSave, key) =>
        answer(api.PUT('/api/v1/fiscal-years/{fy}/x-policies/{bureau}/self-inspection', { params: ifMatch(basedOnVersion), body: { answers }, headers: idempotencyHeader(key) })),
      refreshes: stale,
      onDone: (_, edit) => onSaved('self-inspection', edit.basedOnVersion),
    }),
    saveIssues: useAction({
      act: ({ issues, basedOnVersion }: IssuesSave, key) =>
        answer(api.PUT('/api/v1/fiscal-years/{fy}/x-policies/{bureau}/issues', { params: ifMatch(basedOnVersion), body: { issues }, headers: idempotencyHeader(key) })),
      refreshes: stale,
      onDone: (_, edit) => onSaved('issues', edit.basedOnVersion),
    }),
    submit: useAction({
      act: (_: void, key) => answer(api.POST('/api/v1/fiscal-years/{fy}/x-policies/{bureau}/submit', { ...plain, headers: idempotencyHeader(key) })),
      refreshes: stale,
    }),
    recall: useAction({
      act: (_: void, key) => answer(api.POST('/api/v1/fiscal-years/{fy}/x-policies/{bureau}/recall', { ...plain, headers: idempotencyHeader(key) })),
      refreshes: stale,
    }),
    approve: useAction({
      act: (input: { comment?: string }, key) => answer(api.POST('/api/v1/fiscal-years/{fy}/x-policies/{bureau}/approve', { ...plain, body: input, headers: idempotencyHeader(key) })),
      refreshes: stale,
    }),
    sendBack: useAction({
      act: (input: { comment: string }, key) => answer(api.POST('/api/v1/fiscal-years/{fy}/x-policies/{bureau}/return', { ...plain, body: input, headers: idempotencyHeader(key) })),
      refreshes: stale,
    }),
  };
}

/** 提出 of a progress update of one published issue, and the director's 承認 (which publishes it) or 差戻し. */
export function useProgressActions(address: XPolicyAddress, issueId: string) {
  const params = { path: { fy: address.fiscalYear, bureau: address.bureau, issueId } };
  const stale = refreshes(address);
  return {
    post: useAction({
      act: (input: { text: string }, key) =>
        answer(api.POST('/api/v1/fiscal-years/{fy}/x-policies/{bureau}/issues/{issueId}/progress', { params, body: input, headers: idempotencyHeader(key) })),
      refreshes: stale,
    }),
    approve: useAction({
      act: (input: { comment?: string }, key) =>
        answer(api.POST('/api/v1/fiscal-years/{fy}/x-policies/{bureau}/issues/{issueId}/progress/approve', { params, body: input, headers: idempotencyHeader(key) })),
      refreshes: stale,
    }),
    sendBack: useAction({
      act: (input: { comment: string }, key) =>
        answer(api.POST('/api/v1/fiscal-years/{fy}/x-policies/{bureau}/issues/{issueId}/progress/return', { params, body: input, headers: idempotencyHeader(key) })),
      refreshes: stale,
    }),
  };
}
