import { CLUSTER_STAGES, STAGE_LABELS } from '@app/domain';
import { ErrorNotice } from '../ui/error-notice';
import { Loading } from '../ui/loading';
import { categoryName } from './category-name';
import { useProgress } from './board.queries';

const CELL = 'border border-solid-gray-420 px-2 py-1 text-right tabular-nums';

/** Clusters per group × stage for the whole year, whatever the filters below show. */
export function StageTotals({ fiscalYear }: { fiscalYear: number }) {
  const progress = useProgress(fiscalYear);
  return (
    <section aria-labelledby="totals-heading" className="mt-8">
      <h2 id="totals-heading" className="text-std-20B-150 text-solid-gray-900">
        グループ別・段階別の件数（年度全体）
      </h2>
      {progress.isPending && <Loading label="件数を読み込んでいます" />}
      {progress.isError && <ErrorNotice error={progress.error} onRetry={() => void progress.refetch()} />}
      {progress.data && (
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="グループ別・段階別の件数の表（横にスクロールできます）">
          <table className="w-full border-collapse text-std-16N-170">
            <thead>
              <tr className="bg-solid-gray-50">
                <th scope="col" className="border border-solid-gray-420 px-2 py-1 text-left">グループ</th>
                {CLUSTER_STAGES.map((stage) => (
                  <th key={stage} scope="col" className="border border-solid-gray-420 px-2 py-1 text-right">{STAGE_LABELS[stage]}</th>
                ))}
                <th scope="col" className="border border-solid-gray-420 px-2 py-1 text-right">合計</th>
              </tr>
            </thead>
            <tbody>
              {progress.data.byCategory.map((category) => (
                <tr key={`${category.groupCode}/${category.kindCode ?? ''}`}>
                  <th scope="row" className="border border-solid-gray-420 px-2 py-1 text-left font-normal">{categoryName(category.groupName, category.kindName)}</th>
                  {CLUSTER_STAGES.map((stage) => (
                    <td key={stage} className={CELL}>{countAt(category.byStage, stage)}</td>
                  ))}
                  <td className={`${CELL} font-bold`}>{category.total}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="bg-solid-gray-50 font-bold">
                <th scope="row" className="border border-solid-gray-420 px-2 py-1 text-left">全体</th>
                {CLUSTER_STAGES.map((stage) => (
                  <td key={stage} className={CELL}>{countAt(progress.data.overall.byStage, stage)}</td>
                ))}
                <td className={CELL} data-testid="total-clusters">{progress.data.overall.total}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

/** The OpenAPI document types the per-stage counts only as an object; each stage is a key with a count. */
const countAt = (byStage: object, stage: string): number => (byStage as Record<string, number>)[stage] ?? 0;
