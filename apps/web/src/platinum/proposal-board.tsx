import { DECISION_OUTCOME_LABELS, DECISION_OUTCOMES, PROPOSAL_PHASE_LABELS, PROPOSAL_PHASES, type DecisionOutcome, type ProposalPhase } from '@app/domain';
import { Link, useSearchParams } from 'react-router';
import { useBureaus } from '../bureaus/bureaus.queries';
import { paths } from '../routes/paths';
import { ErrorNotice } from '../ui/error-notice';
import { TEXT_LINK } from '../ui/link-styles';
import { Loading } from '../ui/loading';
import { PROPOSAL_LIST_SIZE, type ProposalSummary, useProposals } from './platinum.queries';
import { proposalFiltersFromQuery, queryFromProposalFilters, type ProposalFilters } from './proposal-filters';
import { proposalStateText } from './proposal-state';

const FIELD = 'block min-h-12 w-full rounded-8 border border-solid-gray-600 bg-white px-3 text-std-16N-170 text-solid-gray-900';
const HEAD = 'border-b-2 border-solid-gray-600 px-2 py-2 text-left align-bottom text-std-16B-170';
const CELL = 'border-b border-solid-gray-420 px-2 py-2 align-top';

/** 提案の一覧: the year's proposals by phase, filtered in the URL so a link shows the same list. */
export function ProposalBoard({ fiscalYear }: { fiscalYear: number }) {
  const [query, setQuery] = useSearchParams();
  const filters = proposalFiltersFromQuery(query);
  const proposals = useProposals(fiscalYear, filters);
  const change = (next: Partial<ProposalFilters>) => setQuery(queryFromProposalFilters({ ...filters, ...next }), { replace: true });
  return (
    <section aria-labelledby="proposals-heading" className="mt-8">
      <h2 id="proposals-heading" className="text-std-24B-150 text-solid-gray-900">
        提案の一覧（段階別）
      </h2>
      <ProposalFilterForm filters={filters} onChange={change} />
      {proposals.isPending && <Loading label="提案を読み込んでいます" />}
      {proposals.isError && <ErrorNotice error={proposals.error} onRetry={() => void proposals.refetch()} />}
      {proposals.data && (
        <div aria-busy={proposals.isPlaceholderData}>
          <p className="mt-3 text-std-16N-170" role="status">
            {proposals.data.total}件{proposals.data.total > proposals.data.items.length ? `（先頭の${PROPOSAL_LIST_SIZE}件を表示しています。段階や結論で絞り込んでください）` : ''}
          </p>
          {proposals.data.items.length === 0 ? (
            <p className="mt-2 text-std-16N-170">{hasFilters(filters) ? '条件に合う提案はありません。' : 'まだ提案はありません。'}</p>
          ) : (
            <ProposalTable fiscalYear={fiscalYear} proposals={proposals.data.items} />
          )}
        </div>
      )}
    </section>
  );
}

const hasFilters = (filters: ProposalFilters) => queryFromProposalFilters(filters).size > 0;

function ProposalFilterForm({ filters, onChange }: { filters: ProposalFilters; onChange: (next: Partial<ProposalFilters>) => void }) {
  const bureaus = useBureaus();
  return (
    <form role="search" aria-label="提案の絞り込み" className="mt-4 rounded-8 border border-solid-gray-420 p-4" onSubmit={(event) => event.preventDefault()}>
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="proposal-filter-phase" className="text-std-16B-170">段階</label>
          <select id="proposal-filter-phase" className={FIELD} value={filters.phase ?? ''} onChange={(event) => onChange({ phase: (event.target.value || undefined) as ProposalPhase | undefined })}>
            <option value="">すべて</option>
            {PROPOSAL_PHASES.map((phase) => (
              <option key={phase} value={phase}>{PROPOSAL_PHASE_LABELS[phase]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="proposal-filter-decision" className="text-std-16B-170">結論</label>
          <select id="proposal-filter-decision" className={FIELD} value={filters.decision ?? ''} onChange={(event) => onChange({ decision: (event.target.value || undefined) as DecisionOutcome | undefined })}>
            <option value="">すべて</option>
            {DECISION_OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>{DECISION_OUTCOME_LABELS[outcome]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="proposal-filter-bureau" className="text-std-16B-170">制度所管局</label>
          <select id="proposal-filter-bureau" className={FIELD} value={filters.bureau ?? ''} onChange={(event) => onChange({ bureau: event.target.value || undefined })}>
            <option value="">すべて</option>
            {bureaus.data?.items.map((bureau) => (
              <option key={bureau.code} value={bureau.code}>{bureau.name}</option>
            ))}
          </select>
        </div>
      </div>
      {hasFilters(filters) && (
        <button type="button" className="mt-3 text-std-16N-170 text-blue-1000 underline underline-offset-4" onClick={() => onChange({ phase: undefined, decision: undefined, bureau: undefined })}>
          絞り込みを解除
        </button>
      )}
    </form>
  );
}

/** One table, a group of rows per phase in the order proposals move through them. */
function ProposalTable({ fiscalYear, proposals }: { fiscalYear: number; proposals: readonly ProposalSummary[] }) {
  const groups = PROPOSAL_PHASES.map((phase) => ({ phase, rows: proposals.filter((proposal) => proposal.phase === phase) })).filter((group) => group.rows.length > 0);
  return (
    <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="提案の表（横にスクロールできます）">
      <table className="w-full min-w-[60rem] table-fixed border-collapse text-std-16N-170" aria-label="提案の一覧">
        <colgroup>
          <col className="w-20" />
          <col />
          <col className="w-72" />
          <col className="w-40" />
          <col className="w-28" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={HEAD}>No.</th>
            <th scope="col" className={HEAD}>件名</th>
            <th scope="col" className={HEAD}>いまの状況</th>
            <th scope="col" className={HEAD}>制度所管局</th>
            <th scope="col" className={HEAD}>結論</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.phase} data-testid="proposal-group" data-phase={group.phase}>
            <tr>
              <th scope="colgroup" colSpan={5} className="bg-solid-gray-50 px-2 py-2 text-left text-std-18B-160 text-solid-gray-900">
                {PROPOSAL_PHASE_LABELS[group.phase]}
                <span className="ml-2 text-std-16N-170 text-solid-gray-700">{group.rows.length}件</span>
              </th>
            </tr>
            {group.rows.map((proposal) => (
              <tr key={proposal.id} data-testid="proposal-row" data-proposal-id={proposal.id}>
                <td className={`${CELL} tabular-nums`}>{proposal.id}</td>
                <td className={CELL}>
                  <Link to={paths.proposal(fiscalYear, proposal.id)} className={TEXT_LINK}>
                    {proposal.title ?? <>提案 No.{proposal.id}<span className="text-solid-gray-700">（件名はPTリーダーの承認後に表示）</span></>}
                  </Link>
                </td>
                <td className={CELL}>{proposalStateText(proposal)}</td>
                <td className={CELL}>{proposal.owningBureau?.name ?? <span className="text-solid-gray-700">未割当て</span>}</td>
                <td className={CELL}>{proposal.decisionOutcomeLabel ?? <span className="text-solid-gray-700">未決</span>}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
