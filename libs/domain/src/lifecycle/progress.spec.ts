import { ClusterStage } from './cluster-stage';
import { countProgress, isOverdue, ProgressInput } from './progress';

const NOW = '2024-08-01T00:00:00.000Z';
const PAST = '2024-07-31T23:59:59.000Z';
const FUTURE = '2024-08-02T00:00:00.000Z';

const policy = { groupCode: 'policy-programme', groupName: '施策・事業グループ', kindCode: 'operations', kindName: 'オペレーション系施策' };
const crossCutting = { groupCode: 'cross-cutting', groupName: '横断的グループ', kindCode: null, kindName: null };
const kankyo = { bureauCode: 'kankyo', bureauName: '環境局' };
const unowned = { bureauCode: null, bureauName: null };

function input(overrides: Partial<ProgressInput> = {}): ProgressInput {
  return {
    byCategory: [
      { ...policy, stage: ClusterStage.NotStarted, count: 3 },
      { ...policy, stage: ClusterStage.InterimReport, count: 2 },
      { ...crossCutting, stage: ClusterStage.NotStarted, count: 4 },
    ],
    byBureau: [
      { ...kankyo, stage: ClusterStage.InterimReport, count: 2 },
      { ...unowned, stage: ClusterStage.NotStarted, count: 7 },
    ],
    openItems: [],
    placements: [
      { no: 1, groupCode: 'policy-programme', kindCode: 'operations', bureauCode: 'kankyo' },
      { no: 2, groupCode: 'policy-programme', kindCode: 'operations', bureauCode: 'kankyo' },
      { no: 3, groupCode: 'cross-cutting', kindCode: null, bureauCode: null },
    ],
    now: NOW,
    ...overrides,
  };
}

describe('countProgress', () => {
  it('counts clusters by category and stage, listing every stage even at 0', () => {
    const progress = countProgress(input());
    expect(progress.byCategory).toHaveLength(2);
    const [first, second] = progress.byCategory;
    expect(first).toMatchObject({ ...policy, total: 5, overdue: 0 });
    expect(first.byStage).toMatchObject({ [ClusterStage.NotStarted]: 3, [ClusterStage.InterimReport]: 2, [ClusterStage.Completed]: 0, [ClusterStage.Withdrawn]: 0 });
    expect(Object.keys(first.byStage)).toHaveLength(Object.keys(ClusterStage).length);
    expect(second).toMatchObject({ ...crossCutting, total: 4 });
  });

  it('counts clusters by owning bureau, the clusters without one under null', () => {
    const { byBureau } = countProgress(input());
    expect(byBureau.map(({ bureauCode, total }) => ({ bureauCode, total }))).toEqual([
      { bureauCode: 'kankyo', total: 2 },
      { bureauCode: null, total: 7 },
    ]);
  });

  it('sums the categories into the overall counts', () => {
    const { overall } = countProgress(input());
    expect(overall.total).toBe(9);
    expect(overall.byStage[ClusterStage.NotStarted]).toBe(7);
  });

  it('counts only open items past their due time as overdue, where their cluster sits', () => {
    const progress = countProgress(
      input({
        openItems: [
          { clusterNo: 1, dueAt: PAST },
          { clusterNo: 1, dueAt: PAST },
          { clusterNo: 2, dueAt: FUTURE },
          { clusterNo: 3, dueAt: PAST },
          { clusterNo: 2, dueAt: null },
        ],
      }),
    );
    expect(progress.overall.overdue).toBe(3);
    expect(progress.byCategory.map((entry) => entry.overdue)).toEqual([2, 1]);
    expect(progress.byBureau.map((entry) => entry.overdue)).toEqual([2, 1]);
  });

  it('answers zero counts for a year without clusters', () => {
    const progress = countProgress({ byCategory: [], byBureau: [], openItems: [], placements: [], now: NOW });
    expect(progress.overall).toEqual({ byStage: expect.objectContaining({ [ClusterStage.NotStarted]: 0 }), total: 0, overdue: 0 });
    expect(progress.byCategory).toEqual([]);
  });
});

describe('isOverdue', () => {
  it('is true only once the due time has passed', () => {
    expect(isOverdue(PAST, NOW)).toBe(true);
    expect(isOverdue(NOW, NOW)).toBe(false);
    expect(isOverdue(FUTURE, NOW)).toBe(false);
    expect(isOverdue(null, NOW)).toBe(false);
  });
});
