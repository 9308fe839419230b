import { BureauRef, ClusterCase, isClosedStage } from './cluster-case';
import { currentStepOf, Participant } from '../approval/approval-document';
import { ClusterCommand, decide } from './cluster-commands';
import { ClusterActionName, holdsActionRole } from './action-roles';
import { ClusterStage } from './cluster-stage';
import { Refusal, refusal } from '../refusals/refusal';

/** What the caller may do to one report now. */
export interface ReportPermissions {
  readonly kind: string;
  readonly save: boolean;
  readonly submit: boolean;
  readonly recall: boolean;
  readonly approve: boolean;
  readonly return: boolean;
  readonly delegate: boolean;
}

/** What the caller may do to the cluster as a whole now. */
export interface CasePermissions {
  readonly kickoff: boolean;
  readonly withdraw: boolean;
  readonly changeOwningBureau: boolean;
  readonly changeAnalysed: boolean;
}

export interface PermittedActions {
  readonly case: CasePermissions;
  readonly reports: readonly ReportPermissions[];
}

/** The cluster as the catalogue holds it, for what can be done before its analysis has a case. */
export interface ClusterStanding {
  readonly no: number;
  readonly name: string;
  readonly stage: ClusterStage;
  readonly owningBureau: BureauRef | null;
}

/** Stands in for text a person has not typed yet: the rules only ask whether there is some. */
const NO_TEXT = { hash: '', length: 0, empty: true };
const SOME_TEXT = '…';
/** A bureau other than any real one: asks whether the owning bureau could move at all. */
const ANOTHER_BUREAU: BureauRef = { code: '\u0000another', name: '' };
const PROBE_TIME = '1970-01-01T00:00:00.000Z';

/** Why a cluster cannot be kicked off, if it cannot: the same check the kickoff makes first. */
export function kickoffRefusal(cluster: ClusterStanding): Refusal | null {
  if (cluster.stage !== ClusterStage.NotStarted) {
    return refusal('cluster.already-started', `「${cluster.name}」（No.${cluster.no}）は既に経営分析に着手しています`);
  }
  if (!cluster.owningBureau) {
    return refusal('cluster.no-owning-bureau', `「${cluster.name}」（No.${cluster.no}）は所管局が設定されていないため着手できません。先に所管局を設定してください`);
  }
  return null;
}

/**
 * What the caller may do now, for showing only the buttons that can work. Each answer is the
 * endpoint's role rule and then the lifecycle rules themselves (`decide`) asked about the command
 * the button would send; the server still decides every request as it comes.
 */
export function permittedActions(cluster: ClusterStanding, state: ClusterCase | null, caller: Participant): PermittedActions {
  const may = (action: ClusterActionName, command: () => ClusterCommand | null): boolean => {
    if (!holdsActionRole(action, caller.roles) || !state) return false;
    const asked = command();
    return asked !== null && decide(state, asked, PROBE_TIME).accepted;
  };
  const running = state !== null && !isClosedStage(state.stage);
  return {
    case: {
      kickoff: holdsActionRole('kickoff', caller.roles) && kickoffRefusal(cluster) === null,
      withdraw: may('withdraw', () => ({ type: 'withdraw', actor: caller, reason: SOME_TEXT })),
      changeOwningBureau: running
        ? may('changeCluster', () => ({ type: 'change-owning-bureau', actor: caller, bureau: ANOTHER_BUREAU }))
        : holdsActionRole('changeCluster', caller.roles),
      changeAnalysed: holdsActionRole('changeCluster', caller.roles),
    },
    reports: (state?.reports ?? []).map((report) => {
      const kind = report.kind;
      // Whether anyone can actually take the step is the delegates list's answer.
      const standIn = state ? standInFor(state, kind) : null;
      return {
        kind,
        save: may('saveDraft', () => ({ type: 'save-draft', actor: caller, kind, title: SOME_TEXT, text: NO_TEXT, basedOnVersion: null })),
        submit: may('submit', () => ({ type: 'submit', actor: caller, kind })),
        recall: may('recall', () => ({ type: 'recall', actor: caller, kind })),
        approve: may('approve', () => ({ type: 'approve', actor: caller, kind, comment: null })),
        return: may('return', () => ({ type: 'return', actor: caller, kind, comment: SOME_TEXT })),
        delegate: may('delegate', () => (standIn ? { type: 'delegate', actor: caller, kind, delegate: standIn, comment: null } : null)),
      };
    }),
  };
}

/** Someone else who could hold the report's current step, to ask the rules whether the caller may hand it on at all. */
function standInFor(state: ClusterCase, kind: string): Participant | null {
  const report = state.reports.find((candidate) => candidate.kind === kind);
  const step = report ? currentStepOf(report) : null;
  return step?.role ? { id: '\u0000stand-in', name: '', roles: [step.role], bureauCode: step.bureauCode } : null;
}

export type DelegatesAnswer<T> = { readonly eligible: T[] } | { readonly refusal: Refusal };

/**
 * 代理: of the candidates, those this caller could hand the report's current step to; or why the
 * caller cannot hand it on at all. Both in the rules' own words.
 */
export function eligibleDelegates<T extends Participant>(state: ClusterCase, kind: string, caller: Participant, candidates: readonly T[]): DelegatesAnswer<T> {
  const asks = (delegate: Participant) => decide(state, { type: 'delegate', actor: caller, kind, delegate, comment: null }, PROBE_TIME);
  const standIn = standInFor(state, kind);
  const first = standIn ? asks(standIn) : decide(state, { type: 'approve', actor: caller, kind, comment: null }, PROBE_TIME);
  if (!first.accepted) return { refusal: first.refusal };
  return { eligible: candidates.filter((candidate) => asks(candidate).accepted) };
}
