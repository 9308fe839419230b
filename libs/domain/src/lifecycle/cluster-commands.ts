import { Role, ROLE_LABELS } from '../roles';
import {
  ApprovalStepState,
  approvalSteps,
  authorsOf,
  BureauRef,
  ClusterCase,
  currentStepOf,
  holdsRoleOfStep,
  holdsStep,
  isClosedStage,
  Participant,
  ReportState,
  ReportStatus,
  reportStageIsOpen,
  versionCountOf,
  Submission,
  stepDecidedBy,
} from './cluster-case';
import { Actor } from './actor';
import { ClusterAction } from './cluster-lifecycle-event';
import { ClusterStage, STAGE_LABELS } from './cluster-stage';
import { REPORT_STAGES } from './lifecycle-settings';
import { Refusal, refusal, RefusalCode } from '../refusals/refusal';
import { COMMENT_MAX_LENGTH, isBlank, REPORT_BODY_MAX_LENGTH, REPORT_TITLE_MAX_LENGTH } from '../fields/field-limits';

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
  | {
      readonly type: 'save-draft';
      readonly actor: Participant;
      readonly kind: string;
      readonly title: string;
      readonly text: StoredTextRef;
      /** The version the edit started from (If-Match); null when the client did not say. */
      readonly basedOnVersion: number | null;
    }
  | { readonly type: 'submit'; readonly actor: Participant; readonly kind: string }
  | { readonly type: 'approve'; readonly actor: Participant; readonly kind: string; readonly comment: string | null }
  | { readonly type: 'return'; readonly actor: Participant; readonly kind: string; readonly comment: string }
  | { readonly type: 'delegate'; readonly actor: Participant; readonly kind: string; readonly delegate: Participant; readonly comment: string | null }
  | { readonly type: 'recall'; readonly actor: Participant; readonly kind: string }
  | { readonly type: 'withdraw'; readonly actor: Participant; readonly reason: string }
  | { readonly type: 'change-owning-bureau'; readonly actor: Participant; readonly bureau: BureauRef }
  /** An administrator changed the delegate of the report's current step: the step returns to its role's holders unless the delegate still holds it. */
  | { readonly type: 'release-delegation'; readonly actor: Participant; readonly kind: string; readonly delegate: DelegateStanding };

/** A delegate as the users table has them now. */
export interface DelegateStanding extends Participant {
  readonly active: boolean;
}

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

export const actorOf = (participant: Participant): Actor => ({ id: participant.id, name: participant.name });

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

type ReportCommand = Exclude<ClusterCommand, { type: 'withdraw' } | { type: 'change-owning-bureau' }>;

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
  switch (command.type) {
    case 'save-draft':
      return saveDraft(state, report, command, now);
    case 'submit':
      return submit(state, report, command.actor, now);
    case 'approve':
      return approve(state, report, command.actor, command.comment, now);
    case 'return':
      return returnReport(state, report, command.actor, command.comment, now);
    case 'delegate':
      return delegate(state, report, command.actor, command.delegate, command.comment);
    case 'recall':
      return recall(state, report, command.actor);
    case 'release-delegation':
      return releaseDelegation(state, report, command);
  }
}

function isDrafter(state: ClusterCase, user: Participant): boolean {
  return user.roles.includes(Role.Staff) && user.bureauCode === state.owningBureau.code;
}

function notDrafter(state: ClusterCase, verb: string): Decision {
  return refuse('report.not-drafter', `報告書の${verb}は所管局（${state.owningBureau.name}）の担当職員だけが行えます`);
}

