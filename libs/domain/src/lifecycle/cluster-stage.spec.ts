import { canTransition, CLUSTER_STAGES, ClusterStage, isClusterStage, STAGE_LABELS, STAGE_TRANSITIONS } from './cluster-stage';

/** 未着手 → 経営分析着手 → 経過報告 → 改革の方向性を報告 → 最終報告 → 完了, as DOMAIN.md reads the seed's calendar. */
const PATH = ['NOT_STARTED', 'KICKOFF', 'INTERIM_REPORT', 'DIRECTION_REPORT', 'FINAL_REPORT', 'COMPLETED'] as ClusterStage[];
const WITHDRAWN = 'WITHDRAWN' as ClusterStage;

const pairs = (stages: readonly ClusterStage[]) => stages.flatMap((from) => stages.map((to) => [from, to] as const));

describe('cluster stages', () => {
  it('are the forward path plus withdrawal, and nothing else', () => {
    expect([...CLUSTER_STAGES].sort()).toEqual([...PATH, WITHDRAWN].sort());
  });

  it.each(PATH.slice(0, -1).map((from, index) => [from, PATH[index + 1]]))('allow %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('walk the whole path from not started to completed one step at a time', () => {
    let stage = PATH[0];
    const walked = [stage];
    while (stage !== PATH[PATH.length - 1]) {
      const next = STAGE_TRANSITIONS[stage].filter((candidate) => candidate !== WITHDRAWN);
      expect(next).toHaveLength(1);
      stage = next[0];
      walked.push(stage);
    }
    expect(walked).toEqual(PATH);
  });

  const skips = pairs(PATH).filter(([from, to]) => PATH.indexOf(to) - PATH.indexOf(from) > 1);
  it.each(skips)('refuse skipping ahead from %s to %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  const backwards = pairs(PATH).filter(([from, to]) => PATH.indexOf(to) < PATH.indexOf(from));
  it.each(backwards)('refuse going back from %s to %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it.each(CLUSTER_STAGES.map((stage) => [stage]))('refuse staying at %s as a transition', (stage) => {
    expect(canTransition(stage, stage)).toBe(false);
  });

  it.each(PATH.slice(0, -1).map((stage) => [stage]))('allow withdrawing a cluster at %s', (stage) => {
    expect(canTransition(stage, WITHDRAWN)).toBe(true);
  });

  it('refuse withdrawing a completed cluster', () => {
    expect(canTransition('COMPLETED' as ClusterStage, WITHDRAWN)).toBe(false);
  });

  it('treat completed and withdrawn as final: nothing leads out of them', () => {
    for (const to of CLUSTER_STAGES) {
      expect(canTransition('COMPLETED' as ClusterStage, to)).toBe(false);
      expect(canTransition(WITHDRAWN, to)).toBe(false);
    }
    expect(STAGE_TRANSITIONS['COMPLETED' as ClusterStage]).toEqual([]);
    expect(STAGE_TRANSITIONS[WITHDRAWN]).toEqual([]);
  });

  it('agree between the transition table and canTransition for every pair', () => {
    for (const [from, to] of pairs(CLUSTER_STAGES)) {
      expect(canTransition(from, to)).toBe(STAGE_TRANSITIONS[from].includes(to));
    }
  });

  it.each(CLUSTER_STAGES.map((stage) => [stage]))('give %s a Japanese label', (stage) => {
    const label = STAGE_LABELS[stage];
    expect(typeof label).toBe('string');
    expect(label).toMatch(/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー（）・]+$/u);
  });

  it('label each stage differently, so a person can tell them apart', () => {
    const labels = CLUSTER_STAGES.map((stage) => STAGE_LABELS[stage]);
    expect(new Set(labels).size).toBe(CLUSTER_STAGES.length);
  });

  it('use the seed’s words for the report stages', () => {
    expect(STAGE_LABELS['INTERIM_REPORT' as ClusterStage]).toContain('経過報告');
    expect(STAGE_LABELS['DIRECTION_REPORT' as ClusterStage]).toContain('方向性');
    expect(STAGE_LABELS['FINAL_REPORT' as ClusterStage]).toContain('最終報告');
  });

  it('recognise stage names and nothing else', () => {
    for (const stage of CLUSTER_STAGES) expect(isClusterStage(stage)).toBe(true);
    for (const value of ['', 'not_started', 'DONE', 'kickoff', 'COMPLETED ']) expect(isClusterStage(value)).toBe(false);
  });
});
