import type { DemoAct } from './demo-acts';

/** The proposals the pictures show: one at the owning bureau's director, one closed with every policy stated. */
export const SCREENSHOT_PROPOSALS = { inDecision: 3, closed: 1 } as const;

const LEADER = 'toshi-senryaku.manager';
const text = (title: string, issue: string, rules: string, proposal: string, effects: string, relatedClusterNos: number[] = []) => ({ title, issue, rules, proposal, effects, relatedClusterNos });

const PROPOSALS = [
  text(
    '補助金交付申請の押印の廃止',
    '補助金の交付申請と実績報告に押印を求めているため、電子申請ができず、申請者が来庁するか郵送する必要がある。',
    '北九州市補助金等交付規則 第5条・第13条、同規則様式第1号・第8号',
    '押印欄を削り、電子申請システムでの申請と報告を認める。本人確認は申請者情報の登録で行う。',
    '申請者の来庁・郵送が年約3,000件減り、受付事務が1件あたり約10分短くなる。',
    [47],
  ),
  text(
    '保育所入所申込の添付書類の削減',
    '就労証明書などを毎年紙で提出させており、保護者と区役所窓口の双方に負担が大きい。',
    '北九州市保育の実施等に関する規則 第4条、保育所入所申込要領',
    '税情報で確認できる書類は省略し、継続申込では変更がない限り提出を求めない。',
    '提出書類が1世帯あたり平均3枚減り、審査の照合作業が約2割減る。',
    [22, 23],
  ),
  text(
    '庁内会議資料のペーパーレス化',
    '部長会議などの資料を毎回印刷して配布しており、印刷と差替えの手間と紙の費用がかかっている。',
    '庁議等の運営に関する要綱 第6条（資料の配布）',
    '資料は会議の前日までに共有フォルダに掲載し、タブレットで閲覧する。印刷は希望者のみとする。',
    '年間約40万枚の印刷と差替え作業が不要になる。',
    [52],
  ),
  text(
    '道路占用許可の電子申請',
    '道路占用許可の申請は窓口への紙の提出に限られており、工事業者が毎回来庁している。',
    '北九州市道路占用規則 第3条',
    '電子申請を受け付け、手数料は電子納付できるようにする。',
    '事業者の来庁が年約1,200件減る。',
  ),
  text(
    '出張旅費の事前申請の簡素化',
    '市内出張でも1件ごとに事前の旅行命令と精算の二つの手続が必要で、少額でも決裁が二重になっている。',
    '北九州市職員等の旅費に関する条例施行規則 第3条',
    '市内の日帰り出張は事前申請を省き、月ごとにまとめて精算する。',
    '決裁件数が年約2万件減る。',
  ),
  text(
    '公共施設予約の窓口一本化',
    '体育館・公民館・会議室などの予約方法が施設ごとに違い、市民が施設ごとに手続を覚える必要がある。',
    '各施設の管理規則（予約受付の条項）',
    '予約を共通の予約システムに集約し、抽選と支払いの手順をそろえる。',
    '',
    [40],
  ),
  text(
    '庁内郵便物の集配回数の見直し',
    '庁内郵便の集配が1日4回あり、電子化で郵便物が減った今も回数が変わっていない。',
    '庁内文書の取扱いに関する規程 第9条',
    '集配を1日2回に減らす。',
    '委託費が年約300万円減る。',
  ),
];

/**
 * The year's プラチナ市役所プロジェクト for the pictures, driven through the API as each person would
 * (a workflow cannot be started by the demo data's SQL): the PT formed, deadlines set, and seven
 * proposals in every phase — drafted, returned by the leader, awaiting assignment, at the owning
 * bureau's director, awaiting one response policy, closed with every policy stated, and withdrawn.
 */
