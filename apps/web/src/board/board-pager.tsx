import { Link } from 'react-router';
import { BoardFilters, queryFromFilters } from './board-filters';

const PAGE_LINK = 'inline-flex min-h-10 items-center rounded-8 border border-blue-900 bg-white px-4 text-std-16B-170 text-blue-900 underline-offset-4 hover:bg-blue-200 hover:underline';

/** Links rather than buttons: each page has its own URL, which survives a reload and can be shared. */
export function BoardPager({ filters, total, pageSize, repeated = false }: { filters: BoardFilters; total: number; pageSize: number; repeated?: boolean }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (filters.page - 1) * pageSize + 1;
  const last = Math.min(total, filters.page * pageSize);
  const to = (page: number) => ({ search: queryFromFilters({ ...filters, page }).toString() });
  return (
    <nav aria-label={repeated ? 'ページ送り（表の下）' : 'ページ送り'} className="mt-4 flex flex-wrap items-center gap-4 text-std-16N-170">
      <p role={repeated ? undefined : 'status'} data-testid={repeated ? undefined : 'board-count'}>
        {total}件中 {first}〜{last}件目（{filters.page}/{pages}ページ）
      </p>
      {pages > 1 && (
        <div className="flex gap-2">
          {filters.page > 1 && (
            <Link to={to(filters.page - 1)} className={PAGE_LINK}>
              前の{pageSize}件
            </Link>
          )}
          {filters.page < pages && (
            <Link to={to(filters.page + 1)} className={PAGE_LINK}>
              次の{pageSize}件
            </Link>
          )}
        </div>
      )}
    </nav>
  );
}
