import { CLUSTER_STAGE_PATH as PATH, ClusterStage, STAGE_LABELS } from '@app/domain';

/** Where the analysis stands on its yearly path: done, current and still ahead, each said in words. */
export function StageStepper({ stage }: { stage: ClusterStage }) {
  if (stage === ClusterStage.Withdrawn) {
    return <p className="mt-4 rounded-8 border-2 border-solid-gray-536 p-4 text-std-16B-170">段階：{STAGE_LABELS[stage]}（今年度の経営分析は取り下げられました）</p>;
  }
  const current = PATH.indexOf(stage);
  return (
    <nav aria-label="経営分析の段階" className="mt-4">
      <ol className="flex flex-wrap gap-2">
        {PATH.map((step, index) => {
          const state = index < current ? '済' : index === current ? '現在' : '未';
          const looks =
            index === current ? 'border-blue-900 bg-blue-900 text-white' : index < current ? 'border-blue-900 bg-blue-50 text-blue-1000' : 'border-solid-gray-420 bg-white text-solid-gray-700';
          return (
            <li
              key={step}
              aria-current={index === current ? 'step' : undefined}
              className={`flex items-center gap-2 rounded-8 border-2 px-3 py-1 text-std-16N-170 ${looks}`}
            >
              <span aria-hidden="true">{index < current ? '✓' : index === current ? '▶' : '○'}</span>
              <span className={index === current ? 'font-bold' : undefined}>{STAGE_LABELS[step]}</span>
              <span className="text-std-16N-170">（{state}）</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
