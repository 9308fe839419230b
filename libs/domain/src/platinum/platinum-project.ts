import { Actor } from '../lifecycle/actor';
import { Role } from '../roles';
import { type FieldProblem, refusal, RefusalCode } from '../refusals/refusal';
import { isValidIsoDate } from '../calendar/meeting-date';
import { ProcessDeadline, processDeadlineProblems, ProcessDeadlineRule } from '../process/process-deadlines';
import { ProcessChange, ProcessDecision } from '../process/process-event';
import { Participant } from '../approval/approval-document';

/**
 * プラチナ市役所プロジェクト: one per fiscal year. The reform office nominates the project team (PT)
 * and its leader and records its formation; the PT then surfaces issues of the city hall's own
 * rules as proposals, which the owning bureaus consider and decide, and the directors of the bureaus
 * concerned state their response policy. The project's phase follows its deadlines.
 */
export enum PlatinumPhase {
  Forming = 'FORMING',
  Surfacing = 'SURFACING',
  BureauReview = 'BUREAU_REVIEW',
  ResponsePolicy = 'RESPONSE_POLICY',
  Closed = 'CLOSED',
}

export const PLATINUM_PHASE_LABELS: Readonly<Record<PlatinumPhase, string>> = {
  [PlatinumPhase.Forming]: '結成前',
  [PlatinumPhase.Surfacing]: '課題抽出',
  [PlatinumPhase.BureauReview]: '所管局検討',
  [PlatinumPhase.ResponsePolicy]: '対応方針',
  [PlatinumPhase.Closed]: '完了',
};

/** The year's deadlines: proposals filed (and approved by the leader), the bureaus' decisions, the directors' response policies. */
export const PLATINUM_DEADLINE_TARGETS = {
  proposals: 'PTの提案',
  decisions: '制度所管局の結論',
  policies: '関係局長の対応方針',
} as const;

export type PlatinumDeadlineTarget = keyof typeof PLATINUM_DEADLINE_TARGETS;

/** Per fiscal year, set by the reform office. */
export interface PlatinumSettings {
  readonly deadlines: readonly ProcessDeadlineRule[];
}

export const PT_MEMBER_MAX = 50;

export interface PtMember extends Actor {
  readonly id: string;
  readonly bureauCode: string | null;
}

export interface PlatinumProjectState {
  readonly fiscalYear: number;
  readonly members: readonly PtMember[];
  readonly leader: PtMember | null;
  readonly formation: { readonly date: string; readonly recordedBy: Actor; readonly recordedAt: string } | null;
  /** Moved by the deadlines once formed: surfacing until the proposals' deadline, then the bureaus' review, then response policies. */
  readonly phase: PlatinumPhase;
  readonly closedAt: string | null;
}

export function openPlatinumProject(fiscalYear: number): PlatinumProjectState {
  return { fiscalYear, members: [], leader: null, formation: null, phase: PlatinumPhase.Forming, closedAt: null };
}

export type PlatinumProjectCommand =
  | { readonly type: 'set-members'; readonly actor: Participant; readonly members: readonly PtMember[]; readonly leader: PtMember }
  | { readonly type: 'record-formation'; readonly actor: Participant; readonly date: string }
  /** The project's own moves: a deadline passed, or the fiscal year ended. */
  | { readonly type: 'advance'; readonly to: PlatinumPhase; readonly at: string };

export const PLATINUM_PROJECT_ACTION_LABELS: Readonly<Record<string, string>> = {
  start: '開始',
  'set-members': 'メンバーとリーダーの指名',
  'record-formation': 'PTの結成',
  advance: '段階の移行',
  'deadlines-moved': '期限の変更',
};

const refuse = (code: RefusalCode, message: string): ProcessDecision<PlatinumProjectState> => ({ accepted: false, refusal: refusal(code, message) });
const system: Actor = { id: null, name: 'system' };
const change = (action: string, actor: Actor, details: Record<string, unknown>): ProcessChange => ({ action, actor, document: null, comment: null, details, savedText: null });

