import {
  CalendarSettings,
  clusterDeadlinePlan,
  ClusterCommand,
  ClusterLifecycleEvent,
  ClusterStage,
  fiscalYearLabel,
  lifecycleSettingsProblems,
  LifecycleSettings,
  Meeting,
  Participant,
  Refusal,
  refusalClassOf,
  refused,
  STAGE_LABELS,
  versionCountOf,
} from '@app/domain';
import { AnsweredEventRecorder, CatalogueRepository, ClusterRow, FiscalYearSettingsRepository, LifecycleReadRepository, MeetingRepository, UnconfirmedEvents } from '@app/persistence';
import { CLUSTER_NO, CLUSTER_STAGE, clusterWorkflowId, FISCAL_YEAR, OWNING_BUREAU, TEMPORAL_OPTIONS, TemporalOptions, withinRequestDeadline } from '@app/temporal';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowHandle, WorkflowNotFoundError, WithStartWorkflowOperation } from '@temporalio/client';
import { awaitKickoff, type clusterLifecycleWorkflow, ClusterUpdateOutcome, clusterUpdates, getUnconfirmedEvents } from '@app/workflows';
import { refusalOf, withCurrent } from '../common/refusal-of';
import { CalendarService } from '../meetings/calendar.service';
import { KickoffMeeting } from './lifecycle.commands';

/** A year's settings and calendar, as every kickoff of it needs them. */
export interface KickoffYear {
  readonly settings: LifecycleSettings;
  readonly meetings: readonly Meeting[];
  readonly calendar: CalendarSettings | null;
}

/**
 * A cluster known by its key, its row read only if needed: an Update needs only the key, and only a
 * refusal shows the row (an unknown cluster has no workflow either).
 */
export interface ClusterByKey {
  readonly fiscalYear: number;
  readonly no: number;
  readonly find: () => Promise<ClusterRow>;
}

/** `refused`: the cluster is not 未着手 (running, closed, or another request is starting it). */
export type KickoffOutcome = 'started' | 'refused';

/** Where a 409 says what the case looks like now, so a client that lost a race can show it. */
export type CurrentState = {
  readonly stage: string;
  readonly reports: readonly { readonly kind: string; readonly status: string; readonly version: number }[];
};

/** A conflict, or a save based on an older version: the client needs the state that refused it. */
const refusalShowsCurrent = (refusal: Refusal) => ['conflict', 'precondition-failed'].includes(refusalClassOf(refusal));

/** Starts and updates each cluster's lifecycle workflow; the cluster is one the caller has already found. */
@Injectable()
export class ClusterLifecycleService {
  private readonly logger = new Logger('ClusterLifecycleService');

  constructor(
    private readonly client: Client,
    @Inject(TEMPORAL_OPTIONS) private readonly temporal: TemporalOptions,
    private readonly fiscalYearSettings: FiscalYearSettingsRepository,
    private readonly reads: LifecycleReadRepository,
    private readonly calendar: CalendarService,
    private readonly catalogue: CatalogueRepository,
    private readonly meetings: MeetingRepository,
    private readonly answeredEvents: AnsweredEventRecorder,
  ) {}

  /** What every kickoff of the year starts from: its lifecycle settings and its calendar, read once for a bulk kickoff. */
  async kickoffYear(fiscalYear: number): Promise<KickoffYear> {
    const settings = await this.fiscalYearSettings.lifecycleSettings(fiscalYear);
    if (!settings || lifecycleSettingsProblems(settings).length > 0) {
      throw refused('lifecycle-settings.incomplete', `${fiscalYearLabel(fiscalYear)}の報告書・決裁経路の設定がないか不完全なため着手できません`);
    }
    const [meetings, calendar] = await Promise.all([this.meetings.list(fiscalYear), this.fiscalYearSettings.calendarSettings(fiscalYear)]);
    return { settings, meetings, calendar };
  }

