import { Participant } from '../approval/approval-document';
import { Refusal } from '../refusals/refusal';
import { BureauRef } from '../lifecycle/cluster-case';
import { DecisionOutcome, PlatinumProposalState } from './platinum-proposal';
import { decidePlatinumProposal, ProposalCommand, PtStanding } from './platinum-proposal-commands';

/** What the caller may do to a proposal now, for showing only the buttons that can work. */
export interface ProposalPermissions {
  readonly save: boolean;
  readonly submit: boolean;
  readonly recall: boolean;
  readonly approve: boolean;
  readonly return: boolean;
  readonly assign: boolean;
  readonly saveDecision: boolean;
  readonly submitDecision: boolean;
  readonly recallDecision: boolean;
  readonly approveDecision: boolean;
  readonly returnDecision: boolean;
  readonly delegateDecision: boolean;
  /** The concerned bureaus whose response policy the caller may state now. */
  readonly statePolicy: readonly string[];
  readonly withdraw: boolean;
}

const PROBE_TIME = '1970-01-01T00:00:00.000Z';
const SOME_TEXT = { hash: '', length: 1, empty: false };
const SOMEONE: BureauRef = { code: '\u0000another', name: '' };

/** Each answer is the proposal's rules themselves asked about the command the button would send; the server still decides each request. */
export function proposalPermissions(state: PlatinumProposalState, caller: Participant, standing: PtStanding): ProposalPermissions {
  const may = (command: ProposalCommand) => decidePlatinumProposal(state, command, PROBE_TIME).accepted;
  const decision = { ...SOME_TEXT, outcome: DecisionOutcome.Adopt };
  const standIn = decisionStepStandIn(state);
  return {
    save: may({ type: 'save-proposal', actor: caller, standing, title: '…', content: { ...SOME_TEXT, relatedClusterNos: [] }, basedOnVersion: null }),
    submit: may({ type: 'submit-proposal', actor: caller, standing }),
    recall: may({ type: 'recall-proposal', actor: caller }),
    approve: may({ type: 'approve-proposal', actor: caller, comment: null }),
    return: may({ type: 'return-proposal', actor: caller, comment: '…' }),
    assign: may({ type: 'assign', actor: caller, owningBureau: SOMEONE, concernedBureaus: [SOMEONE] }),
    saveDecision: may({ type: 'save-decision', actor: caller, content: decision, basedOnVersion: null }),
    submitDecision: may({ type: 'submit-decision', actor: caller }),
    recallDecision: may({ type: 'recall-decision', actor: caller }),
    approveDecision: may({ type: 'approve-decision', actor: caller, comment: null }),
    returnDecision: may({ type: 'return-decision', actor: caller, comment: '…' }),
    delegateDecision: standIn !== null && may({ type: 'delegate-decision', actor: caller, delegate: standIn, comment: null }),
    statePolicy: (state.assignment?.concernedBureaus ?? []).filter((bureau) => may({ type: 'state-policy', actor: caller, bureau, text: SOME_TEXT })).map((bureau) => bureau.code),
    withdraw: may({ type: 'withdraw', actor: caller, reason: '…' }),
  };
}

/** Someone else who could hold the decision's current step, to ask the rules whether the caller may hand it on at all. */
function decisionStepStandIn(state: PlatinumProposalState): Participant | null {
  const step = state.decision.submission?.steps[state.decision.submission.currentStep];
  return step?.role ? { id: '\u0000stand-in', name: '', roles: [step.role], bureauCode: step.bureauCode } : null;
}

export type DecisionDelegatesAnswer<T> = { readonly eligible: T[] } | { readonly refusal: Refusal };

/**
 * 代理 of the owning bureau's decision: of the candidates, those this caller could hand the current
 * step to; or why the caller cannot hand it on at all. Both in the rules' own words.
 */
export function eligibleDecisionDelegates<T extends Participant>(state: PlatinumProposalState, caller: Participant, candidates: readonly T[]): DecisionDelegatesAnswer<T> {
  const asks = (delegate: Participant) => decidePlatinumProposal(state, { type: 'delegate-decision', actor: caller, delegate, comment: null }, PROBE_TIME);
  const standIn = decisionStepStandIn(state);
  const first = standIn ? asks(standIn) : decidePlatinumProposal(state, { type: 'approve-decision', actor: caller, comment: null }, PROBE_TIME);
  if (!first.accepted) return { refusal: first.refusal };
  return { eligible: candidates.filter((candidate) => asks(candidate).accepted) };
}
