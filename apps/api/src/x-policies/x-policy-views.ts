import {
  APPROVAL_STATUS_LABELS,
  ApprovalStatus,
  currentStepOf,
  Participant,
  ProcessDeadline,
  PublishedProgress,
  toTokyoIsoString,
  X_POLICY_DEADLINE_TARGETS,
  X_POLICY_PHASE_LABELS,
  XPolicyIssue,
  xPolicyPermissions,
  XPolicyPlanContent,
  XPolicyState,
} from '@app/domain';
import { ProcessRow, ProcessVersionRow } from '@app/persistence';
import { toReturnNoteView, toSubmissionView } from '../common/approval-views';
import { toApprovalDocumentView, toProcessDeadlineView } from '../processes/process-views';
import { ProgressUpdateView, PublicIssueView, XPolicyDetailView, XPolicyIssueView, XPolicySummaryView } from './dto/x-policy.dto';

export const NOT_STARTED_LABEL = '未開始';

/** One bureau's line in the year's list; a bureau that has not started has only its name. */
export function toXPolicySummary(
  fiscalYear: number,
  bureau: { code: string; name: string },
  row: ProcessRow<XPolicyState> | null,
  deadlines: readonly ProcessDeadline[],
  now: string,
): XPolicySummaryView {
  const state = row?.state ?? null;
  const published = state?.publication ?? null;
  const planDeadline = deadlines.find((deadline) => deadline.target === 'plan');
  return {
    fiscalYear,
    bureau: { code: bureau.code, name: bureau.name },
    started: state !== null,
    phase: row ? (row.phase as XPolicySummaryView['phase']) : null,
    phaseLabel: row ? X_POLICY_PHASE_LABELS[row.phase as keyof typeof X_POLICY_PHASE_LABELS] : NOT_STARTED_LABEL,
    planStatus: state?.plan.status ?? null,
    pendingStep: state ? (currentStepOf(state.plan)?.label ?? null) : null,
    deadline: planDeadline && !published ? toProcessDeadlineView(planDeadline, X_POLICY_DEADLINE_TARGETS, false, now) : null,
    publishedAt: published ? toTokyoIsoString(published.publishedAt) : null,
    publishedIssueCount: published?.issueIds.length ?? 0,
    publishedProgressCount: state?.publishedProgress.length ?? 0,
    progressInApproval: state?.progress.filter((document) => document.status === ApprovalStatus.InApproval).length ?? 0,
  };
}

export interface XPolicyTexts {
  /** The latest saved plan's words, when the caller may read drafts. */
  readonly latest: XPolicyPlanContent | null;
  /** The published plan's words. */
  readonly published: XPolicyPlanContent | null;
  /** Stored texts by hash: progress updates. */
  readonly byHash: ReadonlyMap<string, string>;
}

const issueView = (issue: XPolicyIssue): XPolicyIssueView => ({ id: issue.id, title: issue.title, response: issue.response, schedule: issue.schedule, clusterNos: [...issue.clusterNos] });

export function toXPolicyDetail(
  summary: XPolicySummaryView,
  row: ProcessRow<XPolicyState> | null,
  items: readonly { id: string; question: string }[],
  versions: readonly ProcessVersionRow[],
  texts: XPolicyTexts,
  readable: boolean,
  caller: Participant,
): XPolicyDetailView {
  const state = row?.state ?? null;
  const answers = texts.latest?.answers ?? [];
  const publishedProgress = state?.publishedProgress ?? [];
  return {
    ...summary,
    textsRestricted: !readable,
    selfInspection: items.map((item) => ({
      itemId: item.id,
      question: item.question,
      answer: readable ? (answers.find((answer) => answer.itemId === item.id)?.answer ?? null) : null,
    })),
    issues: readable && texts.latest ? texts.latest.issues.map(issueView) : null,
    plan: state ? toApprovalDocumentView(state.plan, versions, readable) : null,
    publication:
      state?.publication && texts.published
        ? { version: state.publication.version, publishedAt: toTokyoIsoString(state.publication.publishedAt), issues: texts.published.issues.map(issueView) }
        : null,
    progress: [
      ...publishedProgress.map((entry) => publishedProgressView(entry, texts.byHash)),
      ...(state?.progress ?? []).map(
        (document): ProgressUpdateView => ({
          issueId: document.issueId,
          seq: document.seq,
          status: document.status,
          statusLabel: APPROVAL_STATUS_LABELS[document.status],
          text: readable && document.textHash ? (texts.byHash.get(document.textHash) ?? null) : null,
          submission: toSubmissionView(document.submission, readable),
          lastReturn: toReturnNoteView(document.lastReturn, readable),
          publishedAt: null,
        }),
      ),
    ],
    permitted: permittedView(xPolicyPermissions(state, caller)),
  };
}

function permittedView(permitted: ReturnType<typeof xPolicyPermissions>): XPolicyDetailView['permitted'] {
  return { ...permitted, postProgress: [...permitted.postProgress], decideProgress: [...permitted.decideProgress] };
}

function publishedProgressView(entry: PublishedProgress, byHash: ReadonlyMap<string, string>): ProgressUpdateView {
  return {
    issueId: entry.issueId,
    seq: entry.seq,
    status: ApprovalStatus.Approved,
    statusLabel: APPROVAL_STATUS_LABELS[ApprovalStatus.Approved],
    text: byHash.get(entry.textHash) ?? null,
    submission: null,
    lastReturn: null,
    publishedAt: toTokyoIsoString(entry.publishedAt),
  };
}

/** A published issue with its published progress: the public's view, with no names and no comments. */
export function toPublicIssues(state: XPolicyState, published: XPolicyPlanContent, byHash: ReadonlyMap<string, string>): PublicIssueView[] {
  return published.issues.map((issue) => ({
    ...issueView(issue),
    progress: state.publishedProgress
      .filter((entry) => entry.issueId === issue.id)
      .map((entry) => ({ seq: entry.seq, publishedAt: toTokyoIsoString(entry.publishedAt), text: byHash.get(entry.textHash) ?? '' })),
  }));
}
