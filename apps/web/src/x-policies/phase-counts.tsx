import type { components } from '../api/schema';
import { CountsTable } from '../ui/counts-table';

type PhaseCount = components['schemas']['PhaseCountView'];

/** How many bureaus stand at each phase, 未開始 first: the year at a glance. */
export function PhaseCounts({ counts }: { counts: readonly PhaseCount[] }) {
  return (
    <section aria-labelledby="phase-counts-heading" className="mt-8">
      <h2 id="phase-counts-heading" className="text-std-20B-150 text-solid-gray-900">
        段階別の局・区の数
      </h2>
      <div className="mt-2">
        <CountsTable
          countedBy="段階別"
          caption="段階別の局・区の数"
          columns={counts.map((count) => ({ key: count.phase, label: count.label, count: count.count }))}
          testId="phase-counts"
        />
      </div>
    </section>
  );
}