export function decidePlatinumProject(state: PlatinumProjectState, command: PlatinumProjectCommand, now: string): ProcessDecision<PlatinumProjectState> {
  if (state.phase === PlatinumPhase.Closed) return refuse('platinum.closed', 'この年度のプラチナ市役所プロジェクトは完了しています');
  switch (command.type) {
    case 'set-members': {
      if (!command.actor.roles.includes(Role.ReformOffice)) return refuse('reform-office.only', 'PTのメンバーとリーダーの指名は市政変革室だけが行えます');
      if (command.members.length === 0) return refuse('request.invalid', 'PTのメンバーを一人以上指名してください');
      if (command.members.length > PT_MEMBER_MAX) return refuse('request.invalid', `PTのメンバーは${PT_MEMBER_MAX}人までです`);
      if (!command.members.some((member) => member.id === command.leader.id)) return refuse('request.invalid', 'リーダーはPTのメンバーから指名してください');
      const members = command.members.map(({ id, name, bureauCode }) => ({ id, name, bureauCode }));
      const leader = { id: command.leader.id, name: command.leader.name, bureauCode: command.leader.bureauCode };
      return { accepted: true, state: { ...state, members, leader }, change: change('set-members', { id: command.actor.id, name: command.actor.name }, { members, leader }) };
    }
    case 'record-formation': {
      if (!command.actor.roles.includes(Role.ReformOffice)) return refuse('reform-office.only', 'PTの結成の記録は市政変革室だけが行えます');
      if (state.formation) return refuse('platinum.already-formed', `PTは${state.formation.date}に結成されています`);
      if (!state.leader || state.members.length === 0) return refuse('platinum.not-formed', '結成を記録する前に、PTのメンバーとリーダーを指名してください');
      if (!isValidIsoDate(command.date)) return refuse('request.invalid', '結成日は YYYY-MM-DD の日付で指定してください');
      const formation = { date: command.date, recordedBy: { id: command.actor.id, name: command.actor.name }, recordedAt: now };
      return { accepted: true, state: { ...state, formation, phase: PlatinumPhase.Surfacing }, change: change('record-formation', formation.recordedBy, { date: command.date }) };
    }
    case 'advance': {
      const order = Object.values(PlatinumPhase);
      if (!state.formation || order.indexOf(command.to) <= order.indexOf(state.phase)) return refuse('request.invalid', `段階は${PLATINUM_PHASE_LABELS[state.phase]}から戻せません`);
      return {
        accepted: true,
        state: { ...state, phase: command.to, closedAt: command.to === PlatinumPhase.Closed ? command.at : null },
        change: change('advance', system, { from: state.phase, to: command.to }),
      };
    }
  }
}

/**
 * The project's next move of its own: the phase the passing of a deadline (or the year's end) brings,
 * and when. Before its formation the project waits for the reform office.
 */
export function nextPlatinumMove(state: PlatinumProjectState, deadlines: readonly ProcessDeadline[], fiscalYearEndsAt: string): { readonly at: string; readonly to: PlatinumPhase } | null {
  if (!state.formation || state.phase === PlatinumPhase.Closed) return null;
  const due = (target: PlatinumDeadlineTarget) => deadlines.find((deadline) => deadline.target === target)?.dueAt;
  const moves: { at: string | undefined; to: PlatinumPhase }[] = [
    { at: due('proposals'), to: PlatinumPhase.BureauReview },
    { at: due('decisions'), to: PlatinumPhase.ResponsePolicy },
    { at: fiscalYearEndsAt, to: PlatinumPhase.Closed },
  ];
  const order = Object.values(PlatinumPhase);
  const next = moves.find((move) => move.at !== undefined && order.indexOf(move.to) > order.indexOf(state.phase));
  return next?.at ? { at: next.at, to: next.to } : null;
}

export function isPtMember(project: Pick<PlatinumProjectState, 'members'> | null, userId: string): boolean {
  return project?.members.some((member) => member.id === userId) ?? false;
}

export function platinumSettingsProblems(settings: PlatinumSettings, meetingIds: readonly string[]): FieldProblem[] {
  return processDeadlineProblems(settings.deadlines, PLATINUM_DEADLINE_TARGETS, meetingIds);
}
