import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import type { ProcessDeadline } from './x-policies.queries';

/**
 * A deadline as the list and the page show it: the day and hour, 暫定 and 期限超過 in words, and on
 * the page the X会議 it is pegged to (the list, where every bureau has the year's one deadline, leaves that out).
 */
export function DeadlineText({ deadline, withMeeting = true }: { deadline: ProcessDeadline; withMeeting?: boolean }) {
  return (
    <span className="flex flex-col gap-1">
      <span className="whitespace-nowrap">
        <TokyoDateTime instant={deadline.dueAt} />
      </span>
      {withMeeting && deadline.meetingName && (
        <span className="text-solid-gray-700">
          {deadline.meetingName}（{deadline.meetingDateLabel}）に向けて
        </span>
      )}
      {(deadline.provisional || deadline.overdue) && (
        <span className="flex flex-wrap gap-1">
          {deadline.provisional && <StatusLabel tone="caution">暫定</StatusLabel>}
          {deadline.overdue && <StatusLabel tone="alert">期限超過</StatusLabel>}
        </span>
      )}
    </span>
  );
}

export const PROVISIONAL_NOTE = '暫定：基準の会議の日程が上旬・中旬・下旬までしか決まっていないため、その初日を基準にした期限です。';
