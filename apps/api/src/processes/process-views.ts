import { AuditEntryRow, Page, ProcessVersionRow } from '@app/persistence';
import { APPROVAL_STATUS_LABELS, ApprovalDocument, ProcessDeadline, toTokyoIsoString } from '@app/domain';
import { toReturnNoteView, toSubmissionView } from '../common/approval-views';
import { ApprovalDocumentView, ProcessDeadlineView, ProcessHistoryPage } from './process.dto';

export function toProcessDeadlineView(deadline: ProcessDeadline, labels: Readonly<Record<string, string>>, done: boolean, now: string): ProcessDeadlineView {
  return {
    target: deadline.target,
    label: labels[deadline.target] ?? deadline.target,
    dueDate: deadline.dueDate,
    dueAt: toTokyoIsoString(deadline.dueAt),
    provisional: deadline.provisional,
    meetingName: deadline.meeting?.name ?? null,
    meetingDateLabel: deadline.meeting?.dateLabel ?? null,
    overdue: !done && deadline.dueAt < now,
  };
}

/** A process's audit trail as the caller may see it: an entry's comment only for those who may read the texts of the document it concerns. */
export function toProcessHistoryPage(entries: Page<AuditEntryRow>, labels: Readonly<Record<string, string>>, readable: (document: string | null) => boolean): ProcessHistoryPage {
  return {
    ...entries,
    items: entries.items.map((entry) => ({
      eventId: entry.eventId,
      occurredAt: toTokyoIsoString(entry.occurredAt),
      actor: { id: entry.actorId, name: entry.actorName },
      action: entry.action,
      actionLabel: labels[entry.action] ?? PROCESS_ACTION_LABELS[entry.action] ?? entry.action,
      fromPhase: entry.fromState,
      toPhase: entry.toState,
      document: entry.reportKind,
      comment: readable(entry.reportKind) ? entry.comment : null,
      textsRestricted: !readable(entry.reportKind),
    })),
  };
}

/** What every process's trail may hold besides its own verbs. */
const PROCESS_ACTION_LABELS: Readonly<Record<string, string>> = { start: '開始', 'deadlines-moved': '期限の変更' };

/** A document on the 決裁 core with its saved versions; titles and comments only for those who may read its drafts. */
export function toApprovalDocumentView(document: ApprovalDocument, versions: readonly ProcessVersionRow[], readable: boolean): ApprovalDocumentView {
  return {
    label: document.label,
    status: document.status,
    statusLabel: APPROVAL_STATUS_LABELS[document.status],
    versions: versions.map((version) => ({
      version: version.version,
      title: readable ? version.title : null,
      empty: version.empty,
      savedBy: version.savedBy,
      savedAt: toTokyoIsoString(version.savedAt),
    })),
    submission: toSubmissionView(document.submission, readable),
    lastReturn: toReturnNoteView(document.lastReturn, readable),
    approvedAt: document.approvedAt ? toTokyoIsoString(document.approvedAt) : null,
  };
}
