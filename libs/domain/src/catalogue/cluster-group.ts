/** The three groups the programme sorts its business clusters into (事業クラスターの区分). */
export enum ClusterGroup {
  PolicyProgramme = 'policy-programme',
  CrossCutting = 'cross-cutting',
  Organisation = 'organisation',
}

/** Kinds within the policy & programme group only; the other groups have no kind. */
export enum ClusterKind {
  Operations = 'operations',
  CitySpecific = 'city-specific',
  NationalSystem = 'national-system',
}

export interface GroupDescription {
  readonly group: ClusterGroup;
  readonly name: string;
  readonly reform: string;
  /** Null where the source describes the group only through its kinds. */
  readonly description: string | null;
}

export interface KindDescription {
  readonly kind: ClusterKind;
  readonly group: ClusterGroup;
  readonly name: string;
  readonly description: string;
}

/** Wording as in 令和6年度 市政変革の進捗状況, 参考:事業クラスター一覧. */
export const GROUP_DESCRIPTIONS: readonly GroupDescription[] = [
  {
    group: ClusterGroup.PolicyProgramme,
    name: '施策・事業グループ',
    reform: 'サービスモデル改革',
    description: null,
  },
  {
    group: ClusterGroup.CrossCutting,
    name: '横断制度グループ',
    reform: 'フレーム改革',
    description:
      '「施策・事業グループ」における各改革を後押しするための、全庁的なフレームワークや方向性を定める改革',
  },
  {
    group: ClusterGroup.Organisation,
    name: '組織強化グループ',
    reform: 'ワークスタイル改革',
    description:
      '「職員」や「職場」のレベルから、職員の意識や行動、仕事の仕方、人材育成のあり方など、市役所の「しごと」を見直すことにより、意識改革、働き方改革、業務改善に取り組み、市役所の生産性と職員の連帯意識の向上、組織の活性化を目指す改革',
  },
];

export const KIND_DESCRIPTIONS: readonly KindDescription[] = [
  {
    kind: ClusterKind.Operations,
    group: ClusterGroup.PolicyProgramme,
    name: 'オペレーション系施策',
    description: '他自治体・類似民間企業との比較分析などにより、効率化や事業形態の見直し等に重点を置いた改革',
  },
  {
    kind: ClusterKind.CitySpecific,
    group: ClusterGroup.PolicyProgramme,
    name: '市独自施策',
    description:
      '効率性等の視点だけでなく、市の特質・強み弱みやビジョンとの密接性、戦略の明確化等に留意して行う改革',
  },
  {
    kind: ClusterKind.NationalSystem,
    group: ClusterGroup.PolicyProgramme,
    name: '国制度関連施策',
    description: '全国的制度の下でサービス提供を向上させるとともに、独自政策や制度改正の可能性に留意して行う改革',
  },
];

export const CLUSTER_GROUPS: readonly ClusterGroup[] = Object.values(ClusterGroup);
export const CLUSTER_KINDS: readonly ClusterKind[] = Object.values(ClusterKind);
