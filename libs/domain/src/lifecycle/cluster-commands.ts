import { Role } from '../roles';
import { BureauRef, ClusterCase, isClosedStage, ReportState, reportStageIsOpen } from './cluster-case';
import { Actor } from './actor';
import { ClusterAction } from './cluster-lifecycle-event';
import { ClusterStage, STAGE_LABELS } from './cluster-stage';
import { REPORT_STAGES } from './lifecycle-settings';
import { Refusal, refusal, RefusalCode } from '../refusals/refusal';
import { COMMENT_MAX_LENGTH, isBlank, REPORT_BODY_MAX_LENGTH, REPORT_TITLE_MAX_LENGTH } from '../fields/field-limits';
import { actorOf, ApprovalStatus, ApprovalStepState, Participant } from '../approval/approval-document';
import { decideOnDocument, DocumentAct, DocumentActType, DocumentRules } from '../approval/approval-rules';

/**
 * A report text as the API has stored it. The rules decide on its size and emptiness, never on its
 * words, so the words stay out of workflow history: the workflow carries the hash that names them.
 */
export interface StoredTextRef {
  /** sha256 of the body, hex: the key of the stored text. */
  readonly hash: string;
  readonly length: number;
  readonly empty: boolean;
}

export const textRefOf = (body: string, hash: string): StoredTextRef => ({ hash, length: body.length, empty: isBlank(body) });

/** What a user asks of a cluster. Identity comes from authentication; the rest from the request. */
export type ClusterCommand =
  | ReportCommand
  | { readonly type: 'withdraw'; readonly actor: Participant; readonly reason: string }
  | { readonly type: 'change-owning-bureau'; readonly actor: Participant; readonly bureau: BureauRef };

/** An act of 決裁 on one of the cluster's reports, named by its kind; a save carries the stored text's reference. */
export type ReportCommand = OnReport<Exclude<DocumentAct, { type: 'save-draft' }>> | OnReport<Extract<DocumentAct, { type: 'save-draft' }> & { readonly text: StoredTextRef }>;

type OnReport<A> = A extends DocumentAct ? A & { readonly kind: string } : never;

/** What changed, for the audit trail and the read model. */
export interface CaseChange {
  readonly action: ClusterAction;
  readonly actor: Actor;
  readonly fromStage: ClusterStage;
  readonly toStage: ClusterStage;
  readonly reportKind: string | null;
  readonly comment: string | null;
  readonly details: Record<string, unknown>;
}

export type Decision =
  | { readonly accepted: true; readonly state: ClusterCase; readonly change: CaseChange }
  | { readonly accepted: false; readonly refusal: Refusal };

const refuse = (code: RefusalCode, message: string): Decision => ({ accepted: false, refusal: refusal(code, message) });

/** Decides a command against the case: the new case and what changed, or the reason for refusal. */
export function decide(state: ClusterCase, command: ClusterCommand, now: string): Decision {
  if (isClosedStage(state.stage)) {
    return refuse('cluster.closed', `この事業群の経営分析は${STAGE_LABELS[state.stage]}のため操作できません（段階: ${state.stage}）`);
  }
  const overlong = overlongText(command);
  if (overlong) return overlong;
  switch (command.type) {
    case 'withdraw':
      return withdraw(state, command, now);
    case 'change-owning-bureau':
      return changeOwningBureau(state, command);
    default:
      return decideOnReport(state, command, now);
  }
}

/** The same limits the API's request validation applies, so that neither lets through what the other refuses. */
function overlongText(command: ClusterCommand): Decision | null {
  const lengths: [string, number | null, number][] =
    command.type === 'save-draft'
      ? [
          ['title', command.title.length, REPORT_TITLE_MAX_LENGTH],
          ['body', command.text.length, REPORT_BODY_MAX_LENGTH],
        ]
      : command.type === 'withdraw'
        ? [['reason', command.reason.length, COMMENT_MAX_LENGTH]]
        : 'comment' in command
          ? [['comment', command.comment?.length ?? null, COMMENT_MAX_LENGTH]]
          : [];
  const [field, , max] = lengths.find(([, length, limit]) => length !== null && length > limit) ?? [];
  if (!field || max === undefined) return null;
  const message = `${field} は${max}文字以内で入力してください`;
  return { accepted: false, refusal: refusal('request.invalid', message, { fields: [{ field, problems: [message] }] }) };
}

