import { Role } from '@app/domain';
import { createUser, login } from '../support/api-harness';
import { LifecycleFixture, USERS } from '../support/lifecycle-fixture';
import { FuzzWorld } from './request-arbitraries';

/** Never registered: the fuzz's requests create years from its vocabulary's `fiscalYear`, which leaves it out. */
const UNREGISTERED_YEAR = 2076;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DISPOSABLE = 'fuzz.disposable';

/** Clusters the fuzz acts on: some kicked off with a draft or a report in approval, some only ready, one never touched. */
const KICKED_OFF = [27, 28, 29];

/** The fixture's users that call, besides admin: each role of the owning bureau, the reform office, and another bureau. */
const CALLERS = ['staff', 'manager', 'director', 'office', 'otherStaff', 'otherManager'] as const;
const READY = [30, 31];

export interface PreparedWorld extends FuzzWorld {
  /** The token of the user who may log out, fresh for each request that ends it. */
  freshDisposableToken(): Promise<string>;
}

/**
 * Sets up the fuzz's fiscal year with something to act on (analyses kicked off, a draft, a report in
 * approval, users an admin may change) and names the values that mean something to the API. Fiscal
 * years come from this vocabulary only: the Temporal server is shared by every test file, and a
 * request must never start a workflow of another file's year.
 */
export async function prepareWorld(fx: LifecycleFixture, createdYear: number): Promise<PreparedWorld> {
  const year = fx.fiscalYear;
  await createUser(fx.app, { username: DISPOSABLE, roles: [Role.Staff], bureauCode: 'kankyo' });
  // Users the admin's requests may change, deactivate or give a new password: never the fuzz's callers.
  const targets = { 'fuzz.target': { roles: [Role.Staff], bureauCode: 'kankyo' }, 'fuzz.target-manager': { roles: [Role.Manager], bureauCode: 'kodomo' } };
  for (const [username, user] of Object.entries(targets)) await createUser(fx.app, { username, ...user });
  for (const no of [...KICKED_OFF, ...READY]) await fx.assignCluster(no);
  for (const no of KICKED_OFF) await fx.kickoff(no);
  for (const no of [27, 28]) await fx.as('staff').put(`${fx.base(no)}/reports/interim`, { title: '経過報告', body: '本文' }).expect(200);
  await fx.as('staff').post(`${fx.base(27)}/reports/interim/submit`).expect(200);

  const users = (await fx.as('admin').get('/api/v1/users?pageSize=200').expect(200)).body.items as { id: string; username: string }[];
  const targetIds = users.filter((user) => user.username in targets).map((user) => user.id);
  const meetingIds = ((await fx.as('staff').get(`/api/v1/fiscal-years/${year}/meetings`).expect(200)).body as { id: string }[]).map((meeting) => meeting.id);
  const notificationIds = ((await fx.as('manager').get('/api/v1/me/notifications').expect(200)).body.items as { id: string }[]).map((notification) => notification.id);
  const feedToken = (await fx.as('staff').post('/api/v1/auth/calendar-feed-link').expect(200)).body.feedToken as string;

  const lifecycle = (await fx.as('office').get(`/api/v1/fiscal-years/${year}/lifecycle-settings`).expect(200)).body;
  const calendar = (await fx.as('office').get(`/api/v1/fiscal-years/${year}/calendar-settings`).expect(200)).body;

  const clusters = [...KICKED_OFF, ...KICKED_OFF, ...KICKED_OFF, ...READY, 1, 57, 58];
  const kinds = ['interim', 'interim', 'interim', 'interim', 'interim', 'interim', 'direction-budget', 'direction-system', 'final', 'no-such-kind'];
  const usernames = [...Object.keys(USERS), 'admin', ...Object.keys(targets), 'fuzz.newcomer', 'fuzz.nobody'];
  const bureaus = ['kankyo', 'kodomo', 'no-such-bureau'];
  return {
    vocabulary: {
      fy: [year, year, year, year, year, year, createdYear, UNREGISTERED_YEAR],
      fiscalYear: [createdYear, year],
      copyFrom: [year, 2024, UNREGISTERED_YEAR],
      no: clusters,
      clusterNo: clusters,
      kind: kinds,
      reportKind: kinds,
      slug: kinds,
      target: ['kickoff', ...kinds],
      version: [1, 2, 3, 99],
      id: [...targetIds, ...meetingIds, ...notificationIds, UNKNOWN_ID, 'x9'],
      meetingId: [...meetingIds, 'x9'],
      userId: [...targetIds, UNKNOWN_ID],
      username: usernames,
      delegateTo: usernames,
      password: ['password-1234', 'correct-horse-battery', 'short'],
      bureau: bureaus,
      bureauCode: bureaus,
      owningBureauCode: bureaus,
      code: [...bureaus, 'fuzz-bureau'],
      meetingDate: [`${year}-06-04`, `${year}-07-22`, `${year + 1}-03-31`],
      date: [`${year}-10-07`, `${year}-12-25`, `${year}-02-29`],
      month: [`${year}-10`, `${year}-13`],
      feed: [feedToken],
      'reminderOffsets[]': ['P7D', 'P3D', 'P1D', 'PT12H'],
      'attendees[]': ['環境局 総務課長', '市政変革推進室 担当係長'],
      dueTime: ['17:00', '09:30'],
      // The year's own settings, so that a valid-ish change can be taken.
      reportKinds: [lifecycle.reportKinds],
      approvalChain: [lifecycle.approvalChain],
      deadlines: [calendar.deadlines],
      reminderOffsets: [calendar.reminderOffsets],
    },
    callers: Object.fromEntries([...CALLERS.map((name) => [name, USERS[name].roles]), ['admin', [Role.Admin]]]),
    disposableCaller: DISPOSABLE,
    endsTheCallersTokens: new Set(['POST /api/v1/auth/logout', 'DELETE /api/v1/auth/session']),
    freshDisposableToken: () => login(fx.app, DISPOSABLE),
  };
}
