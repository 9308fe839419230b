import { CalendarSettings, clusterDeadlines, Meeting } from '@app/domain';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { generateYear } from './bench-years';
import { BenchContext } from './context';
import { bulkKickoff, describeAnswer } from './measure-kickoff';
import { OFFICE } from './organisation';
import { cpuBetween, cpuSnapshot } from './process-cpu';
import { count, ms, ResultRow, seconds } from './report';
import { summarise } from './statistics';

/** A generated year still ahead whose every analysis is pegged to one meeting. */
export const MEETING_YEAR = 2081;
const PEGGED_CLUSTERS = 1000;
const MOVED_BY_DAYS = 7;
const GOAL_MS = 10_000;
const POLL_MS = 100;
const CAP_MS = 5 * 60_000;
const STALL_MS = 60_000;

/**
 * Row 7: 1,000 running analyses whose interim report is due before the 1st X meeting (the year's
 * calendar settings peg it there); the reform office moves that meeting a week later, and the time is
 * taken from the PATCH until the read model shows every one of the 1,000 deadlines re-planned, both
 * the cluster's deadlines and what its staff owe.
 */
export async function measureMeetingMove(context: BenchContext): Promise<ResultRow> {
  const { api, pg, progress } = context;
  const token = context.user(OFFICE).token;
  progress(`[row 7] Generating FY${MEETING_YEAR} with ${count(PEGGED_CLUSTERS)} clusters and kicking them all off…`);
  await generateYear(context, MEETING_YEAR, PEGGED_CLUSTERS, 'all');
  // The copied calendar puts one cluster's interim report on the 2nd meeting's agenda; without agendas
  // the year's settings peg every interim report to the same meeting. Set before the year's calendar starts.
  await pg.query(`UPDATE meetings SET agenda = '[]'::jsonb WHERE fiscal_year = $1`, [MEETING_YEAR]);
  const kickoff = await bulkKickoff(context, MEETING_YEAR, PEGGED_CLUSTERS, { pollMs: 250, reportEveryMs: 5000, stallMs: 60_000, capMs: 20 * 60_000 });
  if (kickoff.shown < PEGGED_CLUSTERS) throw new Error(`only ${kickoff.shown} of ${PEGGED_CLUSTERS} FY${MEETING_YEAR} clusters were kicked off (${describeAnswer(kickoff.answer)})`);
  progress(`  ${count(PEGGED_CLUSTERS)} kicked off after ${seconds(kickoff.allShownMs!)}`);

  const settings = (await api.call<CalendarSettings>('GET', `/fiscal-years/${MEETING_YEAR}/calendar-settings`, { token, expect: 200 })).body;
  const meetings = (await api.call<Meeting[]>('GET', `/fiscal-years/${MEETING_YEAR}/meetings`, { token, expect: 200 })).body;
  const meetingId = settings.deadlines.find((rule) => rule.target === 'interim')!.meetingId;
  const meeting = meetings.find((candidate) => candidate.id === meetingId)!;
  if (meeting.date.kind !== 'exact') throw new Error(`FY${MEETING_YEAR}'s ${meeting.name} has no exact date to move`);
  const newDate = addDays(meeting.date.date, MOVED_BY_DAYS);
  const interimDue = (within: readonly Meeting[]) => clusterDeadlines(1, within, settings).find((deadline) => deadline.target === 'interim')!.dueAt;
  const before = interimDue(meetings);
  const after = interimDue(meetings.map((candidate) => (candidate.id === meetingId ? { ...candidate, date: { kind: 'exact', date: newDate } } : candidate)));
  const pegged = await replanned(context, before);
  if (pegged.deadlines !== PEGGED_CLUSTERS || pegged.owed !== PEGGED_CLUSTERS) {
    throw new Error(`before the move ${pegged.deadlines} cluster deadline(s) and ${pegged.owed} owed draft(s) of FY${MEETING_YEAR} are due ${before}, expected ${PEGGED_CLUSTERS}`);
  }

  progress(`[row 7] Moving ${meeting.name} from ${meeting.date.date} to ${newDate}: every interim deadline from ${before} to ${after}…`);
  const cpuBefore = cpuSnapshot();
  const started = performance.now();
  const patching = api
    .call('PATCH', `/fiscal-years/${MEETING_YEAR}/meetings/${meetingId}`, { token, body: { date: { kind: 'exact', date: newDate } }, headers: { 'Idempotency-Key': randomUUID() } })
    .then(
      (response) => `PATCH answered ${response.status} in ${ms(response.ms)}`,
      (error: unknown) => `the PATCH failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  let shown = { deadlines: 0, owed: 0 };
  let allMs: number | null = null;
  let lastChange = performance.now();
  let lastReport = performance.now();
  for (;;) {
    const now = await replanned(context, after);
    const elapsed = performance.now() - started;
    if (now.deadlines !== shown.deadlines || now.owed !== shown.owed) lastChange = performance.now();
    shown = now;
    if (shown.deadlines === PEGGED_CLUSTERS && shown.owed === PEGGED_CLUSTERS) {
      allMs = elapsed;
      break;
    }
    if (elapsed > CAP_MS || performance.now() - lastChange > STALL_MS) break;
    if (performance.now() - lastReport >= 2000) {
      progress(`  after ${seconds(elapsed)}: ${count(shown.deadlines)}/${count(PEGGED_CLUSTERS)} cluster deadlines and ${count(shown.owed)}/${count(PEGGED_CLUSTERS)} owed drafts re-planned`);
      lastReport = performance.now();
    }
    await delay(POLL_MS);
  }
  const cpu = cpuBetween(cpuBefore, cpuSnapshot(), shown.deadlines, 'analysis re-planned');
  const patchAnswer = await patching;
  progress(`  ${allMs === null ? `${shown.deadlines} deadlines and ${shown.owed} owed drafts re-planned when the run ended` : `all re-planned after ${seconds(allMs)}`}; ${patchAnswer}`);
  const dueList = await timeDueList(context, meetingId, after);
  return {
    id: '7',
    measurement: `moving one X meeting that ${count(PEGGED_CLUSTERS)} running analyses are pegged to: PATCH to every deadline re-planned in the read model`,
    result: [
      allMs === null ? `${count(Math.min(shown.deadlines, shown.owed))}/${count(PEGGED_CLUSTERS)} after ${seconds(performance.now() - started)}` : `${seconds(allMs)} to all ${count(PEGGED_CLUSTERS)}`,
      patchAnswer,
      dueList,
    ],
    goal: '',
    checks: [{ goal: `< ${seconds(GOAL_MS)}`, met: allMs !== null && allMs < GOAL_MS }],
    notes: [
      `FY${MEETING_YEAR}: ${count(PEGGED_CLUSTERS)} generated clusters, no agendas, each interim report pegged by the year's settings to ${meeting.name}; their bulk kickoff took ${seconds(kickoff.allShownMs!)} to the read model.`,
      `PATCH …/meetings/${meetingId} moves it ${MOVED_BY_DAYS} days later; done when clusters.deadlines and owed_actions.due_at of the interim report show the new due time (${after}) for all ${count(PEGGED_CLUSTERS)}, asked every ${POLL_MS} ms.`,
      `${cpu}, until the last was in the read model.`,
      `Then GET …/meetings/${meetingId}/due, what the meetings page shows as due for it, ${DUE_LIST_SAMPLES} times after one warm-up: printed, not judged.`,
    ],
  };
}

