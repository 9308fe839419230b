import { Role, ROLE_LABELS } from '../roles';
import { Refusal, refusal, RefusalCode } from '../refusals/refusal';
import { isBlank } from '../fields/field-limits';
import {
  actorOf,
  ApprovalDocument,
  ApprovalStatus,
  ApprovalStepRule,
  ApprovalStepState,
  approvalSteps,
  authorsOf,
  currentStepOf,
  holdsRoleOfStep,
  holdsStep,
  Participant,
  stepDecidedBy,
  Submission,
  versionCountOf,
} from './approval-document';

/**
 * The 決裁 rules, once for every document that goes along an approval chain: each step approves
 * (承認), returns with a comment (差戻し) or hands the step on (代理); the submitter may pull the
 * document back (引戻し) until the first decision; nobody decides their own document, nor two steps
 * of one submission. What differs between documents is data: who drafts, the chain, the bureau.
 */

/** A delegate as the users table has them now. */
export interface DelegateStanding extends Participant {
  readonly active: boolean;
}

/** What the rules need to know of a text to decide on it: never its words. */
export interface TextMeasure {
  readonly length: number;
  readonly empty: boolean;
}

/** What a person asks of one document. Identity comes from authentication; the rest from the request. */
export type DocumentAct =
  | {
      readonly type: 'save-draft';
      readonly actor: Participant;
      readonly title: string;
      readonly text: TextMeasure;
      /** The version the edit started from (If-Match); null when the client did not say. */
      readonly basedOnVersion: number | null;
    }
  | { readonly type: 'submit'; readonly actor: Participant }
  | { readonly type: 'approve'; readonly actor: Participant; readonly comment: string | null }
  | { readonly type: 'return'; readonly actor: Participant; readonly comment: string }
  | { readonly type: 'delegate'; readonly actor: Participant; readonly delegate: Participant; readonly comment: string | null }
  | { readonly type: 'recall'; readonly actor: Participant }
  /** An administrator changed the delegate of the current step: the step returns to its role's holders unless the delegate still holds it. */
  | { readonly type: 'release-delegation'; readonly actor: Participant; readonly delegate: DelegateStanding };

export type DocumentActType = DocumentAct['type'];

/** The reasons a document act is refused, named once; each family of documents has its codes for them. */
type DocumentRefusalName = 'inApproval' | 'approved' | 'notInApproval' | 'noDraft' | 'emptyDraft' | 'versionStale' | 'notDrafter' | 'ownDocument' | 'notSubmitter' | 'alreadyDecided';

/** Cluster reports keep the codes they have always had; the other documents share one family. */
export const DOCUMENT_REFUSAL_CODES = {
  report: {
    inApproval: 'report.in-approval',
    approved: 'report.approved',
    notInApproval: 'report.not-in-approval',
    noDraft: 'report.no-draft',
    emptyDraft: 'report.empty-draft',
    versionStale: 'report.version-stale',
    notDrafter: 'report.not-drafter',
    ownDocument: 'report.own-report',
    notSubmitter: 'report.not-submitter',
    alreadyDecided: 'report.already-decided',
  },
  document: {
    inApproval: 'document.in-approval',
    approved: 'document.approved',
    notInApproval: 'document.not-in-approval',
    noDraft: 'document.no-draft',
    emptyDraft: 'document.empty-draft',
    versionStale: 'document.version-stale',
    notDrafter: 'document.not-drafter',
    ownDocument: 'document.own-document',
    notSubmitter: 'document.not-submitter',
    alreadyDecided: 'document.already-decided',
  },
} as const satisfies Record<string, Record<DocumentRefusalName, RefusalCode>>;

export type DocumentFamily = keyof typeof DOCUMENT_REFUSAL_CODES;

