import type { DemoAct } from './demo-acts';

/** The bureau whose X policy page the picture shows: published, with progress published and one update at the director. */
export const SCREENSHOT_X_POLICY_BUREAU = 'kodomo';
/** The bureau whose plan the editing picture shows: returned by its manager. */
export const SCREENSHOT_RETURNED_X_POLICY_BUREAU = 'hoken-fukushi';

const ITEMS = [
  { id: 'paper', question: '市民や事業者に押印・書面・来庁を求めている手続はいくつありますか。そのうち法令上の根拠がないものはいくつですか。' },
  { id: 'digital', question: '電子申請できる手続の割合と、窓口での待ち時間の現状を記入してください。' },
  { id: 'overlap', question: '他局や国・県と重複している業務、見直しの余地がある定型業務はありますか。' },
];

const ANSWERS: Readonly<Record<string, readonly string[]>> = {
  kodomo: ['押印を求める手続が18件あり、うち11件は法令上の根拠がない。', '電子申請できる手続は約4割。保育所の入所申込の時期は窓口で最大90分待ち。', '児童手当の現況確認が国の情報連携と重複している。'],
  kankyo: ['押印を求める手続が9件、うち6件は根拠がない。', '電子申請は約3割。', 'ごみ収集の問合せ対応が区役所と重複している。'],
  'hoken-fukushi': ['押印を求める手続が25件、うち14件は根拠がない。', '電子申請は約2割。介護保険の窓口は平均40分待ち。', '高齢者の見守り事業が社会福祉協議会の事業と一部重複している。'],
  'toshi-senryaku': ['押印を求める手続は3件で、いずれも根拠がない。', '電子申請は約6割。', '広報物の作成が各局で別々に行われている。'],
  somu: ['押印を求める手続が7件、うち5件は根拠がない。'],
};

const KODOMO_ISSUES = [
  {
    id: 'seal-free',
    title: '押印・書面を求める手続の見直し',
    response: '法令上の根拠がない11件は規則を改正して押印を廃止し、書面の提出も電子申請で受け付ける。',
    schedule: '12月までに規則を改正し、翌年4月から施行',
    clusterNos: [22, 23],
  },
  {
    id: 'waiting-time',
    title: '入所申込の時期の窓口の混雑',
    response: '入所申込を電子申請に広げ、窓口は予約制にする。',
    schedule: '次の申込期（10月）から予約制を試行',
    clusterNos: [22],
  },
  { id: 'duplicate-check', title: '児童手当の現況確認の重複', response: '国の情報連携で確認できる項目は書類の提出を求めない。', schedule: '年度内に様式を改める', clusterNos: [] },
];

const PLAN_ISSUES = [
  { id: 'seal-free', title: '押印を求める手続の見直し', response: '根拠のない押印を廃止する。', schedule: '年度内', clusterNos: [] },
  { id: 'online', title: '申請の電子化', response: '電子申請の対象を広げる。', schedule: '次年度から順次', clusterNos: [] },
];

/**
 * The bureaus' 局区X方針 of the demo year in the phases a list usually shows: one published with
 * progress (one update published, one at the director), one at the director, one returned, one
 * between self-inspection and issues, one half-inspected, the rest just started and 教育委員会 not
 * yet started. Demo data is the organisation only (seeded by SQL), so the workflows are driven here
 * through the API as the demo users would.
 */
export async function demoXPoliciesUnderWay(demoAct: DemoAct, fiscalYear: number, say: (line: string) => void): Promise<void> {
  const act = (username: string, method: string, path: string, body?: object) => demoAct(username, method, `/fiscal-years/${fiscalYear}${path}`, body);
  const plan = (bureau: string) => `/x-policies/${bureau}`;

  await act('reform.office1', 'PUT', '/x-policy-settings', { items: ITEMS, deadlines: [{ target: 'plan', meetingId: 'x2', leadBusinessDays: 5 }] });
  const bureaus = (await act('reform.office1', 'GET', '/x-policies')).body as { items: { bureau: { code: string } }[] };
  const toStart = bureaus.items.map((item) => item.bureau.code).filter((code) => code !== 'kyoiku');
  await act('reform.office1', 'POST', '/x-policies/start', { bureauCodes: toStart });

  for (const [bureau, answers] of Object.entries(ANSWERS)) {
    await act(`${bureau}.staff`, 'PUT', `${plan(bureau)}/self-inspection`, { answers: answers.map((answer, index) => ({ itemId: ITEMS[index].id, answer })) });
  }
  await act('kodomo.staff', 'PUT', `${plan('kodomo')}/issues`, { issues: KODOMO_ISSUES });
  for (const bureau of ['kankyo', 'hoken-fukushi']) await act(`${bureau}.staff`, 'PUT', `${plan(bureau)}/issues`, { issues: PLAN_ISSUES });
  for (const bureau of ['kodomo', 'kankyo', 'hoken-fukushi']) await act(`${bureau}.staff`, 'POST', `${plan(bureau)}/submit`, {});

  await act('kodomo.manager', 'POST', `${plan('kodomo')}/approve`, { comment: '課内で確認しました。' });
  await act('kodomo.director', 'POST', `${plan('kodomo')}/approve`, {});
  await act('reform.office1', 'POST', `${plan('kodomo')}/approve`, { comment: '公表します。' });
  await act('kodomo.staff', 'POST', `${plan('kodomo')}/issues/seal-free/progress`, { text: '11件のうち7件の規則改正を終え、押印欄のない様式に改めた。' });
  await act('kodomo.director', 'POST', `${plan('kodomo')}/issues/seal-free/progress/approve`, {});
  await act('kodomo.staff', 'POST', `${plan('kodomo')}/issues/waiting-time/progress`, { text: '10月の申込期に窓口の予約制を試行し、最大の待ち時間は25分になった。' });

  await act('kankyo.manager', 'POST', `${plan('kankyo')}/approve`, {});
  await act('hoken-fukushi.manager', 'POST', `${plan('hoken-fukushi')}/return`, { comment: 'スケジュールを月単位で具体的に書いてください。関係する事業群の番号も加えてください。' });
  say(`FY${fiscalYear}: ${toStart.length} bureaus' X policies under way for the pictures`);
}
