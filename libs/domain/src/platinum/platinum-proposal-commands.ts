import { Actor } from '../lifecycle/actor';
import type { BureauRef } from '../lifecycle/cluster-case';
import type { StoredTextRef } from '../lifecycle/cluster-commands';
import { Role } from '../roles';
import { Refusal, refusal, RefusalCode } from '../refusals/refusal';
import { actorOf, ApprovalStatus, Participant } from '../approval/approval-document';
import { decideOnDocument, DelegateStanding, DocumentAct, DocumentRules } from '../approval/approval-rules';
import { COMMENT_MAX_LENGTH, isBlank } from '../fields/field-limits';
import { ProcessChange, ProcessDecision } from '../process/process-event';
import {
  CONCERNED_BUREAU_MAX,
  DECISION_CHAIN,
  DECISION_OUTCOME_LABELS,
  DecisionMeasure,
  pendingPolicies,
  PlatinumProposalState,
  PROPOSAL_PHASE_LABELS,
  proposalPhase,
  ProposalPhase,
  ProposalMeasure,
} from './platinum-proposal';

/** How the caller stands in the year's PT when the request comes, as the project's read model has it. */
export interface PtStanding {
  readonly member: boolean;
  /** The PT's leader now: a proposal submitted goes to them. */
  readonly leader: Actor | null;
}

/** What people ask of a proposal. Identity comes from authentication; the words are stored by the API first. */
export type ProposalCommand =
  | { readonly type: 'save-proposal'; readonly actor: Participant; readonly standing: PtStanding; readonly title: string; readonly content: ProposalMeasure; readonly basedOnVersion: number | null }
  | { readonly type: 'submit-proposal'; readonly actor: Participant; readonly standing: PtStanding }
  | { readonly type: 'recall-proposal'; readonly actor: Participant }
  | { readonly type: 'approve-proposal'; readonly actor: Participant; readonly comment: string | null }
  | { readonly type: 'return-proposal'; readonly actor: Participant; readonly comment: string }
  | { readonly type: 'delegate-proposal'; readonly actor: Participant; readonly delegate: Participant; readonly comment: string | null }
  | { readonly type: 'assign'; readonly actor: Participant; readonly owningBureau: BureauRef; readonly concernedBureaus: readonly BureauRef[] }
  | { readonly type: 'save-decision'; readonly actor: Participant; readonly content: DecisionMeasure; readonly basedOnVersion: number | null }
  | { readonly type: 'submit-decision'; readonly actor: Participant }
  | { readonly type: 'recall-decision'; readonly actor: Participant }
  | { readonly type: 'approve-decision'; readonly actor: Participant; readonly comment: string | null }
  | { readonly type: 'return-decision'; readonly actor: Participant; readonly comment: string }
  | { readonly type: 'delegate-decision'; readonly actor: Participant; readonly delegate: Participant; readonly comment: string | null }
  | { readonly type: 'release-delegation'; readonly actor: Participant; readonly delegate: DelegateStanding }
  | { readonly type: 'state-policy'; readonly actor: Participant; readonly bureau: BureauRef; readonly text: StoredTextRef }
  | { readonly type: 'withdraw'; readonly actor: Participant; readonly reason: string };

export type ProposalCommandType = ProposalCommand['type'];

export const PROPOSAL_ACTION_LABELS: Readonly<Record<string, string>> = {
  start: '起案',
  'save-proposal': '提案の保存',
  'submit-proposal': '提案の提出',
  'recall-proposal': '提案の引戻し',
  'approve-proposal': 'PTリーダーの承認',
  'return-proposal': 'PTリーダーの差戻し',
  'delegate-proposal': '代理',
  assign: '所管局・関係局の割当て',
  'save-decision': '結論の保存',
  'submit-decision': '結論の提出',
  'recall-decision': '結論の引戻し',
  'approve-decision': '結論の承認',
  'return-decision': '結論の差戻し',
  'delegate-decision': '結論の代理',
  'release-delegation': '代理の解除',
  'state-policy': '対応方針',
  withdraw: '取下げ',
  'deadlines-moved': '期限の変更',
};

