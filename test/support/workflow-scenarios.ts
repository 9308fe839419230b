import { LifecycleSettings, Meeting, NotificationKind, Participant, RecipientRule, Role, tokyoDate, tokyoInstant } from '@app/domain';
import { clusterWorkflowId } from '@app/temporal';
import { clusterLifecycleWorkflow } from '../../workflows/src';
import { awaitKickoff, ClusterLifecycleInput } from '../../workflows/src/cluster-lifecycle/cluster-lifecycle.messages';
import { FY2024_LIFECYCLE_SETTINGS } from '@app/persistence';
import type { WorkflowTestbed } from './workflow-testbed';

export const DAY = 24 * 3600 * 1000;
export const MINUTE = 60 * 1000;
export const DAYS_IN_MINUTES = 24 * 60;

const person = (id: string, roles: Role[], bureauCode: string | null): Participant => ({ id, name: id, roles, bureauCode });
export const OFFICE = person('office', [Role.ReformOffice], null);
export const STAFF = person('staff', [Role.Staff], 'kankyo');
export const MANAGER = person('manager', [Role.Manager], 'kankyo');

export const DRAFTERS: RecipientRule[] = [{ type: 'role', role: Role.Staff, bureauCode: 'kankyo' }];
export const MANAGERS: RecipientRule[] = [{ type: 'role', role: Role.Manager, bureauCode: 'kankyo' }];
export const DIRECTORS: RecipientRule[] = [{ type: 'role', role: Role.Director, bureauCode: 'kankyo' }];
export const REFORM_OFFICE: RecipientRule[] = [{ type: 'role', role: Role.ReformOffice, bureauCode: null }];
export const ESCALATION: RecipientRule[] = [...DIRECTORS, ...REFORM_OFFICE];

let nextFiscalYear = 2101;
const DUE_TIME = '17:00';

export interface ScenarioYear {
  readonly fiscalYear: number;
  readonly meetings: Meeting[];
  /** Each target's deadline (ms): its meeting's day at the year's due time. */
  readonly dueAt: Record<string, number>;
}

/**
 * A fiscal year of its own (workflow ids are per year, and every workflow on the server shares its
 * clock), whose meetings fall the given number of days after the server's now, each target due on
 * its meeting's day, reminded 7, 3 and 1 days before.
 */
export async function scenarioYear(
  tb: WorkflowTestbed,
  meetingDays: Record<string, number>,
  deadlines: Record<string, string>,
  agendas: Partial<Record<string, Meeting['agenda']>> = {},
): Promise<ScenarioYear> {
  const fiscalYear = nextFiscalYear++;
  const now = await tb.now();
  const days = Object.fromEntries(Object.entries(meetingDays).map(([id, after]) => [id, tokyoDate(new Date(now + after * DAY))]));
  const meetings: Meeting[] = Object.entries(days).map(([id, date]) => ({ id, name: `${id}会議`, date: { kind: 'exact', date }, agenda: agendas[id] ?? [] }));
  tb.activities.years.set(fiscalYear, {
    meetings,
    settings: {
      deadlines: Object.entries(deadlines).map(([target, meetingId]) => ({ target, meetingId, leadBusinessDays: 0 })),
      reminderOffsets: ['P7D', 'P3D', 'P1D'],
      digestLeadBusinessDays: 3,
      dueTime: DUE_TIME,
    },
    running: [],
    pendingKickoffs: [],
  });
  const dueAt = Object.fromEntries(Object.entries(deadlines).map(([target, meetingId]) => [target, Date.parse(tokyoInstant(days[meetingId], DUE_TIME))]));
  return { fiscalYear, meetings, dueAt };
}

/** Starts a cluster's workflow as the API's kickoff does, and waits until the kickoff is recorded. */
/** What a kickoff tells the analysis about how it answers, as the API's kickoff does; none by default, as analyses started before. */
export type AnsweringFlags = Pick<ClusterLifecycleInput, 'savesAnsweredWithEvent' | 'kickoffAnsweredWithEvent' | 'decisionsAnsweredWithEvent'>;

export async function kickoffCluster(tb: WorkflowTestbed, fiscalYear: number, clusterNo = 27, settings: LifecycleSettings = FY2024_LIFECYCLE_SETTINGS, answering: AnsweringFlags = {}) {
  const handle = await tb.client.workflow.start(clusterLifecycleWorkflow, {
    workflowId: clusterWorkflowId(fiscalYear, clusterNo),
    taskQueue: tb.taskQueue,
    args: [
      {
        start: {
          fiscalYear,
          clusterNo,
          clusterName: `事業群${clusterNo}`,
          owningBureau: { code: 'kankyo', name: '環境局' },
          kickoff: { meetingDate: tokyoDate(new Date(await tb.now())), attendees: [], notes: null },
          settings,
        },
        startedBy: OFFICE,
        ...answering,
      },
    ],
  });
  await handle.executeUpdate(awaitKickoff);
  return handle;
}

export interface SentNotice {
  readonly kind: NotificationKind;
  readonly key: string;
  readonly reportKind: string | null;
  readonly dueAt: number | null;
  /** When the workflow sent it, on the server's clock. */
  readonly at: number;
  /** Whole minutes from its deadline to when it was sent: a timer that fired on time gives the offset exactly. */
  readonly minutesToDeadline: number | null;
  readonly recipients: readonly RecipientRule[];
  readonly excludedUserIds: readonly string[];
  readonly body: string;
}

/** What one workflow has sent so far, in order. */
export function sentBy(tb: WorkflowTestbed, workflowId: string): SentNotice[] {
  return tb.activities.notificationsOf(workflowId).map(({ value }) => {
    const at = Date.parse(value.createdAt);
    const dueAt = value.dueAt === null ? null : Date.parse(value.dueAt);
    return {
      kind: value.kind,
      key: value.key,
      reportKind: value.reportKind,
      dueAt,
      at,
      minutesToDeadline: dueAt === null ? null : Math.floor((at - dueAt) / MINUTE),
      recipients: value.recipients,
      excludedUserIds: value.excludedUserIds,
      body: value.body,
    };
  });
}
