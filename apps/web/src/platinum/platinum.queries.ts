import { CLUSTERS_NAMED_MAX } from '@app/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useAction } from '../actions/use-action';
import { answer, api } from '../api/api-client';
import { idempotencyHeader } from '../api/idempotency-key';
import type { components } from '../api/schema';
import { HISTORY_PAGE_SIZE } from '../ui/history-section';
import type { ProposalFilters } from './proposal-filters';

export type PlatinumProject = components['schemas']['PlatinumProjectView'];
export type ProposalSummary = components['schemas']['ProposalSummaryView'];
export type ProposalDetail = components['schemas']['ProposalDetailView'];
export type ProposalRequest = components['schemas']['ProposalRequest'];
export type DecisionRequest = components['schemas']['DecisionRequest'];
export type DeadlineRule = components['schemas']['ProcessDeadlineRuleDto'];
export type ProcessDeadline = components['schemas']['ProcessDeadlineView'];
export type OwedItem = components['schemas']['OwedItemView'];
export type ApprovalDocument = components['schemas']['ApprovalDocumentView'];

export interface ProposalAddress {
  readonly fiscalYear: number;
  readonly id: number;
}

/** Everything of the year's project an action can make stale: the project, its proposals and each proposal. */
export const platinumKey = (fiscalYear: number) => ['fiscal-years', fiscalYear, 'platinum'] as const;
export const proposalKey = ({ fiscalYear, id }: ProposalAddress) => [...platinumKey(fiscalYear), 'proposals', id] as const;
/** A proposal's act changes the project's counts and who owes what, and the tasks and inbox of the people it moves to. */
const refreshesOf = (proposal: ProposalAddress) => [platinumKey(proposal.fiscalYear), ['me', 'tasks'], ['me', 'notifications']] as const;

export const usePlatinumProject = (fiscalYear: number) =>
  useQuery({
    queryKey: [...platinumKey(fiscalYear), 'project'],
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/platinum', { params: { path: { fy: fiscalYear } } })),
  });

/** A page of the year's proposals larger than a PT files in a year; the page says when there are more. */
export const PROPOSAL_LIST_SIZE = 200;

