import { DEMO_PASSWORD } from '@app/persistence';
import { fiscalYearOfDay, tokyoDate } from '@app/domain';
import { ApiClient } from '../http/api-client';
import { demoActs } from './demo-acts';
import { demoPlatinumProject } from './demo-platinum';
import { demoXPoliciesUnderWay } from './demo-x-policies';
import { demoYearUnderWay } from './demo-year';

/**
 * The programme of this fiscal year under way, as the demo users would have put it there through
 * the API: analyses in every state, the bureaus' X policies in every phase (one published with
 * progress) and a formed PT with proposals in every phase. Demo data (DEMO_DATA=true) is only the
 * organisation in the database; the processes are workflows, so they are driven here, once.
 */
export async function demoProgrammeUnderWay(api: ApiClient, now: Date, say: (line: string) => void): Promise<number> {
  // One login per demo user for the whole programme: the API limits logins per address.
  const act = demoActs(api, say);
  const fiscalYear = await demoYearUnderWay(act, now, say);
  await demoXPoliciesUnderWay(act, fiscalYear, say);
  await demoPlatinumProject(act, fiscalYear, say);
  return fiscalYear;
}

/** Whether this fiscal year is registered already: a demo run once, or a city's own year, is left as it is. */
export async function demoYearPresent(api: ApiClient, now: Date): Promise<boolean> {
  const token = await api.login('reform.office1', DEMO_PASSWORD);
  const years = await api.call<{ fiscalYear: number }[]>('GET', '/fiscal-years', { token, expect: 200 });
  return years.body.some((year) => year.fiscalYear === fiscalYearOfDay(tokyoDate(now)));
}