function saveDraft(state: ClusterCase, report: ReportState, command: Extract<ClusterCommand, { type: 'save-draft' }>, now: string): Decision {
  if (!isDrafter(state, command.actor)) return notDrafter(state, '作成');
  if (report.status === ReportStatus.InApproval) {
    return refuse('report.in-approval', `${report.label}は決裁中のため保存できません。最初の決裁前なら引戻してから修正してください（状態: ${report.status}）`);
  }
  if (report.status === ReportStatus.Approved) return refuse('report.approved', `${report.label}は承認済みです（状態: ${report.status}）`);
  if (isBlank(command.title)) return refuse('request.invalid', '表題を入力してください');
  const current = versionCountOf(report);
  if (command.basedOnVersion !== null && command.basedOnVersion !== current) {
    const based = command.basedOnVersion === 0 ? '未保存の状態' : `第${command.basedOnVersion}版`;
    return refuse(
      'report.version-stale',
      `${report.label}は別の人が保存したため第${current}版になっています（あなたの編集は${based}に基づいています）。最新の版を読み込み、差分を確かめてから保存してください`,
    );
  }
  const version = current + 1;
  const savedBy = actorOf(command.actor);
  const updated: ReportState = {
    ...report,
    status: report.status === ReportStatus.Returned ? ReportStatus.Returned : ReportStatus.Draft,
    latestVersion: { version, title: command.title, empty: command.text.empty, savedBy, savedAt: now },
    authorIds: savedBy.id === null || report.authorIds.includes(savedBy.id) ? report.authorIds : [...report.authorIds, savedBy.id],
  };
  return accept(state, withReport(state, updated), {
    action: ClusterAction.SaveDraft,
    actor: actorOf(command.actor),
    reportKind: report.kind,
    comment: null,
    details: { version, title: command.title },
  });
}

function submit(state: ClusterCase, report: ReportState, actor: Participant, now: string): Decision {
  if (!isDrafter(state, actor)) return notDrafter(state, '提出');
  if (report.status === ReportStatus.InApproval) return refuse('report.in-approval', `${report.label}は既に提出され、決裁中です（状態: ${report.status}）`);
  if (report.status === ReportStatus.Approved) return refuse('report.approved', `${report.label}は承認済みです（状態: ${report.status}）`);
  const latest = report.latestVersion;
  if (!latest) return refuse('report.no-draft', `${report.label}の下書きがまだ保存されていないため提出できません`);
  if (latest.empty) return refuse('report.empty-draft', `${report.label}の最新の下書き（第${latest.version}版）は本文が空のため提出できません`);
  const updated: ReportState = {
    ...report,
    status: ReportStatus.InApproval,
    submission: {
      version: latest.version,
      submittedBy: actorOf(actor),
      submittedAt: now,
      steps: approvalSteps(state.settings.approvalChain, state.owningBureau.code),
      currentStep: 0,
    },
  };
  return accept(state, withReport(state, updated), {
    action: ClusterAction.Submit,
    actor: actorOf(actor),
    reportKind: report.kind,
    comment: null,
    details: { version: latest.version },
  });
}

const notInApproval = (report: ReportState): Refusal => refusal('report.not-in-approval', `${report.label}は決裁中ではありません（状態: ${report.status}）`);

/**
 * Refuses a decision by someone who is not the current step's decider. Someone who could have
 * decided an earlier step of this submission has been beaten to it (or already decided): that is a
 * conflict with the current state, not a lack of rights.
 */
function requireDecider(report: ReportState, actor: Participant, verb: string): Refusal | null {
  const step = currentStepOf(report);
  if (!step || !report.submission) return notInApproval(report);
  if (authorsOf(report).includes(actor.id)) return { code: 'report.own-report', message: `自分が作成・提出した${report.label}は${verb}できません` };
  if (holdsStep(step, actor)) {
    const earlier = stepDecidedBy(report.submission, actor.id);
    if (!earlier) return null;
    return {
      code: 'step.separation-of-duties',
      message: `あなたはこの提出の${earlier.label}を決裁したため、${step.label}の決裁（${verb}）はできません。一つの提出の二つの段階を同じ人が決裁することはできません`,
    };
  }
  const decided = report.submission.steps.slice(0, report.submission.currentStep).find((earlier) => holdsRoleOfStep(earlier, actor));
  if (decided?.approval) {
    return {
      code: 'step.already-decided',
      message: `${decided.label}の決裁は${decided.approval.by.name}さんが済ませています。現在は${step.label}の決裁待ちです（状態: ${report.status}）`,
    };
  }
  if (step.delegatedTo?.id === actor.id) {
    return { code: 'step.not-yours', message: `${step.label}の役割・所属局が変わったため、${report.label}の代理決裁者ではなくなりました。あなたは${verb}できません` };
  }
  const holder = step.delegatedTo ? `${step.delegatedTo.name}さん（代理）` : step.label;
  return { code: 'step.not-yours', message: `${report.label}の現在の決裁者は${holder}です。あなたは${verb}できません` };
}

