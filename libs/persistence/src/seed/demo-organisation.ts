import { Role } from '@app/domain';

/** Shared by every demo user; published in the README, so demo users must never reach production. */
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_FISCAL_YEAR = 2024;

export interface DemoBureau {
  readonly code: string;
  readonly name: string;
}

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly bureauCode: string | null;
}

export interface DemoOrganisation {
  readonly bureaus: readonly DemoBureau[];
  readonly users: readonly DemoUser[];
  readonly fiscalYear: number;
  /** Cluster number → owning bureau code, for {@link fiscalYear}. */
  readonly clusterOwners: Readonly<Record<number, string>>;
}

/** Each bureau with its staff member (担当職員), manager (課長) and director (局長). */
const BUREAUS_AND_PEOPLE: readonly (readonly [code: string, name: string, people: readonly [string, string, string]])[] = [
  ['kodomo', '子ども家庭局', ['山田 花子', '佐藤 健一', '高橋 由美子']],
  ['kankyo', '環境局', ['田中 翔太', '伊藤 真理', '渡辺 浩']],
  ['hoken-fukushi', '保健福祉局', ['中村 彩', '小林 大輔', '加藤 恵子']],
  ['toshi-senryaku', '都市戦略局', ['吉田 拓也', '山本 さくら', '松本 隆']],
  ['somu', '総務局', ['井上 美咲', '木村 誠', '林 和子']],
  ['zaisei-henkaku', '財政・変革局', ['清水 直樹', '山口 智子', '森 修']],
  ['sangyo-keizai', '産業経済局', ['池田 亮', '橋本 香織', '石川 正人']],
  ['kensetsu', '建設局', ['前田 陽介', '藤田 綾', '岡田 茂']],
  ['shobo', '消防局', ['後藤 剛', '長谷川 優子', '村上 勝']],
  ['kyoiku', '教育委員会', ['近藤 美穂', '石井 健太', '斎藤 典子']],
];

const BUREAU_MEMBERS: readonly Role[] = [Role.Staff, Role.Manager, Role.Director];

const REFORM_OFFICE_USERS: readonly DemoUser[] = [
  { username: 'reform.office1', displayName: '坂本 千尋', roles: [Role.ReformOffice], bureauCode: null },
  { username: 'reform.office2', displayName: '遠藤 光', roles: [Role.ReformOffice], bureauCode: null },
];

/**
 * The demo has fewer bureaus than the city, so clusters run by an enterprise bureau of their own
 * (water, city buses, ports and airport, public racing) go to the demo bureau closest in purpose.
 */
const CLUSTERS_BY_BUREAU: Readonly<Record<string, readonly number[]>> = {
  // 保育所・幼稚園, 子育て支援, 児童虐待・いじめ対策, 青少年
  kodomo: [22, 23, 24, 25],
  // SDGs, 環境施策, ごみ処理
  kankyo: [3, 26, 27],
  // 地域福祉, 高齢者福祉, 介護保険, 障害者福祉, 地域医療, 国民健康保険, 健康づくり・介護予防
  'hoken-fukushi': [14, 15, 16, 17, 18, 19, 20],
  // 戦略的広報, 定住・移住, 広聴・相談, 国際関係, 市営バス（交通政策）
  'toshi-senryaku': [1, 2, 6, 7, 44],
  // 安全・安心, 市立大学, 女性活躍, 地域振興, 業務改革, 人事施策, DX窓口改革, DX人材育成, オフィス改革, BPR
  somu: [5, 8, 9, 10, 52, 53, 54, 55, 56, 57],
  // 公共投資, 公共施設マネジメント実行計画, 外郭団体, 補助金, 使用料, 歳入確保, 契約改革, 指定管理者
  'zaisei-henkaku': [39, 40, 46, 47, 48, 49, 50, 51],
  // 食肉センター, 雇用促進, スタートアップ, 観光, 空港利用促進, 中央卸売市場, 港湾施設, 公営競技
  'sangyo-keizai': [21, 28, 29, 30, 31, 32, 42, 45],
  // 市営住宅, 公園, 公共施設マネジメント基本計画（社会インフラ版）, 上下水道
  kensetsu: [33, 34, 41, 43],
  // 防災・災害対策, 消防体制, 火災予防
  shobo: [4, 35, 36],
  // 生涯学習, スポーツ振興, 文化振興, 学校給食, 小・中・特別支援学校
  kyoiku: [11, 12, 13, 37, 38],
};

/**
 * Demo data for trying the engine out (DEMO_DATA=true): a simplified Kitakyushu organisation,
 * an owning bureau for every FY2024 cluster and a user for every role. Never for production:
 * every row is stored with is_demo = true and every demo user shares {@link DEMO_PASSWORD}.
 */
export const DEMO_ORGANISATION: DemoOrganisation = {
  bureaus: BUREAUS_AND_PEOPLE.map(([code, name]) => ({ code, name })),
  users: [
    ...BUREAUS_AND_PEOPLE.flatMap(([code, , people]) =>
      BUREAU_MEMBERS.map((role, index) => ({ username: `${code}.${role}`, displayName: people[index], roles: [role], bureauCode: code })),
    ),
    ...REFORM_OFFICE_USERS,
  ],
  fiscalYear: DEMO_FISCAL_YEAR,
  clusterOwners: Object.fromEntries(Object.entries(CLUSTERS_BY_BUREAU).flatMap(([code, clusters]) => clusters.map((no) => [no, code]))),
};
