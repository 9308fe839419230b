import { ClusterDefinition, ClusterGroup, ClusterKind, GroupDescription, KindDescription } from '@app/domain';

/**
 * FY2024 (令和6年度) catalogue, in the order the source slides list the clusters.
 * Names are kept exactly as written there, full-width punctuation included.
 */
export const FY2024_CLUSTERS: readonly ClusterDefinition[] = [
  { no: 18, name: '地域医療施策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.Operations },
  { no: 21, name: '食肉センター', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.Operations },
  { no: 27, name: 'ごみ処理事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.Operations },
  { no: 32, name: '中央卸売市場', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.Operations },
  { no: 33, name: '市営住宅事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.Operations },
  { no: 43, name: '上下水道事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.Operations },
  { no: 44, name: '市営バス事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.Operations },
  { no: 45, name: '公営競技事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.Operations },
  { no: 8, name: '公立大学法人北九州市立大学', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.Operations },
  { no: 1, name: '戦略的広報', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 2, name: '定住・移住施策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 3, name: 'SDGs関連事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 7, name: '国際関係施策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 10, name: '地域振興事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 5, name: '安全・安心なまちづくり', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 9, name: '女性活躍・男女共同参画施策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 11, name: '生涯学習事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 14, name: '地域福祉施策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 12, name: 'スポーツ振興事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 13, name: '文化振興施策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 15, name: '高齢者福祉施策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 23, name: '子育て支援事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 24, name: '児童虐待・いじめ対策等施策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 37, name: '学校給食事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 4, name: '防災・災害対策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 25, name: '青少年関連事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 26, name: '環境施策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 34, name: '公園事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 6, name: '広聴・相談事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 20, name: '健康づくり・介護予防事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 42, name: '港湾施設マネジメントの推進', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 28, name: '雇用促進及び地元企業の人材確保施策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 29, name: 'スタートアップ×地域課題', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 30, name: '観光施策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 31, name: '空港利用促進事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 35, name: '消防体制の整備事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 36, name: '火災予防・啓発事業', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.CitySpecific },
  { no: 22, name: '保育所・幼稚園', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.NationalSystem },
  { no: 38, name: '小・中・特別支援学校', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.NationalSystem },
  { no: 17, name: '障害者福祉施策', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.NationalSystem },
  { no: 16, name: '介護保険、介護事業（特別会計）', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.NationalSystem },
  { no: 19, name: '国民健康保険事業（特別会計）', group: ClusterGroup.PolicyProgramme, kind: ClusterKind.NationalSystem },
  { no: 46, name: '外郭団体等の見直し', group: ClusterGroup.CrossCutting, kind: null },
  { no: 47, name: '補助金・負担金の見直し', group: ClusterGroup.CrossCutting, kind: null },
  { no: 48, name: '使用料・手数料の見直し', group: ClusterGroup.CrossCutting, kind: null },
  { no: 49, name: '歳入確保の取組', group: ClusterGroup.CrossCutting, kind: null },
  { no: 51, name: '指定管理者制度の見直し', group: ClusterGroup.CrossCutting, kind: null },
  { no: 39, name: '公共投資', group: ClusterGroup.CrossCutting, kind: null },
  { no: 40, name: '公共施設マネジメント実行計画の見直し', group: ClusterGroup.CrossCutting, kind: null },
  { no: 41, name: '公共施設マネジメント基本計画（社会インフラ版）の見直し', group: ClusterGroup.CrossCutting, kind: null },
  { no: 50, name: '契約改革（契約事務の見直し）', group: ClusterGroup.Organisation, kind: null },
  { no: 52, name: '業務改革による効率的な市役所づくり', group: ClusterGroup.Organisation, kind: null },
  { no: 53, name: '市職員の人事施策', group: ClusterGroup.Organisation, kind: null },
  { no: 54, name: 'DXの推進による窓口改革（スマらく区役所）', group: ClusterGroup.Organisation, kind: null },
  { no: 55, name: 'DX人材育成', group: ClusterGroup.Organisation, kind: null },
  { no: 56, name: 'オフィス改革プロジェクト', group: ClusterGroup.Organisation, kind: null },
  { no: 57, name: 'BPR推進', group: ClusterGroup.Organisation, kind: null },
];

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
