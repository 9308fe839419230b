import { fiscalYearLabel } from '@app/domain';
import { useEffect, useRef, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { ShowAllButton, useFirstFew } from '../ui/first-few';
import { ErrorNotice } from '../ui/error-notice';
import { ModalDialog, useModalDialog } from '../ui/modal-dialog';
import { KickoffMeetingForm } from './kickoff-meeting-form';
import { type BulkKickoffAnswer, type KickoffMeeting, useBulkKickoff, useFlaggedNotStarted } from './kickoff.queries';

/** Skipped clusters shown before 「残り…件も表示」: a year of thousands may skip hundreds. */
const SKIPPED_SHOWN = 20;

/**
 * 一括着手, for the reform office: every cluster flagged for the year's analysis and not yet started,
 * with one kickoff meeting record. A year of thousands takes minutes, so while it runs the section
 * counts the clusters started so far, and then says what became of each: started, already running,
 * or not started and why.
 */
export function BulkKickoffSection({ fiscalYear }: { fiscalYear: number }) {
  const [outcome, setOutcome] = useState<BulkKickoffAnswer | null>(null);
  const [waitingAtStart, setWaitingAtStart] = useState<number | null>(null);
  const kickoff = useBulkKickoff(fiscalYear, setOutcome);
  const waiting = useFlaggedNotStarted(fiscalYear, kickoff.pending);
  const dialog = useModalDialog();
  // A new attempt starts clean, without the last one's refusal.
  const openDialog = () => {
    kickoff.reset();
    dialog.open();
  };
  // The dialog closes as the run begins: its progress and its outcome are shown here, where the board is.
  const begin = (meeting: KickoffMeeting) => {
    setOutcome(null);
    setWaitingAtStart(waiting.data ?? null);
    kickoff.run(meeting);
    dialog.close();
  };
  // Shown once there is something to offer: once the year's flagged clusters are all under way, there is
  // nothing to offer the rest of the year long.
  if (waiting.isPending || (waiting.data === 0 && !kickoff.pending && !outcome && !kickoff.problem)) return null;
  return (
    <section aria-labelledby="bulk-kickoff-heading" className="mt-8 rounded-8 border-2 border-blue-900 p-4">
      <h2 id="bulk-kickoff-heading" className="text-std-20B-150 text-solid-gray-900">
        一括着手
      </h2>
      {waiting.isError && <ErrorNotice error={waiting.error} onRetry={() => void waiting.refetch()} />}
      {waiting.data !== undefined && !kickoff.pending && (
        <p className="mt-2 text-std-16N-170">
          {waiting.data > 0 ? `経営分析の対象で未着手の事業群：${waiting.data.toLocaleString('ja-JP')}件` : '経営分析の対象で未着手の事業群は、もうありません。'}
          {outcome && waiting.data > 0 && waiting.data <= outcome.skipped.length && '（下の理由で着手しなかった事業群です。所管局を設定してから、もう一度一括着手してください）'}
        </p>
      )}
      {!kickoff.pending && waiting.data !== undefined && waiting.data > 0 && (
        <button type="button" className={`mt-2 ${PRIMARY_BUTTON}`} onClick={openDialog}>
          一括着手
        </button>
      )}
      {kickoff.pending && <Progress total={waitingAtStart} waiting={waiting.data} />}
      {outcome && <Outcome outcome={outcome} />}
      {!kickoff.pending && <ActionProblem problem={kickoff.problem} onRetry={kickoff.retry} />}
      <ModalDialog control={dialog} title={`${fiscalYearLabel(fiscalYear)}の対象事業群に一括着手`}>
        <KickoffMeetingForm
          action={{ ...kickoff, run: begin }}
          fiscalYear={fiscalYear}
          intro={
            <p>
              経営分析の対象で未着手の{(waiting.data ?? 0).toLocaleString('ja-JP')}件に、同じ着手会議の記録で着手します。所管局が設定されていない事業群には着手せず、終わった後に理由とともに示します。
            </p>
          }
          submitLabel="一括着手"
        />
      </ModalDialog>
    </section>
  );
}

/** Focus follows the run, from the dialog to its progress and then to its outcome, so a keyboard user is not left on nothing. */
function useFocusOnShow() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function Progress({ total, waiting }: { total: number | null; waiting: number | undefined }) {
  const started = total !== null && waiting !== undefined ? Math.max(0, total - waiting) : 0;
  const focused = useFocusOnShow();
  return (
    <div ref={focused} tabIndex={-1} className="mt-2" role="status">
      <p className="text-std-16N-170">
        一括着手しています：{started.toLocaleString('ja-JP')} / {(total ?? 0).toLocaleString('ja-JP')}件に着手しました。このページを離れても続きます。
      </p>
      <progress className="mt-2 h-4 w-full accent-blue-900" max={Math.max(total ?? 0, 1)} value={started} aria-label="一括着手の進み具合" />
    </div>
  );
}

function Outcome({ outcome }: { outcome: BulkKickoffAnswer }) {
  const skipped = useFirstFew(outcome.skipped, SKIPPED_SHOWN);
  const focused = useFocusOnShow();
  return (
    <div ref={focused} tabIndex={-1} className="mt-2" role="status">
      <p className="text-std-16B-170">
        一括着手が終わりました：着手 {outcome.started.toLocaleString('ja-JP')}件、既に着手済み {outcome.alreadyRunning.toLocaleString('ja-JP')}件、着手しなかった事業群{' '}
        {outcome.skipped.length.toLocaleString('ja-JP')}件（対象 {outcome.flagged.toLocaleString('ja-JP')}件）。
      </p>
      {outcome.skipped.length > 0 && (
        <>
          <ul className="mt-2 list-disc pl-6 text-std-16N-170" aria-label="着手しなかった事業群と理由">
            {skipped.shown.map((cluster) => (
              <li key={cluster.no}>
                No.{cluster.no} {cluster.name}：{cluster.reason}
              </li>
            ))}
          </ul>
          <ShowAllButton hidden={skipped.hidden} onShow={skipped.showAll}>
            残り{skipped.hidden.toLocaleString('ja-JP')}件も表示
          </ShowAllButton>
        </>
      )}
    </div>
  );
}
