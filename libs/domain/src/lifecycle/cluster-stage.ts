/** Stages of one cluster's yearly management analysis (経営分析). */
export enum ClusterStage {
  NotStarted = 'NOT_STARTED',
  Kickoff = 'KICKOFF',
  InterimReport = 'INTERIM_REPORT',
  DirectionReport = 'DIRECTION_REPORT',
  FinalReport = 'FINAL_REPORT',
  Completed = 'COMPLETED',
  Withdrawn = 'WITHDRAWN',
}

export const CLUSTER_STAGES: readonly ClusterStage[] = Object.values(ClusterStage);

export const STAGE_LABELS: Readonly<Record<ClusterStage, string>> = {
  [ClusterStage.NotStarted]: '未着手',
  [ClusterStage.Kickoff]: '経営分析着手',
  [ClusterStage.InterimReport]: '経過報告',
  [ClusterStage.DirectionReport]: '改革の方向性の報告',
  [ClusterStage.FinalReport]: '最終報告',
  [ClusterStage.Completed]: '完了',
  [ClusterStage.Withdrawn]: '対象外（取下げ）',
};

/** The forward path; WITHDRAWN is reachable from every stage before COMPLETED. */
export const CLUSTER_STAGE_PATH: readonly ClusterStage[] = [
  ClusterStage.NotStarted,
  ClusterStage.Kickoff,
  ClusterStage.InterimReport,
  ClusterStage.DirectionReport,
  ClusterStage.FinalReport,
  ClusterStage.Completed,
];

export const STAGE_TRANSITIONS: Readonly<Record<ClusterStage, readonly ClusterStage[]>> = Object.fromEntries(
  CLUSTER_STAGES.map((stage) => {
    const index = CLUSTER_STAGE_PATH.indexOf(stage);
    const next = index >= 0 && index < CLUSTER_STAGE_PATH.length - 1 ? [CLUSTER_STAGE_PATH[index + 1]] : [];
    const canWithdraw = stage !== ClusterStage.Completed && stage !== ClusterStage.Withdrawn;
    return [stage, canWithdraw ? [...next, ClusterStage.Withdrawn] : next];
  }),
) as unknown as Record<ClusterStage, readonly ClusterStage[]>;

export function canTransition(from: ClusterStage, to: ClusterStage): boolean {
  return STAGE_TRANSITIONS[from].includes(to);
}

export function isClusterStage(value: string): value is ClusterStage {
  return (CLUSTER_STAGES as readonly string[]).includes(value);
}
