import {
  CLUSTER_GROUPS,
  CLUSTER_KINDS,
  ClusterDefinition,
  ClusterGroup,
  ClusterKind,
  findCatalogueProblems,
} from '@app/domain';
import { FY2024_CLUSTERS } from './fy2024-catalogue';
import { FY2024_MEETINGS } from './fy2024-calendar';
import { GROUP_DESCRIPTIONS, KIND_DESCRIPTIONS } from './fy2024-catalogue';

type Placement = 'operations' | 'city-specific' | 'national-system' | 'cross-cutting' | 'organisation';

/**
 * 参考:事業クラスター一覧 of 「令和6年度 市政変革の進捗状況」, transcribed from the seed in the order
 * the slide lists it. The extraction's split numbers ("1 8.") are read as 18; names are verbatim.
 */
const SEED_TABLE: readonly (readonly [number, string, Placement])[] = [
  [18, '地域医療施策', 'operations'],
  [21, '食肉センター', 'operations'],
  [27, 'ごみ処理事業', 'operations'],
  [32, '中央卸売市場', 'operations'],
  [33, '市営住宅事業', 'operations'],
  [43, '上下水道事業', 'operations'],
  [44, '市営バス事業', 'operations'],
  [45, '公営競技事業', 'operations'],
  [8, '公立大学法人北九州市立大学', 'operations'],
  [1, '戦略的広報', 'city-specific'],
  [2, '定住・移住施策', 'city-specific'],
  [3, 'SDGs関連事業', 'city-specific'],
  [7, '国際関係施策', 'city-specific'],
  [10, '地域振興事業', 'city-specific'],
  [5, '安全・安心なまちづくり', 'city-specific'],
  [9, '女性活躍・男女共同参画施策', 'city-specific'],
  [11, '生涯学習事業', 'city-specific'],
  [14, '地域福祉施策', 'city-specific'],
  [12, 'スポーツ振興事業', 'city-specific'],
  [13, '文化振興施策', 'city-specific'],
  [15, '高齢者福祉施策', 'city-specific'],
  [23, '子育て支援事業', 'city-specific'],
  [24, '児童虐待・いじめ対策等施策', 'city-specific'],
  [37, '学校給食事業', 'city-specific'],
  [4, '防災・災害対策', 'city-specific'],
  [25, '青少年関連事業', 'city-specific'],
  [26, '環境施策', 'city-specific'],
  [34, '公園事業', 'city-specific'],
  [6, '広聴・相談事業', 'city-specific'],
  [20, '健康づくり・介護予防事業', 'city-specific'],
  [42, '港湾施設マネジメントの推進', 'city-specific'],
  [28, '雇用促進及び地元企業の人材確保施策', 'city-specific'],
  [29, 'スタートアップ×地域課題', 'city-specific'],
  [30, '観光施策', 'city-specific'],
  [31, '空港利用促進事業', 'city-specific'],
  [35, '消防体制の整備事業', 'city-specific'],
  [36, '火災予防・啓発事業', 'city-specific'],
  [22, '保育所・幼稚園', 'national-system'],
  [38, '小・中・特別支援学校', 'national-system'],
  [17, '障害者福祉施策', 'national-system'],
  [16, '介護保険、介護事業（特別会計）', 'national-system'],
  [19, '国民健康保険事業（特別会計）', 'national-system'],
  [46, '外郭団体等の見直し', 'cross-cutting'],
  [47, '補助金・負担金の見直し', 'cross-cutting'],
  [48, '使用料・手数料の見直し', 'cross-cutting'],
  [49, '歳入確保の取組', 'cross-cutting'],
  [51, '指定管理者制度の見直し', 'cross-cutting'],
  [39, '公共投資', 'cross-cutting'],
  [40, '公共施設マネジメント実行計画の見直し', 'cross-cutting'],
  [41, '公共施設マネジメント基本計画（社会インフラ版）の見直し', 'cross-cutting'],
  [50, '契約改革（契約事務の見直し）', 'organisation'],
  [52, '業務改革による効率的な市役所づくり', 'organisation'],
  [53, '市職員の人事施策', 'organisation'],
  [54, 'DXの推進による窓口改革（スマらく区役所）', 'organisation'],
  [55, 'DX人材育成', 'organisation'],
  [56, 'オフィス改革プロジェクト', 'organisation'],
  [57, 'BPR推進', 'organisation'],
];

/** The seed's wording for each group and kind (※ line and 考え方 column). */
const SEED_GROUPS = {
  'policy-programme': { name: '施策・事業グループ', reform: 'サービスモデル改革', description: null },
  'cross-cutting': {
    name: '横断制度グループ',
    reform: 'フレーム改革',
    description: '「施策・事業グループ」における各改革を後押しするための、全庁的なフレームワークや方向性を定める改革',
  },
  organisation: {
    name: '組織強化グループ',
    reform: 'ワークスタイル改革',
    description:
      '「職員」や「職場」のレベルから、職員の意識や行動、仕事の仕方、人材育成のあり方など、市役所の「しごと」を見直すことにより、' +
      '意識改革、働き方改革、業務改善に取り組み、市役所の生産性と職員の連帯意識の向上、組織の活性化を目指す改革',
  },
} as const;

