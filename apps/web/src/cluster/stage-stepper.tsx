import { CLUSTER_STAGE_PATH as PATH, ClusterStage, STAGE_LABELS } from '@app/domain';
import { StepList } from '../ui/step-list';

/** Where the analysis stands on its yearly path: done, current and still ahead, each said in words. */
export function StageStepper({ stage }: { stage: ClusterStage }) {
  if (stage === ClusterStage.Withdrawn) {
    return <p className="mt-4 rounded-8 border-2 border-solid-gray-536 p-4 text-std-16B-170">段階：{STAGE_LABELS[stage]}（今年度の経営分析は取り下げられました）</p>;
  }
  return <StepList label="経営分析の段階" steps={PATH.map((step) => ({ key: step, label: STAGE_LABELS[step] }))} current={PATH.indexOf(stage)} />;
}