export async function demoPlatinumProject(demoAct: DemoAct, fiscalYear: number, say: (line: string) => void): Promise<void> {
  const act = (username: string, method: string, path: string, body?: object, expect = 200) => demoAct(username, method, `/fiscal-years/${fiscalYear}${path}`, body, expect);
  const office = 'reform.office1';
  await act(office, 'PUT', '/platinum/deadlines', {
    deadlines: [
      { target: 'proposals', meetingId: 'x1', leadBusinessDays: 5 },
      { target: 'decisions', date: `${fiscalYear}-11-27` },
      { target: 'policies', meetingId: 'x5', leadBusinessDays: 5 },
    ],
  });
  await act(office, 'PUT', '/platinum/members', {
    members: ['kankyo.staff', 'kodomo.staff', 'hoken-fukushi.staff', 'kensetsu.staff', 'sangyo-keizai.staff', LEADER],
    leader: LEADER,
  });
  await act(office, 'POST', '/platinum/formation', { date: `${fiscalYear}-06-18` });

  const drafters = ['kankyo.staff', 'kodomo.staff', 'kensetsu.staff', 'kensetsu.staff', 'kodomo.staff', 'sangyo-keizai.staff', 'kensetsu.staff'];
  for (const [index, proposal] of PROPOSALS.entries()) await act(drafters[index], 'POST', '/platinum/proposals', proposal, 201);
  const at = (id: number) => `/platinum/proposals/${id}`;
  const submitAndApprove = async (id: number, drafter: string) => {
    await act(drafter, 'POST', `${at(id)}/submit`);
    await act(LEADER, 'POST', `${at(id)}/approve`, { comment: 'PTで確認しました。' });
  };
  const decide = async (id: number, bureau: string, decision: object, approvals: number) => {
    await act(`${bureau}.staff`, 'PUT', `${at(id)}/decision`, decision);
    await act(`${bureau}.staff`, 'POST', `${at(id)}/decision/submit`);
    if (approvals >= 1) await act(`${bureau}.manager`, 'POST', `${at(id)}/decision/approve`, { comment: '課内で確認しました。' });
    if (approvals >= 2) await act(`${bureau}.director`, 'POST', `${at(id)}/decision/approve`, {});
  };

  // No.1: closed, every concerned director having stated a policy.
  await submitAndApprove(1, 'kankyo.staff');
  await act(office, 'POST', `${at(1)}/assign`, { owningBureau: 'zaisei-henkaku', concernedBureaus: ['zaisei-henkaku', 'kankyo', 'kodomo'] });
  await decide(
    1,
    'zaisei-henkaku',
    {
      outcome: 'adopt-in-part',
      reasons: '押印は法令上の根拠がなく廃止できる。ただし補助額500万円以上の申請は、交付決定の重みから当面は押印を残す。',
      changes: '規則第5条・第13条と様式第1号・第8号の押印欄を削り、電子申請を認める（補助額500万円未満）。',
      changeBy: `令和${fiscalYear - 2018 + 1}年4月1日施行`,
    },
    2,
  );
  await act('zaisei-henkaku.director', 'PUT', `${at(1)}/policies/zaisei-henkaku`, { text: '規則改正の案を2月議会の前に示し、4月から電子申請を受け付ける。' });
  await act('kankyo.director', 'PUT', `${at(1)}/policies/kankyo`, { text: '環境局所管の補助金7件の要綱と様式を、規則の改正に合わせて同時に改める。' });
  await act('kodomo.director', 'PUT', `${at(1)}/policies/kodomo`, { text: '子ども家庭局所管の補助金のうち4件を先行して電子申請に移す。' });

  // No.2: the decision approved, one of two policies stated.
  await submitAndApprove(2, 'kodomo.staff');
  await act(office, 'POST', `${at(2)}/assign`, { owningBureau: 'kodomo', concernedBureaus: ['kodomo', 'hoken-fukushi'] });
  await decide(2, 'kodomo', { outcome: 'adopt', reasons: '税情報の照会で就労状況の大半を確認できる。', changes: '入所申込要領を改め、継続申込の添付書類を省く。', changeBy: `令和${fiscalYear - 2018 + 1}年度の申込から` }, 2);
  await act('kodomo.director', 'PUT', `${at(2)}/policies/kodomo`, { text: '来年度の申込案内から添付書類の一覧を改める。' });

  // No.3: the decision at the owning bureau's director, past the decisions' deadline.
  await submitAndApprove(3, 'kensetsu.staff');
  await act(office, 'POST', `${at(3)}/assign`, { owningBureau: 'somu', concernedBureaus: ['somu', 'kensetsu'] });
  await decide(3, 'somu', { outcome: 'adopt', reasons: '既に一部の会議でタブレット閲覧を試行し、支障がなかった。', changes: '要綱第6条を改め、資料は電子で共有することを原則とする。', changeBy: `令和${fiscalYear - 2018 + 1}年4月1日` }, 1);

  // No.4: approved by the leader, waiting for the reform office to assign it.
  await submitAndApprove(4, 'kensetsu.staff');

  // No.5: returned by the leader with a comment.
  await act('kodomo.staff', 'POST', `${at(5)}/submit`);
  await act(LEADER, 'POST', `${at(5)}/return`, { comment: '対象となる出張の件数と、まとめて精算したときの事務量を数字で示してください。' });

  // No.7: withdrawn by the reform office; No.6 stays a draft.
  await act(office, 'POST', `${at(7)}/withdraw`, { reason: 'No.3（庁内会議資料のペーパーレス化）と一体で検討するため。' });
  say(`FY${fiscalYear}: the Platinum PT formed with ${PROPOSALS.length} proposals for the pictures`);
}
