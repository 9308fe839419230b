import { fiscalYearLabel, Role } from '@app/domain';
import { useEffect } from 'react';
import { useOutletContext, useParams, useSearchParams } from 'react-router';
import { BulkKickoffSection } from '../kickoff/bulk-kickoff-section';
import { hasRole } from '../session/permission';
import type { Profile } from '../session/profile';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { BOARD_PAGE_SIZE, filtersFromQuery, FilterUpdate, queryFromFilters } from './board-filters';
import { BoardFilterForm } from './board-filter-form';
import { BoardPager } from './board-pager';
import { BoardTable } from './board-table';
import { AnalysedSelectionBar } from './analysed-selection-bar';
import { useClusterSelection } from './cluster-selection';
import { useBoardRows } from './board.queries';
import { NextMeetingPanel } from './next-meeting-panel';
import { StageTotals } from './stage-totals';

/** 進捗ボード: every cluster of the year with where its analysis stands, for anyone logged in. */
export function BoardPage() {
  const fiscalYear = Number(useParams().fy);
  if (!Number.isInteger(fiscalYear)) return <p className="text-std-16N-170">年度の指定が正しくありません。アドレスをご確認ください。</p>;
  // Keyed by the year: nothing of one year's board (what was ticked, a bulk kickoff's outcome, the panel's pages) is carried into another.
  return <Board key={fiscalYear} fiscalYear={fiscalYear} />;
}

function Board({ fiscalYear }: { fiscalYear: number }) {
  const [query, setQuery] = useSearchParams();
  const filters = filtersFromQuery(query);
  const rows = useBoardRows(fiscalYear, filters);
  const profile = useOutletContext<Profile>();
  const office = hasRole(profile, Role.ReformOffice);
  const selection = useClusterSelection();
  const title = `進捗ボード（${fiscalYearLabel(fiscalYear)}）`;
  useEffect(() => {
    document.title = `${title}｜市政変革 ワークフロー`;
  }, [title]);
  // Built on the address as it is now, not on the filters last drawn: a second change can come before React draws the first.
  const change = (update: FilterUpdate) => setQuery(queryFromFilters(update(filtersFromQuery(new URLSearchParams(window.location.search)))));

  return (
    <>
      <h1 className="text-std-32B-150 text-solid-gray-900">{title}</h1>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">
        {fiscalYearLabel(fiscalYear)}（{fiscalYear}年度）の全事業群の段階、報告書の状況と次の期限です。事業群名から詳細を開けます。
      </p>
      {office && <BulkKickoffSection fiscalYear={fiscalYear} />}
      <NextMeetingPanel fiscalYear={fiscalYear} />
      <StageTotals fiscalYear={fiscalYear} />
      <section aria-labelledby="rows-heading" className="mt-8">
        <h2 id="rows-heading" className="text-std-24B-150 text-solid-gray-900">
          事業群の一覧
        </h2>
        <BoardFilterForm fiscalYear={fiscalYear} filters={filters} onChange={change} />
        {rows.isPending && <Loading label="事業群を読み込んでいます" />}
        {rows.isError && <ErrorNotice error={rows.error} onRetry={() => void rows.refetch()} />}
        {rows.data && (
          <div aria-busy={rows.isPlaceholderData}>
            {office && <AnalysedSelectionBar fiscalYear={fiscalYear} selection={selection} shown={rows.data.items.map((row) => row.no)} />}
            <BoardPager filters={filters} total={rows.data.total} pageSize={BOARD_PAGE_SIZE} />
            {rows.data.items.length === 0 ? (
              <p className="mt-4 text-std-16N-170">条件に合う事業群はありません。</p>
            ) : (
              <BoardTable fiscalYear={fiscalYear} rows={rows.data.items} selection={office && selection.choosing ? selection : undefined} />
            )}
            {rows.data.total > BOARD_PAGE_SIZE && <BoardPager filters={filters} total={rows.data.total} pageSize={BOARD_PAGE_SIZE} repeated />}
          </div>
        )}
      </section>
    </>
  );
}
