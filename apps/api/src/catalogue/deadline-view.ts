import { DeadlineProgress, toTokyoIsoString } from '@app/domain';
import { DeadlineView } from './cluster.dto';

/** A deadline as the API shows it, times in Asia/Tokyo: the same on the board, the cluster page and a meeting's list. */
export function toDeadlineView(deadline: DeadlineProgress): DeadlineView {
  return {
    target: deadline.target,
    label: deadline.label,
    meetingId: deadline.meetingId,
    meetingName: deadline.meetingName,
    meetingDateLabel: deadline.meetingDateLabel,
    dueDate: deadline.dueDate,
    dueAt: toTokyoIsoString(deadline.dueAt),
    provisional: deadline.provisional,
    done: deadline.done,
    overdue: deadline.overdue,
  };
}
