import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import type { ProcessDeadline } from './platinum.queries';

/** A deadline's day and hour, with 暫定 and 期限超過 as words. */
export function DeadlineWithState({ deadline }: { deadline: ProcessDeadline | null }) {
  if (!deadline) return <span className="text-solid-gray-700">期限の設定なし</span>;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <TokyoDateTime instant={deadline.dueAt} />
      {deadline.provisional && <StatusLabel tone="caution">暫定</StatusLabel>}
      {deadline.overdue && <StatusLabel tone="alert">期限超過</StatusLabel>}
    </span>
  );
}

/** What 暫定 means, once, under a list that shows it. */
export function ProvisionalNote({ deadlines }: { deadlines: readonly (ProcessDeadline | null)[] }) {
  if (!deadlines.some((deadline) => deadline?.provisional)) return null;
  return <p className="mt-2 text-std-16N-170 text-solid-gray-700">暫定：会議の日程が上旬・中旬・下旬までしか決まっていないため、その初日を基準にした期限です。</p>;
}
