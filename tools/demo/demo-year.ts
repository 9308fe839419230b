import { fiscalYearOfDay, tokyoDate } from '@app/domain';
import type { DemoAct } from './demo-acts';

/** The cluster the cluster page's picture shows: 決裁中 at the director's step. */
export const SCREENSHOT_CLUSTER = 22;

/**
 * This fiscal year, made from FY2024 by the reform office, with the 子ども家庭局's four clusters
 * and the 環境局's three under way in the states a board usually shows: one report 決裁中 at the
 * director, one returned, one being written, the rest not yet begun.
 */
export async function demoYearUnderWay(demoAct: DemoAct, now: Date, say: (line: string) => void): Promise<number> {
  const fiscalYear = fiscalYearOfDay(tokyoDate(now));
  const act = (username: string, method: string, path: string, body?: object, expect = 200) => demoAct(username, method, `/fiscal-years/${fiscalYear}${path}`, body, expect);

  await demoAct('reform.office1', 'POST', '/fiscal-years', { fiscalYear, copyFrom: 2024 }, 201);
  const started = [22, 23, 24, 25, 26, 27, 3];
  for (const no of started) {
    await act('reform.office1', 'PATCH', `/clusters/${no}`, { analysedThisYear: true });
    await act('reform.office1', 'POST', `/clusters/${no}/kickoff`, { meetingDate: `${fiscalYear}-06-04`, attendees: ['局総務課長', '改革推進室'], notes: null }, 201);
  }
  const interim = (no: number) => `/clusters/${no}/reports/interim`;
  await act('kodomo.staff', 'PUT', interim(22), { title: '保育所・幼稚園の経過報告', body: '待機児童の状況と施設の配置について、現状と課題を整理しました。\n\n1. 入所申込の推移\n2. 施設ごとの定員充足率\n3. 今後の論点' });
  await act('kodomo.staff', 'POST', `${interim(22)}/submit`, {});
  await act('kodomo.manager', 'POST', `${interim(22)}/approve`, { comment: '課内で確認済みです。' });
  await act('kodomo.staff', 'PUT', interim(23), { title: '子育て支援の経過報告', body: '相談窓口の利用状況を整理しています。' });
  await act('kodomo.staff', 'PUT', interim(24), { title: '児童虐待・いじめ対策の経過報告', body: '関係機関との連携状況をまとめました。' });
  await act('kodomo.staff', 'POST', `${interim(24)}/submit`, {});
  await act('kodomo.manager', 'POST', `${interim(24)}/return`, { comment: '件数の推移に前年度比を加えてください。' });
  say(`FY${fiscalYear}: ${started.length} analyses under way for the pictures`);
  return fiscalYear;
}
