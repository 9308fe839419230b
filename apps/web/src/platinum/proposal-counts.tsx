import { CountsTable } from '../ui/counts-table';
import type { PlatinumProject } from './platinum.queries';

/** The year's proposals counted by phase and by the owning bureau's approved decision (未決 until then). */
export function ProposalCounts({ project }: { project: PlatinumProject }) {
  return (
    <section aria-labelledby="counts-heading" className="mt-8">
      <h2 id="counts-heading" className="text-std-24B-150 text-solid-gray-900">
        提案の件数
      </h2>
      <div className="mt-2 flex flex-col gap-4">
        <CountsTable countedBy="段階別" caption="段階別の提案の件数" columns={project.countsByPhase} testId="counts-by-phase" />
        <CountsTable countedBy="結論別" caption="結論別の提案の件数" columns={project.countsByDecision} testId="counts-by-decision" />
      </div>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">結論は、制度所管局の結論が所管局長に承認されたときに確定します。それまでは未決です。</p>
    </section>
  );
}