const refuse = (code: RefusalCode, message: string): ProcessDecision<PlatinumProposalState> => ({ accepted: false, refusal: refusal(code, message) });
const refusedWith = (value: Refusal): ProcessDecision<PlatinumProposalState> => ({ accepted: false, refusal: value });
const change = (action: string, actor: Participant, document: string | null, comment: string | null, details: Record<string, unknown>, savedText: ProcessChange['savedText'] = null): ProcessChange => ({
  action,
  actor: actorOf(actor),
  document,
  comment,
  details,
  savedText,
});

function proposalRules(state: PlatinumProposalState, standing: PtStanding | null): DocumentRules {
  return {
    family: 'document',
    mayDraft: () => standing?.member ?? false,
    notDrafterMessage: (verb) => `提案の${verb}はプラチナ市役所プロジェクトのPTメンバーだけが行えます`,
    chain: standing?.leader?.id ? [{ scope: 'person', person: standing.leader, label: 'PTリーダー' }] : [],
    owningBureau: null,
  };
}

function decisionRules(state: PlatinumProposalState): DocumentRules {
  const bureau = state.assignment?.owningBureau ?? null;
  return {
    family: 'document',
    mayDraft: (user) => bureau !== null && user.roles.includes(Role.Staff) && user.bureauCode === bureau.code,
    notDrafterMessage: (verb) => `結論の${verb}は制度所管局（${bureau?.name ?? '未割当て'}）の担当職員だけが行えます`,
    chain: DECISION_CHAIN,
    owningBureau: bureau,
  };
}

/** Decides a command against a proposal: the new state and what changed, or the reason for refusal. */
export function decidePlatinumProposal(state: PlatinumProposalState, command: ProposalCommand, now: string): ProcessDecision<PlatinumProposalState> {
  const phase = proposalPhase(state);
  if (phase === ProposalPhase.Closed || phase === ProposalPhase.Withdrawn) {
    return refuse('proposal.closed', `提案 No.${state.id} は${PROPOSAL_PHASE_LABELS[phase]}のため操作できません（段階: ${phase}）`);
  }
  const comment = 'comment' in command ? command.comment : command.type === 'withdraw' ? command.reason : null;
  if (comment && comment.length > COMMENT_MAX_LENGTH) {
    const message = `${COMMENT_MAX_LENGTH}文字以内で入力してください（${comment.length}文字あります）`;
    return refusedWith(refusal('request.invalid', message, { fields: [{ field: 'comment', problems: [message] }] }));
  }
  switch (command.type) {
    case 'save-proposal':
      return saveProposal(state, command, now);
    case 'submit-proposal':
      if (!command.standing.leader) return refuse('platinum.not-formed', 'PTのリーダーが指名されていないため提出できません');
      return onProposal(state, { type: 'submit', actor: command.actor }, proposalRules(state, command.standing), 'submit-proposal', now);
    case 'recall-proposal':
      return onProposal(state, { type: 'recall', actor: command.actor }, proposalRules(state, null), 'recall-proposal', now);
    case 'approve-proposal':
      return onProposal(state, { type: 'approve', actor: command.actor, comment: command.comment }, proposalRules(state, null), 'approve-proposal', now);
    case 'return-proposal':
      return onProposal(state, { type: 'return', actor: command.actor, comment: command.comment }, proposalRules(state, null), 'return-proposal', now);
    case 'delegate-proposal':
      return onProposal(state, { type: 'delegate', actor: command.actor, delegate: command.delegate, comment: command.comment }, proposalRules(state, null), 'delegate-proposal', now);
    case 'assign':
      return assign(state, command, now);
    case 'save-decision':
      return saveDecision(state, command, now);
    case 'submit-decision':
      return onDecision(state, { type: 'submit', actor: command.actor }, 'submit-decision', now);
    case 'recall-decision':
      return onDecision(state, { type: 'recall', actor: command.actor }, 'recall-decision', now);
    case 'approve-decision':
      return onDecision(state, { type: 'approve', actor: command.actor, comment: command.comment }, 'approve-decision', now);
    case 'return-decision':
      return onDecision(state, { type: 'return', actor: command.actor, comment: command.comment }, 'return-decision', now);
    case 'delegate-decision':
      return onDecision(state, { type: 'delegate', actor: command.actor, delegate: command.delegate, comment: command.comment }, 'delegate-decision', now);
    case 'release-delegation':
      return state.decision.status === ApprovalStatus.InApproval
        ? onDecision(state, { type: 'release-delegation', actor: command.actor, delegate: command.delegate }, 'release-delegation', now)
        : onProposal(state, { type: 'release-delegation', actor: command.actor, delegate: command.delegate }, proposalRules(state, null), 'release-delegation', now);
    case 'state-policy':
      return statePolicy(state, command, now);
    case 'withdraw':
      if (!command.actor.roles.includes(Role.ReformOffice)) return refuse('reform-office.only', '提案の取下げは市政変革室だけが行えます');
      if (isBlank(command.reason)) return refuse('comment.required', '取下げの理由を入力してください');
      return {
        accepted: true,
        state: { ...state, withdrawal: { by: actorOf(command.actor), at: now, reason: command.reason } },
        change: change('withdraw', command.actor, null, command.reason, {}),
      };
  }
}