  /**
   * 着手: starts the cluster's workflow; the id is the business key, so a second start finds the first.
   * `requestKey` names the kickoff's Update, so a retry of a kickoff that started the workflow but did
   * not answer in time finds its own kickoff instead of taking it for someone else's.
   */
  async kickoff(cluster: ClusterRow, meeting: KickoffMeeting, startedBy: Participant, requestKey?: string, year?: KickoffYear): Promise<KickoffOutcome> {
    const owningBureau = cluster.owningBureau;
    if (!owningBureau) {
      throw refused('cluster.no-owning-bureau', `「${cluster.name}」（No.${cluster.no}）は所管局が設定されていないため着手できません。先に所管局を設定してください`, {
        current: { stage: cluster.stage, reports: [] },
      });
    }
    const { settings, meetings, calendar } = year ?? (await this.kickoffYear(cluster.fiscalYear));
    // Decided in the database, so two requests cannot both start it, and a closed analysis is never started again.
    if (!(await this.catalogue.claimKickoff(cluster.fiscalYear, cluster.no))) return this.startedByThisRequest(cluster, requestKey);
    try {
      const outcome = await withinRequestDeadline(this.client, this.temporal, () => this.client.workflow.executeUpdateWithStart(awaitKickoff, {
        ...(requestKey ? { updateId: requestKey } : {}),
        // Answered with the kickoff's event after the first workflow task; recorded below, so the caller's next read shows it.
        startWorkflowOperation: new WithStartWorkflowOperation<typeof clusterLifecycleWorkflow>('clusterLifecycleWorkflow', {
          workflowId: clusterWorkflowId(cluster.fiscalYear, cluster.no),
          taskQueue: this.temporal.taskQueue,
          // A closed analysis stays closed for the year: 完了 and 取下げ are final.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          workflowIdConflictPolicy: 'FAIL',
          args: [
            {
              start: {
                fiscalYear: cluster.fiscalYear,
                clusterNo: cluster.no,
                clusterName: cluster.name,
                owningBureau,
                kickoff: { meetingDate: meeting.meetingDate, attendees: [...meeting.attendees], notes: meeting.notes ?? null },
                settings,
              },
              startedBy,
              // The deadlines as the calendar stands: the workflow plans its reminders without asking for them again.
              deadlinePlan: clusterDeadlinePlan(cluster.no, meetings, calendar),
              earlierPatchesApplied: true,
              movedDeadlineNoticesWithEvent: true,
              savesAnsweredWithEvent: true,
              kickoffAnsweredWithEvent: true,
              decisionsAnsweredWithEvent: true,
            },
          ],
          typedSearchAttributes: [
            { key: FISCAL_YEAR, value: cluster.fiscalYear },
            { key: CLUSTER_NO, value: cluster.no },
            { key: CLUSTER_STAGE, value: ClusterStage.Kickoff },
            { key: OWNING_BUREAU, value: owningBureau.code },
          ],
        }),
      }));
      if (outcome.event) await this.recordKickoff(cluster, outcome.event);
      return 'started';
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        // The claim was free, yet the analysis runs: whoever started it died before recording its kickoff.
        await this.catchUp(this.handleOf(cluster));
        return this.startedByThisRequest(cluster, requestKey);
      }
      await this.catalogue.releaseKickoffClaim(cluster.fiscalYear, cluster.no);
      throw error;
    }
  }

  /** A kickoff the read model cannot take leaves no analysis running that it does not know of. */
  private async recordKickoff(cluster: ClusterRow, event: ClusterLifecycleEvent): Promise<void> {
    const handle = this.handleOf(cluster);
    const problem = await this.answeredEvents.record(event, this.unconfirmedEventsOf(handle));
    if (problem === null) return;
    await withinRequestDeadline(this.client, this.temporal, () => handle.terminate(`読み取りモデルが着手を記録できませんでした: ${problem}`));
    throw new Error(`この事業群の着手を記録できませんでした（${event.eventId}）。管理者に連絡してください: ${problem}`);
  }

  /** The analysis runs already: `started` if an earlier try of this very request (same key) started it, once its kickoff is recorded. */
  private async startedByThisRequest(cluster: ClusterRow, requestKey: string | undefined): Promise<KickoffOutcome> {
    if (!requestKey) return 'refused';
    const handle = this.handleOf(cluster);
    try {
      const outcome = await withinRequestDeadline(this.client, this.temporal, () => handle.getUpdateHandle<ClusterUpdateOutcome>(requestKey).result());
      if (outcome.event) await this.recordKickoff(cluster, outcome.event);
      return 'started';
    } catch (error) {
      // No such workflow, or no kickoff of this request in it: someone else's.
      if (error instanceof WorkflowNotFoundError) return 'refused';
      throw error;
    }
  }

  /** Best effort: records the answered events no caller recorded; the next try, or the analysis itself, catches up if this cannot. */
  private async catchUp(handle: WorkflowHandle): Promise<void> {
    try {
      await this.answeredEvents.catchUp(this.unconfirmedEventsOf(handle));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      this.logger.warn(`${handle.workflowId} not caught up: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private handleOf(cluster: { readonly fiscalYear: number; readonly no: number }): WorkflowHandle {
    return this.client.workflow.getHandle(clusterWorkflowId(cluster.fiscalYear, cluster.no));
  }

  private unconfirmedEventsOf(handle: WorkflowHandle): UnconfirmedEvents {
    return () => withinRequestDeadline(this.client, this.temporal, () => handle.query(getUnconfirmedEvents));
  }

  /**
   * The year's calendar (digests, the kickoff deadline, moving meetings) runs once analyses have
   * been kicked off; started after them, its first look at who still has to kick off is current.
   */
  startCalendar(fiscalYear: number): Promise<void> {
    return this.calendar.ensureRunning(fiscalYear);
  }

  /**
   * Runs one user action as a Workflow Update and answers with the case after it, or the refusal. An
   * action answered with its event is recorded in the read model here, before the caller reads the case.
   */
  async act(cluster: ClusterRow | ClusterByKey, command: ClusterCommand, requestKey?: string): Promise<ClusterUpdateOutcome> {
    const handle = this.handleOf(cluster);
    const row = async () => ('find' in cluster ? cluster.find() : cluster);
    let outcome: ClusterUpdateOutcome;
    try {
      // A retry with the same Idempotency-Key (the update id) attaches to the same Update, and gets the same event.
      outcome = await withinRequestDeadline(this.client, this.temporal, () =>
        handle.executeUpdate(clusterUpdates[command.type] as typeof clusterUpdates.submit, {
          args: [command as Extract<ClusterCommand, { type: 'submit' }>],
          ...(requestKey ? { updateId: requestKey } : {}),
        }),
      );
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal && refusalShowsCurrent(refusal)) {
        // The change that beat this one may still be on its way into the read model: the state shown is the workflow's.
        await this.catchUp(handle);
        throw withCurrent(refusal, await this.currentState(await row()));
      }
      if (refusal) throw withCurrent(refusal, null);
      // An unknown cluster has no workflow either: its row's lookup gives the refusal that says so.
      if (error instanceof WorkflowNotFoundError) throw await this.notRunning(await row());
      throw error;
    }
    const problem = outcome.event ? await this.answeredEvents.record(outcome.event, this.unconfirmedEventsOf(handle)) : null;
    // As when the workflow's own recording is refused: the change is made, and the read model's trouble is the admins'.
    if (problem !== null) throw new Error(`操作は記録されましたが、画面に表示する情報への反映に失敗しました（${outcome.event?.eventId}）。管理者に連絡してください: ${problem}`);
    return outcome;
  }

  async currentState(cluster: ClusterRow): Promise<CurrentState> {
    const state = await this.reads.findCase(cluster.fiscalYear, cluster.no);
    return state
      ? { stage: state.stage, reports: state.reports.map((report) => ({ kind: report.kind, status: report.status, version: versionCountOf(report) })) }
      : { stage: cluster.stage, reports: [] };
  }

  /** No running workflow: never kicked off, or already closed (完了・取下げ). */
  private async notRunning(cluster: ClusterRow) {
    const current = await this.currentState(cluster);
    return cluster.stage === ClusterStage.NotStarted
      ? refused('cluster.not-started', `「${cluster.name}」はまだ経営分析に着手していません（段階: ${ClusterStage.NotStarted}）`, { current })
      : refused('cluster.closed', `「${cluster.name}」の経営分析は${STAGE_LABELS[cluster.stage]}のため操作できません（段階: ${cluster.stage}）`, { current });
  }
}
