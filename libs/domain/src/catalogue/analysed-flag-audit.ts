import { CLUSTER_ACTION_LABELS, ClusterAction } from '../lifecycle/cluster-lifecycle-event';

/**
 * A cluster taken into, or out of, the year's analyses is a change of the catalogue, not an act of its
 * analysis: the audit trail names it with words of its own, beside the lifecycle's actions.
 */
export const ANALYSED_FLAG_ACTION_LABELS = {
  'set-analysed': '今年度の分析対象に設定',
  'clear-analysed': '今年度の分析対象から除外',
} as const;

export type AnalysedFlagAction = keyof typeof ANALYSED_FLAG_ACTION_LABELS;

export const analysedFlagAction = (analysed: boolean): AnalysedFlagAction => (analysed ? 'set-analysed' : 'clear-analysed');

/** What a cluster's 履歴 calls an entry: an act of its analysis, or a change of its place in the year's analyses. */
export function clusterHistoryActionLabel(action: string): string {
  return CLUSTER_ACTION_LABELS[action as ClusterAction] ?? ANALYSED_FLAG_ACTION_LABELS[action as AnalysedFlagAction] ?? action;
}