export const useProposals = (fiscalYear: number, filters: ProposalFilters) =>
  useQuery({
    queryKey: [...platinumKey(fiscalYear), 'proposals', 'list', filters],
    queryFn: () =>
      answer(
        api.GET('/api/v1/fiscal-years/{fy}/platinum/proposals', {
          params: { path: { fy: fiscalYear }, query: { ...filters, pageSize: PROPOSAL_LIST_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

const proposalPath = ({ fiscalYear, id }: ProposalAddress) => ({ fy: fiscalYear, id });

export const useProposal = (proposal: ProposalAddress) =>
  useQuery({
    queryKey: proposalKey(proposal),
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/platinum/proposals/{id}', { params: { path: proposalPath(proposal) } })),
  });

export const useProposalHistory = (proposal: ProposalAddress, page: number) =>
  useQuery({
    queryKey: [...proposalKey(proposal), 'history', page],
    queryFn: () =>
      answer(api.GET('/api/v1/fiscal-years/{fy}/platinum/proposals/{id}/history', { params: { path: proposalPath(proposal), query: { page, pageSize: HISTORY_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

export const useDecisionDelegates = (proposal: ProposalAddress, enabled: boolean) =>
  useQuery({
    queryKey: [...proposalKey(proposal), 'decision-delegates'],
    queryFn: () => answer(api.GET('/api/v1/fiscal-years/{fy}/platinum/proposals/{id}/decision/delegates', { params: { path: proposalPath(proposal) } })),
    enabled,
  });

/** The reform office's acts on the year's project: the team, its formation, the deadlines. */
export function useProjectActions(fiscalYear: number) {
  const params = { path: { fy: fiscalYear } };
  const refreshes = [platinumKey(fiscalYear)];
  return {
    setMembers: useAction({
      act: (team: { members: string[]; leader: string }, key) =>
        answer(api.PUT('/api/v1/fiscal-years/{fy}/platinum/members', { params, body: team, headers: idempotencyHeader(key) })),
      refreshes,
    }),
    recordFormation: useAction({
      act: (formation: { date: string }, key) =>
        answer(api.POST('/api/v1/fiscal-years/{fy}/platinum/formation', { params, body: formation, headers: idempotencyHeader(key) })),
      refreshes,
    }),
    setDeadlines: useAction({
      act: (settings: { deadlines: DeadlineRule[] }, key) =>
        answer(api.PUT('/api/v1/fiscal-years/{fy}/platinum/deadlines', { params, body: settings, headers: idempotencyHeader(key) })),
      refreshes,
    }),
  };
}

/** 起案: the new proposal's page opens once it is filed. */
export const useCreateProposal = (fiscalYear: number, onDone: (created: ProposalDetail) => void) =>
  useAction({
    act: (proposal: ProposalRequest, key) =>
      answer(api.POST('/api/v1/fiscal-years/{fy}/platinum/proposals', { params: { path: { fy: fiscalYear } }, body: proposal, headers: idempotencyHeader(key) })),
    refreshes: [platinumKey(fiscalYear)],
    onDone,
  });

/** A version to save, and the version the edit started from (sent as If-Match). */
export interface VersionedSave<T> {
  readonly content: T;
  readonly basedOnVersion: number;
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** Every act on one proposal along its chains: each one intent, one Idempotency-Key. */
export function useProposalActions(proposal: ProposalAddress, saved: { proposal?: (detail: ProposalDetail) => void; decision?: (detail: ProposalDetail) => void } = {}) {
  const params = { path: proposalPath(proposal) };
  const refreshes = refreshesOf(proposal);
  const base = '/api/v1/fiscal-years/{fy}/platinum/proposals/{id}' as const;
  return {
    save: useAction({
      act: ({ content, basedOnVersion }: VersionedSave<ProposalRequest>, key) =>
        answer(api.PUT(base, { params: { ...params, header: ifMatch(basedOnVersion) }, body: content, headers: idempotencyHeader(key) })),
      refreshes,
      onDone: saved.proposal,
    }),
    submit: useAction({ act: (_: void, key) => answer(api.POST(`${base}/submit`, { params, headers: idempotencyHeader(key) })), refreshes }),
    recall: useAction({ act: (_: void, key) => answer(api.POST(`${base}/recall`, { params, headers: idempotencyHeader(key) })), refreshes }),
    approve: useAction({ act: (body: { comment?: string }, key) => answer(api.POST(`${base}/approve`, { params, body, headers: idempotencyHeader(key) })), refreshes }),
    sendBack: useAction({ act: (body: { comment: string }, key) => answer(api.POST(`${base}/return`, { params, body, headers: idempotencyHeader(key) })), refreshes }),
    assign: useAction({
      act: (body: { owningBureau: string; concernedBureaus: string[] }, key) => answer(api.POST(`${base}/assign`, { params, body, headers: idempotencyHeader(key) })),
      refreshes,
    }),
    saveDecision: useAction({
      act: ({ content, basedOnVersion }: VersionedSave<DecisionRequest>, key) =>
        answer(api.PUT(`${base}/decision`, { params: { ...params, header: ifMatch(basedOnVersion) }, body: content, headers: idempotencyHeader(key) })),
      refreshes,
      onDone: saved.decision,
    }),
    submitDecision: useAction({ act: (_: void, key) => answer(api.POST(`${base}/decision/submit`, { params, headers: idempotencyHeader(key) })), refreshes }),
    recallDecision: useAction({ act: (_: void, key) => answer(api.POST(`${base}/decision/recall`, { params, headers: idempotencyHeader(key) })), refreshes }),
    approveDecision: useAction({
      act: (body: { comment?: string }, key) => answer(api.POST(`${base}/decision/approve`, { params, body, headers: idempotencyHeader(key) })),
      refreshes,
    }),
    returnDecision: useAction({
      act: (body: { comment: string }, key) => answer(api.POST(`${base}/decision/return`, { params, body, headers: idempotencyHeader(key) })),
      refreshes,
    }),
    delegateDecision: useAction({
      act: (body: { delegateTo: string }, key) => answer(api.POST(`${base}/decision/delegate`, { params, body, headers: idempotencyHeader(key) })),
      refreshes,
    }),
    statePolicy: useAction({
      act: ({ bureau, text }: { bureau: string; text: string }, key) =>
        answer(api.PUT(`${base}/policies/{bureau}`, { params: { path: { ...proposalPath(proposal), bureau } }, body: { text }, headers: idempotencyHeader(key) })),
      refreshes,
    }),
    withdraw: useAction({ act: (body: { reason: string }, key) => answer(api.POST(`${base}/withdraw`, { params, body, headers: idempotencyHeader(key) })), refreshes }),
  };
}

export type ProposalActions = ReturnType<typeof useProposalActions>;

/**
 * The names of the given clusters of the year, by number: only those are asked for, so a year of
 * thousands names each one. A number the year lacks is absent from the map.
 */
export const useClusterNames = (fiscalYear: number, nos: readonly number[]) => {
  // As many as a proposal may name: the list answers at most that many numbers at once.
  const asked = [...new Set(nos)].sort((a, b) => a - b).slice(0, CLUSTERS_NAMED_MAX);
  return useQuery({
    queryKey: ['fiscal-years', fiscalYear, 'cluster-names', asked],
    queryFn: async () => {
      const page = await answer(api.GET('/api/v1/fiscal-years/{fy}/clusters', { params: { path: { fy: fiscalYear }, query: { no: asked, pageSize: asked.length } } }));
      return new Map(page.items.map((row) => [row.no, row.name]));
    },
    enabled: asked.length > 0,
    // While the numbers typed change, the names found so far stay.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
};

/** The label of the step a document waits on, if any. */
export const pendingStepOf = (document: ApprovalDocument): string | null => document.submission?.steps.find((step) => step.status === 'pending')?.label ?? null;
