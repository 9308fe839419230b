import { CLUSTER_STAGES, ClusterGroup, ClusterKind, ClusterStage, STAGE_LABELS } from '@app/domain';
import { Link, useOutletContext } from 'react-router';
import type { Profile } from '../session/profile';
import { BoardFilters, FilterUpdate, hasFilters, queryFromFilters, withFilter } from './board-filters';
import { useBureaus } from '../bureaus/bureaus.queries';
import { useCatalogueStructure } from './board.queries';

const FIELD = 'block min-h-12 w-full rounded-8 border border-solid-gray-600 bg-white px-3 text-std-16N-170 text-solid-gray-900';
const LABEL = 'text-std-16B-170 text-solid-gray-900';

/** Every change applies at once and goes into the URL, so the board can be bookmarked and reloaded as it is. */
export function BoardFilterForm({ fiscalYear, filters, onChange }: { fiscalYear: number; filters: BoardFilters; onChange: (update: FilterUpdate) => void }) {
  const profile = useOutletContext<Profile>();
  const structure = useCatalogueStructure(fiscalYear);
  const bureaus = useBureaus();
  const set = (change: Partial<Omit<BoardFilters, 'page'>>) => onChange((current) => withFilter(current, change));
  const kinds = structure.data?.kinds ?? [];

  return (
    <form role="search" aria-label="進捗ボードの絞り込み" className="mt-6 rounded-8 border border-solid-gray-420 p-4" onSubmit={(event) => event.preventDefault()}>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="filter-bureau" className={LABEL}>所管局</label>
          <select id="filter-bureau" className={FIELD} value={filters.bureau ?? ''} onChange={(event) => set({ bureau: event.target.value || undefined })}>
            <option value="">すべて</option>
            {bureaus.data?.items.map((bureau) => (
              <option key={bureau.code} value={bureau.code}>{bureau.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-group" className={LABEL}>グループ</label>
          <select
            id="filter-group"
            className={FIELD}
            value={filters.group ?? ''}
            onChange={(event) => {
              const group = (event.target.value || undefined) as ClusterGroup | undefined;
              // A kind belongs to one group: keep it only while its group is chosen.
              onChange((current) => withFilter(current, { group, kind: group === ClusterGroup.PolicyProgramme ? current.kind : undefined }));
            }}
          >
            <option value="">すべて</option>
            {structure.data?.groups.map((group) => (
              <option key={group.code} value={group.code}>{group.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-kind" className={LABEL}>種別（施策・事業グループ）</label>
          <select
            id="filter-kind"
            className={FIELD}
            value={filters.kind ?? ''}
            onChange={(event) => {
              const kind = (event.target.value || undefined) as ClusterKind | undefined;
              onChange((current) => withFilter(current, { kind, group: kind ? ClusterGroup.PolicyProgramme : current.group }));
            }}
          >
            <option value="">すべて</option>
            {kinds.map((kind) => (
              <option key={kind.code} value={kind.code}>{kind.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-stage" className={LABEL}>段階</label>
          <select id="filter-stage" className={FIELD} value={filters.stage ?? ''} onChange={(event) => set({ stage: (event.target.value || undefined) as ClusterStage | undefined })}>
            <option value="">すべて</option>
            {CLUSTER_STAGES.map((stage) => (
              <option key={stage} value={stage}>{STAGE_LABELS[stage]}</option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-x-8 gap-y-2">
        <label className="inline-flex min-h-10 items-center gap-2 text-std-16N-170">
          <input type="checkbox" className="size-6" checked={filters.analysed === true} onChange={(event) => set({ analysed: event.target.checked || undefined })} />
          今年度分析対象のみ
        </label>
        <label className="inline-flex min-h-10 items-center gap-2 text-std-16N-170">
          <input type="checkbox" className="size-6" checked={filters.overdue === true} onChange={(event) => set({ overdue: event.target.checked || undefined })} />
          期限超過のみ
        </label>
        {profile.bureau && filters.bureau !== profile.bureau.code && (
          <Link to={{ search: queryFromFilters(withFilter(filters, { bureau: profile.bureau.code })).toString() }} className="text-std-16N-170 text-blue-1000 underline underline-offset-4">
            自局（{profile.bureau.name}）の事業群だけを表示
          </Link>
        )}
        {hasFilters(filters) && (
          <Link to={{ search: queryFromFilters({ page: 1 }).toString() }} className="text-std-16N-170 text-blue-1000 underline underline-offset-4">
            絞り込みを解除
          </Link>
        )}
      </div>
    </form>
  );
}
