import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../routes/paths';
import { TEXT_LINK } from '../ui/link-styles';

export interface Crumb {
  readonly label: ReactNode;
  readonly to: string;
}

/** Where a page sits: ホーム, the pages above it, and the page itself, which is not a link. */
export function Breadcrumbs({ above, current }: { above: readonly Crumb[]; current: ReactNode }) {
  return (
    <nav aria-label="パンくずリスト" className="text-std-16N-170">
      <ol className="flex flex-wrap gap-2">
        {[{ label: 'ホーム', to: paths.home() }, ...above].map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to} className={TEXT_LINK}>
              {crumb.label}
            </Link>
            <span aria-hidden="true"> ›</span>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
