import { StatusLabel } from './status-label';
import { TokyoDateTime } from './tokyo-date-time';

interface DueLineProps {
  /** Null: no deadline set, said as 未定. */
  readonly dueAt: string | null;
  readonly provisional: boolean;
  readonly overdue: boolean;
  /** Done things say 済み, and are no longer 暫定. */
  readonly done?: boolean;
  readonly className?: string;
}

/** 期限 with its day and hour, and its state in words, not colour: 済み, 暫定, 期限超過. */
export function DueLine({ dueAt, provisional, overdue, done = false, className = '' }: DueLineProps) {
  return (
    <p className={`flex flex-wrap items-center gap-2 ${className}`}>
      <span>
        期限：<TokyoDateTime instant={dueAt} />
      </span>
      {done && <StatusLabel tone="info">済み</StatusLabel>}
      {!done && provisional && <StatusLabel tone="caution">暫定</StatusLabel>}
      {overdue && <StatusLabel tone="alert">期限超過</StatusLabel>}
    </p>
  );
}