function saveProposal(state: PlatinumProposalState, command: Extract<ProposalCommand, { type: 'save-proposal' }>, now: string): ProcessDecision<PlatinumProposalState> {
  const act: DocumentAct = { type: 'save-draft', actor: command.actor, title: command.title, text: command.content, basedOnVersion: command.basedOnVersion };
  const decision = decideOnDocument(state.proposal, proposalRules(state, command.standing), act, now);
  if (!decision.accepted) return refusedWith(decision.refusal);
  const proposal = { ...decision.document, content: command.content };
  const version = proposal.latestVersion?.version ?? 1;
  return {
    accepted: true,
    state: { ...state, proposal },
    change: change('save-proposal', command.actor, 'proposal', null, decision.details, { document: 'proposal', version, title: command.title, empty: command.content.empty, textHash: command.content.hash }),
  };
}

function onProposal(state: PlatinumProposalState, act: DocumentAct, rules: DocumentRules, action: string, now: string): ProcessDecision<PlatinumProposalState> {
  const decision = decideOnDocument(state.proposal, rules, act, now);
  if (!decision.accepted) return refusedWith(decision.refusal);
  return { accepted: true, state: { ...state, proposal: decision.document }, change: change(action, act.actor, 'proposal', decision.comment, decision.details) };
}

function assign(state: PlatinumProposalState, command: Extract<ProposalCommand, { type: 'assign' }>, now: string): ProcessDecision<PlatinumProposalState> {
  if (!command.actor.roles.includes(Role.ReformOffice)) return refuse('reform-office.only', '制度所管局と関係局の割当ては市政変革室だけが行えます');
  if (state.proposal.status !== ApprovalStatus.Approved) {
    return refuse('proposal.not-submitted', `提案 No.${state.id} はPTリーダーの承認（提出）前のため、所管局を割り当てられません（段階: ${proposalPhase(state)}）`);
  }
  if (state.decision.latestVersion) return refuse('proposal.decision-started', `制度所管局（${state.assignment?.owningBureau.name ?? ''}）が結論の作成を始めているため、割当ては変えられません`);
  if (command.concernedBureaus.length === 0) return refuse('request.invalid', '関係局を一つ以上指定してください');
  if (command.concernedBureaus.length > CONCERNED_BUREAU_MAX) return refuse('request.invalid', `関係局は${CONCERNED_BUREAU_MAX}局までです`);
  const codes = command.concernedBureaus.map((bureau) => bureau.code);
  if (new Set(codes).size !== codes.length) return refuse('request.invalid', '関係局が重複しています');
  const assignment = { owningBureau: command.owningBureau, concernedBureaus: [...command.concernedBureaus], assignedBy: actorOf(command.actor), assignedAt: now };
  return {
    accepted: true,
    state: { ...state, assignment },
    change: change('assign', command.actor, null, null, { owningBureau: command.owningBureau, concernedBureaus: command.concernedBureaus }),
  };
}