function approve(state: ClusterCase, report: ReportState, actor: Participant, comment: string | null, now: string): Decision {
  const refused = requireDecider(report, actor, '承認');
  if (refused || !report.submission) return { accepted: false, refusal: refused ?? notInApproval(report) };
  const submission = report.submission;
  const steps = submission.steps.map((step, index) =>
    index === submission.currentStep ? { ...step, approval: { by: actorOf(actor), at: now, comment } } : step,
  );
  const currentStep = submission.currentStep + 1;
  const finished = currentStep === steps.length;
  const updated: ReportState = {
    ...report,
    status: finished ? ReportStatus.Approved : ReportStatus.InApproval,
    submission: { ...submission, steps, currentStep },
    approvedAt: finished ? now : null,
  };
  let next = withReport(state, updated);
  if (finished) next = advanceIfStageDone(next);
  return accept(state, next, {
    action: ClusterAction.Approve,
    actor: actorOf(actor),
    reportKind: report.kind,
    comment,
    details: { version: submission.version, step: submission.steps[submission.currentStep].label, approved: finished },
  });
}

/** The stage's last approval moves the cluster on: to the next stage with reports, or to 完了. */
function advanceIfStageDone(state: ClusterCase): ClusterCase {
  const stageReports = state.reports.filter((report) => report.stage === state.stage);
  if (stageReports.some((report) => report.status !== ReportStatus.Approved)) return state;
  const later = REPORT_STAGES.slice(REPORT_STAGES.indexOf(state.stage) + 1).find((stage) => state.reports.some((report) => report.stage === stage));
  return { ...state, stage: later ?? ClusterStage.Completed };
}

function returnReport(state: ClusterCase, report: ReportState, actor: Participant, comment: string, now: string): Decision {
  if (isBlank(comment)) return refuse('comment.required', '差戻しには理由のコメントが必要です');
  const refused = requireDecider(report, actor, '差戻し');
  if (refused || !report.submission) return { accepted: false, refusal: refused ?? notInApproval(report) };
  const step = report.submission.steps[report.submission.currentStep];
  const updated: ReportState = {
    ...report,
    status: ReportStatus.Returned,
    submission: null,
    lastReturn: { by: actorOf(actor), at: now, comment, stepLabel: step.label },
  };
  return accept(state, withReport(state, updated), {
    action: ClusterAction.Return,
    actor: actorOf(actor),
    reportKind: report.kind,
    comment,
    details: { version: report.submission.version, step: step.label },
  });
}

