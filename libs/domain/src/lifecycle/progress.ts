import { CLUSTER_STAGES } from './cluster-stage';

/** How many clusters are at each stage, of a group of them, and how many of their open items are overdue. */
export interface StageCounts {
  readonly byStage: Readonly<Record<string, number>>;
  readonly total: number;
  readonly overdue: number;
}

export interface CategoryKey {
  readonly groupCode: string;
  readonly groupName: string;
  readonly kindCode: string | null;
  readonly kindName: string | null;
}

export interface BureauKey {
  readonly bureauCode: string | null;
  readonly bureauName: string | null;
}

/** The number of clusters at one stage within a category or a bureau. */
export interface StageCount {
  readonly stage: string;
  readonly count: number;
}

/** Where a cluster sits, so that its overdue items count towards its category and its bureau. */
export interface ClusterPlacement {
  readonly no: number;
  readonly groupCode: string;
  readonly kindCode: string | null;
  readonly bureauCode: string | null;
}

export interface ProgressInput {
  readonly byCategory: readonly (CategoryKey & StageCount)[];
  readonly byBureau: readonly (BureauKey & StageCount)[];
  readonly openItems: readonly { readonly clusterNo: number; readonly dueAt: string | null }[];
  readonly placements: readonly ClusterPlacement[];
  readonly now: string;
}

export interface Progress {
  readonly overall: StageCounts;
  readonly byCategory: readonly (CategoryKey & StageCounts)[];
  readonly byBureau: readonly (BureauKey & StageCounts)[];
}

export const isOverdue = (dueAt: string | null, now: string): boolean => dueAt !== null && Date.parse(dueAt) < Date.parse(now);

/**
 * The progress view of a fiscal year: clusters by category × stage and by owning bureau × stage,
 * every stage present even at 0, and the overdue open items counted where their cluster sits.
 */
export function countProgress(input: ProgressInput): Progress {
  const overdueByCluster = new Map<number, number>();
  for (const item of input.openItems) {
    if (isOverdue(item.dueAt, input.now)) overdueByCluster.set(item.clusterNo, (overdueByCluster.get(item.clusterNo) ?? 0) + 1);
  }
  const overdueWhere = (matches: (placement: ClusterPlacement) => boolean): number =>
    input.placements.filter(matches).reduce((sum, placement) => sum + (overdueByCluster.get(placement.no) ?? 0), 0);

  const byCategory = groupCounts(input.byCategory, (row) => `${row.groupCode}/${row.kindCode ?? ''}`, (row) => ({
    groupCode: row.groupCode,
    groupName: row.groupName,
    kindCode: row.kindCode,
    kindName: row.kindName,
  })).map((entry) => ({ ...entry, overdue: overdueWhere((placement) => placement.groupCode === entry.groupCode && placement.kindCode === entry.kindCode) }));
  const byBureau = groupCounts(input.byBureau, (row) => row.bureauCode ?? '', (row) => ({ bureauCode: row.bureauCode, bureauName: row.bureauName })).map(
    (entry) => ({ ...entry, overdue: overdueWhere((placement) => placement.bureauCode === entry.bureauCode) }),
  );
  const [overall] = groupCounts(input.byCategory, () => '', () => ({}));
  const overdue = [...overdueByCluster.entries()]
    .filter(([no]) => input.placements.some((placement) => placement.no === no))
    .reduce((sum, [, count]) => sum + count, 0);
  return { overall: { ...(overall ?? { byStage: zeroByStage(), total: 0 }), overdue }, byCategory, byBureau };
}

function groupCounts<Row extends StageCount, Key extends object>(
  rows: readonly Row[],
  keyOf: (row: Row) => string,
  describe: (row: Row) => Key,
): (Key & { byStage: Record<string, number>; total: number })[] {
  const groups = new Map<string, Key & { byStage: Record<string, number>; total: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    const entry = groups.get(key) ?? { ...describe(row), byStage: zeroByStage(), total: 0 };
    entry.byStage[row.stage] = (entry.byStage[row.stage] ?? 0) + row.count;
    entry.total += row.count;
    groups.set(key, entry);
  }
  return [...groups.values()];
}

function zeroByStage(): Record<string, number> {
  return Object.fromEntries(CLUSTER_STAGES.map((stage) => [stage, 0]));
}