function decideOnReport(state: ClusterCase, command: ReportCommand, now: string): Decision {
  const report = state.reports.find((candidate) => candidate.kind === command.kind);
  if (!report) {
    const known = state.reports.map((candidate) => candidate.kind).join(', ');
    return refuse('report-kind.unknown', `報告書の種類「${command.kind}」はこの年度にありません（${known}）`);
  }
  const firstReportStage = REPORT_STAGES.find((stage) => state.reports.some((candidate) => candidate.stage === stage)) ?? ClusterStage.InterimReport;
  if (!reportStageIsOpen(state.stage, report.stage, firstReportStage)) {
    return refuse(
      'report.stage-not-open',
      `${report.label}は「${STAGE_LABELS[report.stage]}」の段階で扱います。現在の段階は「${STAGE_LABELS[state.stage]}」です（段階: ${state.stage}）`,
    );
  }
  const decision = decideOnDocument(report, reportRules(state), command, now);
  if (!decision.accepted) return decision;
  let next = withReport(state, decision.document);
  if (decision.document.status === ApprovalStatus.Approved && report.status !== ApprovalStatus.Approved) next = advanceIfStageDone(next);
  return accept(state, next, { action: REPORT_ACTIONS[command.type], actor: actorOf(command.actor), reportKind: report.kind, comment: decision.comment, details: decision.details });
}

const REPORT_ACTIONS: Readonly<Record<DocumentActType, ClusterAction>> = {
  'save-draft': ClusterAction.SaveDraft,
  submit: ClusterAction.Submit,
  approve: ClusterAction.Approve,
  return: ClusterAction.Return,
  delegate: ClusterAction.Delegate,
  recall: ClusterAction.Recall,
  'release-delegation': ClusterAction.ReleaseDelegation,
};

/** A cluster's reports: drafted by the owning bureau's staff, decided along the year's chain. */
function reportRules(state: ClusterCase): DocumentRules {
  return {
    family: 'report',
    mayDraft: (user) => user.roles.includes(Role.Staff) && user.bureauCode === state.owningBureau.code,
    notDrafterMessage: (verb) => `報告書の${verb}は所管局（${state.owningBureau.name}）の担当職員だけが行えます`,
    chain: state.settings.approvalChain,
    owningBureau: state.owningBureau,
  };
}

/** The stage's last approval moves the cluster on: to the next stage with reports, or to 完了. */
function advanceIfStageDone(state: ClusterCase): ClusterCase {
  const stageReports = state.reports.filter((report) => report.stage === state.stage);
  if (stageReports.some((report) => report.status !== ApprovalStatus.Approved)) return state;
  const later = REPORT_STAGES.slice(REPORT_STAGES.indexOf(state.stage) + 1).find((stage) => state.reports.some((report) => report.stage === stage));
  return { ...state, stage: later ?? ClusterStage.Completed };
}

function withdraw(state: ClusterCase, command: Extract<ClusterCommand, { type: 'withdraw' }>, now: string): Decision {
  if (!command.actor.roles.includes(Role.ReformOffice)) return refuse('reform-office.only', '取下げは市政変革室だけが行えます');
  if (isBlank(command.reason)) return refuse('comment.required', '取下げの理由を入力してください');
  const withdrawal = { by: actorOf(command.actor), at: now, reason: command.reason };
  return accept(state, { ...state, stage: ClusterStage.Withdrawn, withdrawal }, {
    action: ClusterAction.Withdraw,
    actor: actorOf(command.actor),
    reportKind: null,
    comment: command.reason,
    details: {},
  });
}

/** A new owning bureau takes over drafting and the bureau steps not yet decided. */
function changeOwningBureau(state: ClusterCase, command: Extract<ClusterCommand, { type: 'change-owning-bureau' }>): Decision {
  if (!command.actor.roles.includes(Role.ReformOffice)) return refuse('reform-office.only', '所管局の変更は市政変革室だけが行えます');
  if (command.bureau.code === state.owningBureau.code) return refuse('cluster.owning-bureau-unchanged', `所管局は既に${command.bureau.name}です`);
  const rebind = (step: ApprovalStepState): ApprovalStepState =>
    step.scope === 'owning-bureau' && !step.approval ? { ...step, bureauCode: command.bureau.code, delegatedTo: null, delegatedBy: null } : step;
  const reports = state.reports.map((report) =>
    report.submission ? { ...report, submission: { ...report.submission, steps: report.submission.steps.map(rebind) } } : report,
  );
  return accept(state, { ...state, owningBureau: command.bureau, reports }, {
    action: ClusterAction.ChangeOwningBureau,
    actor: actorOf(command.actor),
    reportKind: null,
    comment: null,
    details: { from: state.owningBureau, to: command.bureau },
  });
}

/** Replaces one report; the first report work after kickoff opens that report's stage. */
function withReport(state: ClusterCase, report: ReportState): ClusterCase {
  const stage = state.stage === ClusterStage.Kickoff ? report.stage : state.stage;
  return { ...state, stage, reports: state.reports.map((candidate) => (candidate.kind === report.kind ? report : candidate)) };
}

function accept(before: ClusterCase, after: ClusterCase, change: Omit<CaseChange, 'fromStage' | 'toStage'>): Decision {
  return { accepted: true, state: after, change: { ...change, fromStage: before.stage, toStage: after.stage } };
}