function requireAssigned(state: PlatinumProposalState): ProcessDecision<PlatinumProposalState> | null {
  if (state.assignment) return null;
  return refuse('proposal.not-assigned', `提案 No.${state.id} にはまだ制度所管局が割り当てられていません（段階: ${proposalPhase(state)}）`);
}

function saveDecision(state: PlatinumProposalState, command: Extract<ProposalCommand, { type: 'save-decision' }>, now: string): ProcessDecision<PlatinumProposalState> {
  const unassigned = requireAssigned(state);
  if (unassigned) return unassigned;
  const title = `結論（${DECISION_OUTCOME_LABELS[command.content.outcome]}）`;
  const act: DocumentAct = { type: 'save-draft', actor: command.actor, title, text: command.content, basedOnVersion: command.basedOnVersion };
  const decision = decideOnDocument(state.decision, decisionRules(state), act, now);
  if (!decision.accepted) return refusedWith(decision.refusal);
  const updated = { ...decision.document, content: command.content };
  const version = updated.latestVersion?.version ?? 1;
  return {
    accepted: true,
    state: { ...state, decision: updated },
    change: change('save-decision', command.actor, 'decision', null, { ...decision.details, outcome: command.content.outcome }, { document: 'decision', version, title, empty: command.content.empty, textHash: command.content.hash }),
  };
}

function onDecision(state: PlatinumProposalState, act: DocumentAct, action: string, now: string): ProcessDecision<PlatinumProposalState> {
  const unassigned = requireAssigned(state);
  if (unassigned) return unassigned;
  const decision = decideOnDocument(state.decision, decisionRules(state), act, now);
  if (!decision.accepted) return refusedWith(decision.refusal);
  return { accepted: true, state: { ...state, decision: decision.document }, change: change(action, act.actor, 'decision', decision.comment, decision.details) };
}

function statePolicy(state: PlatinumProposalState, command: Extract<ProposalCommand, { type: 'state-policy' }>, now: string): ProcessDecision<PlatinumProposalState> {
  if (state.decision.status !== ApprovalStatus.Approved) {
    return refuse('proposal.no-decision', `提案 No.${state.id} の制度所管局の結論がまだ決まっていないため、対応方針は述べられません（段階: ${proposalPhase(state)}）`);
  }
  const concerned = state.assignment?.concernedBureaus.find((bureau) => bureau.code === command.bureau.code);
  if (!concerned) return refuse('proposal.not-concerned', `${command.bureau.name}は提案 No.${state.id} の関係局ではありません`);
  if (!command.actor.roles.includes(Role.Director) || command.actor.bureauCode !== concerned.code) {
    return refuse('proposal.not-concerned', `${concerned.name}の対応方針は${concerned.name}の局長だけが述べられます`);
  }
  if (command.text.empty) return refuse('request.invalid', '対応方針を入力してください');
  const previous = state.policies.find((policy) => policy.bureau.code === concerned.code);
  const policy = { bureau: concerned, statedBy: actorOf(command.actor), statedAt: now, textHash: command.text.hash, version: (previous?.version ?? 0) + 1 };
  const policies = previous ? state.policies.map((candidate) => (candidate === previous ? policy : candidate)) : [...state.policies, policy];
  const next = { ...state, policies };
  // The last concerned bureau's statement closes the proposal.
  const closed = pendingPolicies(next).length === 0 ? { ...next, closedAt: now } : next;
  const document = `policy/${concerned.code}`;
  return {
    accepted: true,
    state: closed,
    change: change('state-policy', command.actor, document, null, { bureau: concerned, version: policy.version, closed: closed.closedAt !== null }, {
      document,
      version: policy.version,
      title: `${concerned.name}の対応方針`,
      empty: false,
      textHash: command.text.hash,
    }),
  };
}