function delegate(state: ClusterCase, report: ReportState, actor: Participant, to: Participant, comment: string | null): Decision {
  const refused = requireDecider(report, actor, '代理に回す');
  if (refused || !report.submission) return { accepted: false, refusal: refused ?? notInApproval(report) };
  const submission = report.submission;
  const step = submission.steps[submission.currentStep];
  if (to.id === actor.id) return refuse('delegate.invalid', '自分自身を代理決裁者にはできません');
  if (!holdsRoleOfStep(step, to)) {
    const where = step.bureauCode ? `${state.owningBureau.name}の` : '';
    return refuse('delegate.invalid', `代理決裁者は${where}${ROLE_LABELS[step.role]}の役割を持つ利用者でなければなりません（${to.name}さんは該当しません）`);
  }
  if (authorsOf(report).includes(to.id)) return refuse('delegate.invalid', `${to.name}さんはこの${report.label}の作成者・提出者のため代理決裁者にできません`);
  const decidedEarlier = stepDecidedBy(submission, to.id);
  if (decidedEarlier) {
    return refuse('delegate.invalid', `${to.name}さんはこの提出の${decidedEarlier.label}を決裁したため、${step.label}の代理決裁者にできません`);
  }
  const delegated: ApprovalStepState = { ...step, delegatedTo: actorOf(to), delegatedBy: actorOf(actor) };
  const updated: ReportState = {
    ...report,
    submission: { ...submission, steps: submission.steps.map((candidate, index) => (index === submission.currentStep ? delegated : candidate)) },
  };
  return accept(state, withReport(state, updated), {
    action: ClusterAction.Delegate,
    actor: actorOf(actor),
    reportKind: report.kind,
    comment,
    details: { step: step.label, delegatedTo: actorOf(to) },
  });
}

/** Why a delegate no longer holds a step, or null while they still do. */
function delegationLapse(step: ApprovalStepState, delegate: DelegateStanding): string | null {
  if (!delegate.active) return 'アカウントが無効化された';
  if (!delegate.roles.includes(step.role)) return `${ROLE_LABELS[step.role]}の役割がなくなった`;
  if (step.bureauCode !== null && step.bureauCode !== delegate.bureauCode) return '所属局が変わった';
  return null;
}

function releaseDelegation(state: ClusterCase, report: ReportState, command: Extract<ClusterCommand, { type: 'release-delegation' }>): Decision {
  if (!command.actor.roles.includes(Role.Admin)) return refuse('access.denied', '代理の解除は、代理決裁者の役割・所属局・有効を変えたシステム管理者の変更に伴って行われます');
  const step = currentStepOf(report);
  const delegate = command.delegate;
  if (!step || step.delegatedTo?.id !== delegate.id) {
    return refuse('delegation.unchanged', `${report.label}の決裁待ちの段階は${delegate.name}さんに代理されていません（状態: ${report.status}）`);
  }
  const lapse = delegationLapse(step, delegate);
  if (!lapse) return refuse('delegation.unchanged', `${delegate.name}さんは${step.label}の役割を今も持っているため、代理はそのままです`);
  const submission = report.submission as Submission;
  const released: ApprovalStepState = { ...step, delegatedTo: null, delegatedBy: null };
  const updated: ReportState = {
    ...report,
    submission: { ...submission, steps: submission.steps.map((candidate, index) => (index === submission.currentStep ? released : candidate)) },
  };
  return accept(state, withReport(state, updated), {
    action: ClusterAction.ReleaseDelegation,
    actor: actorOf(command.actor),
    reportKind: report.kind,
    comment: null,
    details: { step: step.label, delegate: actorOf(delegate), reason: `${delegate.name}さんの${lapse}ため、${step.label}の決裁は役割を持つ職員に戻りました` },
  });
}

function recall(state: ClusterCase, report: ReportState, actor: Participant): Decision {
  const submission = report.submission;
  if (report.status !== ReportStatus.InApproval || !submission) return refuse('report.not-in-approval', `${report.label}は決裁中ではないため引戻せません（状態: ${report.status}）`);
  if (submission.submittedBy.id !== actor.id) return refuse('report.not-submitter', `引戻しは提出者（${submission.submittedBy.name}さん）だけが行えます`);
  if (submission.currentStep > 0) {
    const first = submission.steps[0];
    return refuse('report.already-decided', `${first.label}（${first.approval?.by.name ?? ''}さん）が既に承認したため引戻せません（状態: ${report.status}）`);
  }
  const updated: ReportState = { ...report, status: ReportStatus.Draft, submission: null };
  return accept(state, withReport(state, updated), {
    action: ClusterAction.Recall,
    actor: actorOf(actor),
    reportKind: report.kind,
    comment: null,
    details: { version: submission.version },
  });
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
