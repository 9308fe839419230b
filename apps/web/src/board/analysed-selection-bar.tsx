import { useRef, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { type AnalysedChange, useSetAnalysed } from './board.queries';
import type { ClusterSelection } from './cluster-selection';

/**
 * 分析対象の一括設定, for the reform office: once it starts choosing, the clusters ticked in the list, on
 * this page or others, made this year's analyses (or taken out of them) in one change. While choosing it
 * stays in view as the list scrolls; otherwise the board is as everyone sees it, with one button more.
 */
export function AnalysedSelectionBar({ fiscalYear, selection, shown }: { fiscalYear: number; selection: ClusterSelection; shown: readonly number[] }) {
  const [outcome, setOutcome] = useState<AnalysedChange | null>(null);
  // The buttons change as choosing starts, ends or empties: the focus moves to the bar rather than to nothing.
  const bar = useRef<HTMLDivElement>(null);
  const then = (step: () => void) => () => {
    step();
    bar.current?.focus();
  };
  const change = useSetAnalysed(fiscalYear, (answer) => {
    setOutcome(answer);
    then(selection.clear)();
  });
  const count = selection.selected.size;
  const elsewhere = count - shown.filter((no) => selection.selected.has(no)).length;
  const set = (analysedThisYear: boolean) => {
    setOutcome(null);
    change.run({ nos: [...selection.selected].sort((a, b) => a - b), analysedThisYear });
  };
  const finish = (
    <button type="button" className={SECONDARY_BUTTON} disabled={change.pending} onClick={then(selection.finish)}>
      選択を終える
    </button>
  );
  return (
    <div
      ref={bar}
      tabIndex={-1}
      role="region"
      aria-label="選択した事業群の分析対象の設定"
      className={`mt-4 rounded-8 border border-solid-gray-420 bg-white p-4 ${selection.choosing ? 'sticky top-0 z-10 shadow-1' : ''}`}
    >
      {!selection.choosing && (
        <div className="flex flex-wrap items-center gap-4">
          <p className="text-std-16N-170 text-solid-gray-700">今年度の経営分析の対象は、一覧から事業群を選んでまとめて設定できます。</p>
          <button type="button" className={SECONDARY_BUTTON} onClick={then(selection.start)}>
            分析対象を選ぶ
          </button>
        </div>
      )}
      {selection.choosing && count === 0 && (
        <div className="flex flex-wrap items-center gap-4">
          <p className="text-std-16N-170 text-solid-gray-700">一覧のチェックボックスで事業群を選んでください（見出しのチェックボックスで、その下の全件を選べます）。</p>
          {finish}
        </div>
      )}
      {selection.choosing && count > 0 && (
        <div className="flex flex-wrap items-center gap-4">
          <p className="text-std-16B-170 text-solid-gray-900">
            選択中：{count.toLocaleString('ja-JP')}件{elsewhere > 0 && `（うち${elsewhere.toLocaleString('ja-JP')}件はこのページ以外）`}
          </p>
          <button type="button" className={PRIMARY_BUTTON} disabled={change.pending} onClick={() => set(true)}>
            分析対象にする
          </button>
          <button type="button" className={SECONDARY_BUTTON} disabled={change.pending} onClick={() => set(false)}>
            分析対象から外す
          </button>
          <button type="button" className={SECONDARY_BUTTON} disabled={change.pending} onClick={then(selection.clear)}>
            選択を解除
          </button>
          {finish}
        </div>
      )}
      <p role="status" className="text-std-16N-170 empty:hidden">
        {change.pending ? '設定しています…' : outcome ? outcomeText(outcome) : ''}
      </p>
      {!change.pending && <ActionProblem problem={change.problem} onRetry={change.retry} />}
    </div>
  );
}

function outcomeText({ analysedThisYear, changed, unchanged }: AnalysedChange): string {
  const count = (n: number) => `${n.toLocaleString('ja-JP')}件`;
  return analysedThisYear
    ? `${count(changed)}を今年度の経営分析の対象にしました。${unchanged > 0 ? `${count(unchanged)}は既に対象でした。` : ''}`
    : `${count(changed)}を今年度の経営分析の対象から外しました。${unchanged > 0 ? `${count(unchanged)}は既に対象外でした。` : ''}`;
}
