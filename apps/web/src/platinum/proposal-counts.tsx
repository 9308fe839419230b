import type { PlatinumProject } from './platinum.queries';

const CELL = 'border border-solid-gray-420 px-3 py-1 text-right tabular-nums';
const HEAD = 'border border-solid-gray-420 px-3 py-1 text-right';

type Count = PlatinumProject['countsByPhase'][number];

/** One row of counts, a column per phase or outcome, and the total. */
function CountRow({ label, counts, testId }: { label: string; counts: readonly Count[]; testId: string }) {
  const total = counts.reduce((sum, count) => sum + count.count, 0);
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${label}の件数（横にスクロールできます）`}>
      <table className="border-collapse text-std-16N-170" data-testid={testId}>
        <caption className="sr-only">{label}の提案の件数</caption>
        <thead>
          <tr className="bg-solid-gray-50">
            <th scope="col" className="border border-solid-gray-420 px-3 py-1 text-left">
              {label}
            </th>
            {counts.map((count) => (
              <th key={count.key ?? 'none'} scope="col" className={HEAD}>
                {count.label}
              </th>
            ))}
            <th scope="col" className={HEAD}>
              合計
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" className="border border-solid-gray-420 px-3 py-1 text-left font-normal">
              件数
            </th>
            {counts.map((count) => (
              <td key={count.key ?? 'none'} className={CELL}>
                {count.count}
              </td>
            ))}
            <td className={`${CELL} font-bold`}>{total}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The year's proposals counted by phase and by the owning bureau's approved decision (未決 until then). */
export function ProposalCounts({ project }: { project: PlatinumProject }) {
  return (
    <section aria-labelledby="counts-heading" className="mt-8">
      <h2 id="counts-heading" className="text-std-24B-150 text-solid-gray-900">
        提案の件数
      </h2>
      <div className="mt-2 flex flex-col gap-4">
        <CountRow label="段階別" counts={project.countsByPhase} testId="counts-by-phase" />
        <CountRow label="結論別" counts={project.countsByDecision} testId="counts-by-decision" />
      </div>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">結論は、制度所管局の結論が所管局長に承認されたときに確定します。それまでは未決です。</p>
    </section>
  );
}