/** What makes one document's chain its own. */
export interface DocumentRules {
  readonly family: DocumentFamily;
  /** Who may write, submit and recall the document. */
  readonly mayDraft: (user: Participant) => boolean;
  /** Says who may, when someone else tries: `verb` is 作成, 提出. */
  readonly notDrafterMessage: (verb: string) => string;
  readonly chain: readonly ApprovalStepRule[];
  /** The bureau whose holders decide `owning-bureau` steps. */
  readonly owningBureau: { readonly code: string; readonly name: string } | null;
}

export type DocumentDecision<D extends ApprovalDocument> =
  | { readonly accepted: true; readonly document: D; readonly comment: string | null; readonly details: Record<string, unknown> }
  | { readonly accepted: false; readonly refusal: Refusal };

/** Decides one act on one document: the document after it and what changed, or the reason for refusal. */
export function decideOnDocument<D extends ApprovalDocument>(document: D, rules: DocumentRules, act: DocumentAct, now: string): DocumentDecision<D> {
  const refuse = (name: DocumentRefusalName, message: string): DocumentDecision<D> => ({
    accepted: false,
    refusal: refusal(DOCUMENT_REFUSAL_CODES[rules.family][name], message),
  });
  const refused = (value: Refusal): DocumentDecision<D> => ({ accepted: false, refusal: value });
  const accept = (changes: Partial<ApprovalDocument>, comment: string | null, details: Record<string, unknown>): DocumentDecision<D> => ({
    accepted: true,
    document: { ...document, ...changes },
    comment,
    details,
  });
  const label = document.label;
  const notInApproval = () => refusal(DOCUMENT_REFUSAL_CODES[rules.family].notInApproval, `${label}は決裁中ではありません（状態: ${document.status}）`);

  /**
   * Refuses a decision by someone who is not the current step's decider. Someone who could have
   * decided an earlier step of this submission has been beaten to it (or already decided): that is a
   * conflict with the current state, not a lack of rights.
   */
  const deciderRefusal = (actor: Participant, verb: string): Refusal | null => {
    const step = currentStepOf(document);
    if (!step || !document.submission) return notInApproval();
    if (authorsOf(document).includes(actor.id)) {
      return refusal(DOCUMENT_REFUSAL_CODES[rules.family].ownDocument, `自分が作成・提出した${label}は${verb}できません`);
    }
    if (holdsStep(step, actor)) {
      const earlier = stepDecidedBy(document.submission, actor.id);
      if (!earlier) return null;
      return refusal(
        'step.separation-of-duties',
        `あなたはこの提出の${earlier.label}を決裁したため、${step.label}の決裁（${verb}）はできません。一つの提出の二つの段階を同じ人が決裁することはできません`,
      );
    }
    const decided = document.submission.steps.slice(0, document.submission.currentStep).find((earlier) => holdsRoleOfStep(earlier, actor));
    if (decided?.approval) {
      return refusal(
        'step.already-decided',
        `${decided.label}の決裁は${decided.approval.by.name}さんが済ませています。現在は${step.label}の決裁待ちです（状態: ${document.status}）`,
      );
    }
    if (step.delegatedTo?.id === actor.id) {
      return refusal('step.not-yours', `${step.label}の役割・所属局が変わったため、${label}の代理決裁者ではなくなりました。あなたは${verb}できません`);
    }
    const holder = step.delegatedTo ? `${step.delegatedTo.name}さん（代理）` : step.person ? `${step.label}（${step.person.name}さん）` : step.label;
    return refusal('step.not-yours', `${label}の現在の決裁者は${holder}です。あなたは${verb}できません`);
  };

  /** The submission with its current step replaced. */
  const withCurrentStep = (submission: Submission, step: ApprovalStepState): Submission => ({
    ...submission,
    steps: submission.steps.map((candidate, index) => (index === submission.currentStep ? step : candidate)),
  });

  switch (act.type) {
    case 'save-draft': {
      if (!rules.mayDraft(act.actor)) return refuse('notDrafter', rules.notDrafterMessage('作成'));
      if (document.status === ApprovalStatus.InApproval) {
        return refuse('inApproval', `${label}は決裁中のため保存できません。最初の決裁前なら引戻してから修正してください（状態: ${document.status}）`);
      }
      if (document.status === ApprovalStatus.Approved) return refuse('approved', `${label}は承認済みです（状態: ${document.status}）`);
      if (isBlank(act.title)) return refused(refusal('request.invalid', '件名を入力してください'));
      const current = versionCountOf(document);
      if (act.basedOnVersion !== null && act.basedOnVersion !== current) {
        const based = act.basedOnVersion === 0 ? '未保存の状態' : `第${act.basedOnVersion}版`;
        return refuse(
          'versionStale',
          `${label}は別の人が保存したため第${current}版になっています（あなたの編集は${based}に基づいています）。最新の版を読み込み、差分を確かめてから保存してください`,
        );
      }
      const version = current + 1;
      const savedBy = actorOf(act.actor);
      return accept(
        {
          status: document.status === ApprovalStatus.Returned ? ApprovalStatus.Returned : ApprovalStatus.Draft,
          latestVersion: { version, title: act.title, empty: act.text.empty, savedBy, savedAt: now },
          authorIds: document.authorIds.includes(act.actor.id) ? document.authorIds : [...document.authorIds, act.actor.id],
        },
        null,
        { version, title: act.title },
      );
    }
    case 'submit': {
      if (!rules.mayDraft(act.actor)) return refuse('notDrafter', rules.notDrafterMessage('提出'));
      if (document.status === ApprovalStatus.InApproval) return refuse('inApproval', `${label}は既に提出され、決裁中です（状態: ${document.status}）`);
      if (document.status === ApprovalStatus.Approved) return refuse('approved', `${label}は承認済みです（状態: ${document.status}）`);
      const latest = document.latestVersion;
      if (!latest) return refuse('noDraft', `${label}の下書きがまだ保存されていないため提出できません`);
      if (latest.empty) return refuse('emptyDraft', `${label}の最新の下書き（第${latest.version}版）は本文が空のため提出できません`);
      const submission: Submission = {
        version: latest.version,
        submittedBy: actorOf(act.actor),
        submittedAt: now,
        steps: approvalSteps(rules.chain, rules.owningBureau?.code ?? null),
        currentStep: 0,
      };
      return accept({ status: ApprovalStatus.InApproval, submission }, null, { version: latest.version });
    }
    case 'approve': {
      const refusedDecider = deciderRefusal(act.actor, '承認');
      const submission = document.submission;
      if (refusedDecider || !submission) return refused(refusedDecider ?? notInApproval());
      const step = submission.steps[submission.currentStep];
      const decided = withCurrentStep(submission, { ...step, approval: { by: actorOf(act.actor), at: now, comment: act.comment } });
      const currentStep = submission.currentStep + 1;
      const finished = currentStep === decided.steps.length;
      return accept(
        { status: finished ? ApprovalStatus.Approved : ApprovalStatus.InApproval, submission: { ...decided, currentStep }, approvedAt: finished ? now : null },
        act.comment,
        { version: submission.version, step: step.label, approved: finished },
      );
    }
    case 'return': {
      if (isBlank(act.comment)) return refused(refusal('comment.required', '差戻しには理由のコメントが必要です'));
      const refusedDecider = deciderRefusal(act.actor, '差戻し');
      const submission = document.submission;
      if (refusedDecider || !submission) return refused(refusedDecider ?? notInApproval());
      const step = submission.steps[submission.currentStep];
      return accept(
        { status: ApprovalStatus.Returned, submission: null, lastReturn: { by: actorOf(act.actor), at: now, comment: act.comment, stepLabel: step.label } },
        act.comment,
        { version: submission.version, step: step.label },
      );
    }
    case 'delegate': {
      const refusedDecider = deciderRefusal(act.actor, '代理に回す');
      const submission = document.submission;
      if (refusedDecider || !submission) return refused(refusedDecider ?? notInApproval());
      const step = submission.steps[submission.currentStep];
      const to = act.delegate;
      const invalid = (message: string) => refused(refusal('delegate.invalid', message));
      if (to.id === act.actor.id) return invalid('自分自身を代理決裁者にはできません');
      if (step.person || step.role === null) return invalid(`${step.label}の決裁は${step.person?.name ?? ''}さん本人だけが行えるため、代理に回せません`);
      if (!holdsRoleOfStep(step, to)) {
        const where = step.bureauCode && rules.owningBureau ? `${rules.owningBureau.name}の` : '';
        return invalid(`代理決裁者は${where}${ROLE_LABELS[step.role]}の役割を持つ利用者でなければなりません（${to.name}さんは該当しません）`);
      }
      if (authorsOf(document).includes(to.id)) return invalid(`${to.name}さんはこの${label}の作成者・提出者のため代理決裁者にできません`);
      const decidedEarlier = stepDecidedBy(submission, to.id);
      if (decidedEarlier) return invalid(`${to.name}さんはこの提出の${decidedEarlier.label}を決裁したため、${step.label}の代理決裁者にできません`);
      return accept(
        { submission: withCurrentStep(submission, { ...step, delegatedTo: actorOf(to), delegatedBy: actorOf(act.actor) }) },
        act.comment,
        { step: step.label, delegatedTo: actorOf(to) },
      );
    }
    case 'recall': {
      const submission = document.submission;
      if (document.status !== ApprovalStatus.InApproval || !submission) return refuse('notInApproval', `${label}は決裁中ではないため引戻せません（状態: ${document.status}）`);
      if (submission.submittedBy.id !== act.actor.id) return refuse('notSubmitter', `引戻しは提出者（${submission.submittedBy.name}さん）だけが行えます`);
      if (submission.currentStep > 0) {
        const first = submission.steps[0];
        return refuse('alreadyDecided', `${first.label}（${first.approval?.by.name ?? ''}さん）が既に承認したため引戻せません（状態: ${document.status}）`);
      }
      return accept({ status: ApprovalStatus.Draft, submission: null }, null, { version: submission.version });
    }
    case 'release-delegation': {
      if (!act.actor.roles.includes(Role.Admin)) {
        return refused(refusal('access.denied', '代理の解除は、代理決裁者の役割・所属局・有効を変えたシステム管理者の変更に伴って行われます'));
      }
      const step = currentStepOf(document);
      const delegate = act.delegate;
      if (!step || step.delegatedTo?.id !== delegate.id) {
        return refused(refusal('delegation.unchanged', `${label}の決裁待ちの段階は${delegate.name}さんに代理されていません（状態: ${document.status}）`));
      }
      const lapse = delegationLapse(step, delegate);
      if (!lapse) return refused(refusal('delegation.unchanged', `${delegate.name}さんは${step.label}の役割を今も持っているため、代理はそのままです`));
      return accept(
        { submission: withCurrentStep(document.submission as Submission, { ...step, delegatedTo: null, delegatedBy: null }) },
        null,
        { step: step.label, delegate: actorOf(delegate), reason: `${delegate.name}さんの${lapse}ため、${step.label}の決裁は役割を持つ職員に戻りました` },
      );
    }
  }
}

/** Why a delegate no longer holds a step, or null while they still do. */
function delegationLapse(step: ApprovalStepState, delegate: DelegateStanding): string | null {
  if (!delegate.active) return 'アカウントが無効化された';
  if (step.role !== null && !delegate.roles.includes(step.role)) return `${ROLE_LABELS[step.role]}の役割がなくなった`;
  if (step.bureauCode !== null && step.bureauCode !== delegate.bureauCode) return '所属局が変わった';
  return null;
}