const DUE_LIST_SAMPLES = 5;

/** What the meetings page asks for the moved meeting: every analysis's deadline pegged to it, timed. */
async function timeDueList(context: BenchContext, meetingId: string, dueAt: string): Promise<string> {
  const token = context.user(OFFICE).token;
  const samples: number[] = [];
  let items: { target: string; dueAt: string }[] = [];
  for (let round = 0; round <= DUE_LIST_SAMPLES; round += 1) {
    const response = await context.api.call<{ target: string; dueAt: string }[]>('GET', `/fiscal-years/${MEETING_YEAR}/meetings/${meetingId}/due`, { token, expect: 200 });
    if (round > 0) samples.push(response.ms);
    items = response.body;
  }
  const moved = items.filter((item) => item.target === 'interim' && Date.parse(item.dueAt) === Date.parse(dueAt)).length;
  return `GET …/due: p50 ${ms(summarise(samples).p50)}, ${count(items.length)} items (${count(moved)} re-planned)`;
}

/** How many of the year's clusters show the interim report due at `dueAt`, in their deadlines and in what their staff owe. */
async function replanned(context: BenchContext, dueAt: string): Promise<{ deadlines: number; owed: number }> {
  const { rows } = await context.pg.query<{ deadlines: number; owed: number }>(
    `SELECT
       (SELECT count(*)::int FROM clusters c WHERE c.fiscal_year = $1
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.deadlines) d WHERE d->>'target' = 'interim' AND (d->>'dueAt')::timestamptz = $2::timestamptz)) AS deadlines,
       (SELECT count(*)::int FROM owed_actions o WHERE o.fiscal_year = $1 AND o.report_kind = 'interim' AND o.due_at = $2::timestamptz) AS owed`,
    [MEETING_YEAR, dueAt],
  );
  return rows[0];
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
