import { deadlineTargetLabel } from '@app/domain';
import { useRef, useState } from 'react';
import type { components } from '../api/schema';
import { SECONDARY_BUTTON } from '../ui/button-styles';
import { DueLine } from '../ui/due-line';
import { ErrorNotice } from '../ui/error-notice';
import { ShowAllButton, useFirstFew } from '../ui/first-few';
import { StatusLabel } from '../ui/status-label';
import { MeetingEditor } from './meeting-editor';
import { type MeetingView, useMeetingDue } from './meetings.queries';

type DeadlineRule = components['schemas']['DeadlineRuleDto'];
type DueItem = components['schemas']['MeetingDueItemView'];

/** One X meeting: its date, agenda and what falls due for it; the reform office may change it here. */
export function MeetingCard({
  fiscalYear,
  meeting,
  deadlines,
  watching,
  reportKinds,
  canEdit,
  onSaved,
}: {
  fiscalYear: number;
  meeting: MeetingView;
  deadlines: readonly DeadlineRule[];
  watching: boolean;
  reportKinds: readonly { slug: string; label: string }[];
  canEdit: boolean;
  onSaved: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const headingId = `meeting-${meeting.id}`;
  const rules = deadlines.filter((rule) => rule.meetingId === meeting.id);
  const due = useMeetingDue(fiscalYear, meeting.id, watching);
  const open = due.data?.filter((item) => !item.done) ?? [];
  const done = due.data?.filter((item) => item.done) ?? [];
  const labelOf = (target: string) => deadlineTargetLabel(target, reportKinds);
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => opener.current?.focus());
  };

  return (
    <li className="rounded-8 border border-solid-gray-420 p-4" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id={headingId} className="text-std-20B-150 text-solid-gray-900">
            {meeting.name}
          </h2>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-std-16N-170" data-testid="meeting-date">
            <span>{meeting.dateLabel}</span>
            {meeting.provisional && <StatusLabel tone="caution">暫定</StatusLabel>}
          </p>
        </div>
        {canEdit && !editing && (
          <button
            ref={opener}
            type="button"
            className={SECONDARY_BUTTON}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }} aria-label={`${meeting.name}の日程・議題を変更`}>
            日程・議題を変更
          </button>
        )}
      </div>

      {editing && (
        <MeetingEditor
          fiscalYear={fiscalYear}
          meeting={meeting}
          reportKinds={reportKinds}
          onClose={close}
          onSaved={() => {
            close();
            setSaved(true);
            onSaved();
          }}
        />
      )}
      {saved && (
        <p role="status" className="mt-2 text-std-16N-170">
          <StatusLabel tone="info">保存しました</StatusLabel> この会議を基準にした期限と督促は自動で計画し直され、下の一覧に反映されます。
        </p>
      )}

      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <section aria-label={`${meeting.name}の議題`}>
          <h3 className="text-std-16B-170 text-solid-gray-900">議題</h3>
          {meeting.agenda.length === 0 ? (
            <p className="text-std-16N-170 text-solid-gray-700">議題はまだ登録されていません。</p>
          ) : (
            <ul className="mt-1 list-disc pl-6 text-std-16N-170">
              {meeting.agenda.map((item) => (
                <li key={`${item.clusterNo}-${item.reportKind}`}>
                  No.{item.clusterNo} {item.clusterName}：{item.reportLabel}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label={`${meeting.name}に向けた期限`}>
          <h3 className="text-std-16B-170 text-solid-gray-900">この会議に向けた期限</h3>
          {rules.length === 0 ? (
            <p className="text-std-16N-170 text-solid-gray-700">この会議を基準にした期限はありません。</p>
          ) : (
            <ul className="mt-1 list-disc pl-6 text-std-16N-170">
              {rules.map((rule) => (
                <li key={rule.target}>
                  {labelOf(rule.target)}：{rule.leadBusinessDays === 0 ? '会議の当日まで' : `会議の${rule.leadBusinessDays}営業日前まで`}
                </li>
              ))}
            </ul>
          )}
          {due.isError && <ErrorNotice error={due.error} onRetry={() => void due.refetch()} />}
          {due.data && rules.length > 0 && (
            <>
              <h3 className="mt-3 text-std-16B-170 text-solid-gray-900">未了（{open.length}件）</h3>
              {open.length === 0 ? (
                <p className="text-std-16N-170 text-solid-gray-700">未了のものはありません。</p>
              ) : (
                <DueList label={`${meeting.name}に向けた未了の期限`} items={open} />
              )}
              {done.length > 0 && (
                <details className="mt-3 text-std-16N-170">
                  <summary className="cursor-pointer text-std-16B-170">済み（{done.length}件）</summary>
                  <DueList label={`${meeting.name}に向けた済んだ期限`} items={done} />
                </details>
              )}
            </>
          )}
        </section>
      </div>
    </li>
  );
}

const DUE_ITEMS_SHOWN = 20;

/** Deadlines pegged to a meeting, one line per cluster and report: due date, 暫定, 期限超過 or 済み in words. */
function DueList({ label, items }: { label: string; items: readonly DueItem[] }) {
  // A meeting of a large year has hundreds due: the soonest first, the rest when asked for.
  const first = useFirstFew(items, DUE_ITEMS_SHOWN);
  return (
    <>
      <ul className="mt-1 flex flex-col gap-2 text-std-16N-170" aria-label={label}>
        {first.shown.map((item) => (
          <li key={`${item.clusterNo}-${item.target}`} className="border-l-4 border-solid-gray-420 pl-3">
            <p>
              No.{item.clusterNo} {item.clusterName}：{item.label}
              {item.bureauName ? `（${item.bureauName}）` : ''}
            </p>
            <DueLine dueAt={item.dueAt} provisional={item.provisional} overdue={item.overdue} done={item.done} />
          </li>
        ))}
      </ul>
      <ShowAllButton hidden={first.hidden} onShow={first.showAll}>
        残りの{first.hidden}件も表示
      </ShowAllButton>
    </>
  );
}