const SEED_KINDS = {
  operations: {
    name: 'オペレーション系施策',
    description: '他自治体・類似民間企業との比較分析などにより、効率化や事業形態の見直し等に重点を置いた改革',
  },
  'city-specific': {
    name: '市独自施策',
    description: '効率性等の視点だけでなく、市の特質・強み弱みやビジョンとの密接性、戦略の明確化等に留意して行う改革',
  },
  'national-system': {
    name: '国制度関連施策',
    description: '全国的制度の下でサービス提供を向上させるとともに、独自政策や制度改正の可能性に留意して行う改革',
  },
} as const;

function placementOf(cluster: ClusterDefinition): string {
  return cluster.kind ?? cluster.group;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('FY2024 catalogue (令和6年度 事業クラスター一覧)', () => {
  it('has 57 clusters numbered 1 to 57, each exactly once', () => {
    const numbers = FY2024_CLUSTERS.map((cluster) => cluster.no);
    expect(numbers).toHaveLength(57);
    expect(new Set(numbers).size).toBe(57);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 57 }, (_, index) => index + 1));
  });

  it('sorts the clusters into 9 operations, 28 city-specific and 5 national-system policies, 8 cross-cutting and 7 organisation clusters', () => {
    expect(countBy(FY2024_CLUSTERS, (cluster) => cluster.group)).toEqual({
      [ClusterGroup.PolicyProgramme]: 42,
      [ClusterGroup.CrossCutting]: 8,
      [ClusterGroup.Organisation]: 7,
    });
    const policy = FY2024_CLUSTERS.filter((cluster) => cluster.group === ClusterGroup.PolicyProgramme);
    expect(countBy(policy, (cluster) => String(cluster.kind))).toEqual({
      [ClusterKind.Operations]: 9,
      [ClusterKind.CitySpecific]: 28,
      [ClusterKind.NationalSystem]: 5,
    });
    expect(FY2024_CLUSTERS.filter((cluster) => cluster.group !== ClusterGroup.PolicyProgramme).every((cluster) => cluster.kind === null)).toBe(true);
  });

  it('transcribes the seed table itself without slips (57 distinct numbers and names)', () => {
    expect(SEED_TABLE).toHaveLength(57);
    expect(new Set(SEED_TABLE.map(([no]) => no)).size).toBe(57);
    expect(new Set(SEED_TABLE.map(([, name]) => name)).size).toBe(57);
  });

  it.each(SEED_TABLE)('No.%i is 「%s」 in %s, exactly as the source document writes it', (no, name, placement) => {
    const cluster = FY2024_CLUSTERS.find((candidate) => candidate.no === no);
    expect(cluster).toBeDefined();
    expect(cluster?.name).toBe(name);
    expect(placementOf(cluster!)).toBe(placement);
  });

  it('lists the clusters in the order the slide does', () => {
    expect(FY2024_CLUSTERS.map((cluster) => cluster.no)).toEqual(SEED_TABLE.map(([no]) => no));
  });

  it('keeps the full-width punctuation of the source in names', () => {
    const names = FY2024_CLUSTERS.map((cluster) => cluster.name);
    expect(names).toContain('介護保険、介護事業（特別会計）');
    expect(names.some((name) => /[()]/.test(name))).toBe(false);
    expect(names.every((name) => name === name.trim() && name.length > 0)).toBe(true);
  });

  it('names every group with the wording of the source and its reform theme', () => {
    expect(GROUP_DESCRIPTIONS.map((group) => group.group).sort()).toEqual([...CLUSTER_GROUPS].sort());
    for (const group of GROUP_DESCRIPTIONS) {
      const seed = SEED_GROUPS[group.group];
      expect({ name: group.name, reform: group.reform, description: group.description }).toEqual(seed);
    }
  });

  it('describes each kind of the policy & programme group with the 考え方 of the source', () => {
    expect(KIND_DESCRIPTIONS.map((kind) => kind.kind).sort()).toEqual([...CLUSTER_KINDS].sort());
    for (const kind of KIND_DESCRIPTIONS) {
      expect(kind.group).toBe(ClusterGroup.PolicyProgramme);
      expect({ name: kind.name, description: kind.description }).toEqual(SEED_KINDS[kind.kind]);
    }
  });

  it('keeps the invariants of every catalogue', () => {
    expect(findCatalogueProblems(FY2024_CLUSTERS)).toEqual([]);
  });

  it('has on the 1st X meeting’s agenda 保育所・幼稚園, 子育て支援事業, 青少年関連事業 and 公園事業, and 文化振興施策 on the 2nd', () => {
    const agendaNames = (id: string) =>
      FY2024_MEETINGS.find((meeting) => meeting.id === id)!.agenda.map((item) => FY2024_CLUSTERS.find((cluster) => cluster.no === item.clusterNo)?.name);
    expect(agendaNames('x1')).toEqual(['保育所・幼稚園', '子育て支援事業', '青少年関連事業', '公園事業']);
    expect(agendaNames('x2')).toEqual(['文化振興施策']);
  });
});
