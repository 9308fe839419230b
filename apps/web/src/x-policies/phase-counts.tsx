import type { components } from '../api/schema';

type PhaseCount = components['schemas']['PhaseCountView'];

const CELL = 'border border-solid-gray-420 px-3 py-1 text-right tabular-nums';

/** How many bureaus stand at each phase, 未開始 first: the year at a glance. */
export function PhaseCounts({ counts }: { counts: readonly PhaseCount[] }) {
  const total = counts.reduce((sum, count) => sum + count.count, 0);
  return (
    <section aria-labelledby="phase-counts-heading" className="mt-8">
      <h2 id="phase-counts-heading" className="text-std-20B-150 text-solid-gray-900">
        段階別の局・区の数
      </h2>
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="段階別の局・区の数の表（横にスクロールできます）">
        <table className="border-collapse text-std-16N-170">
          <thead>
            <tr className="bg-solid-gray-50">
              {counts.map((count) => (
                <th key={count.phase ?? 'not-started'} scope="col" className="border border-solid-gray-420 px-3 py-1 text-right">
                  {count.label}
                </th>
              ))}
              <th scope="col" className="border border-solid-gray-420 px-3 py-1 text-right">
                合計
              </th>
            </tr>
          </thead>
          <tbody>
            <tr data-testid="phase-counts">
              {counts.map((count) => (
                <td key={count.phase ?? 'not-started'} className={CELL}>
                  {count.count}
                </td>
              ))}
              <td className={`${CELL} font-bold`}>{total}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
