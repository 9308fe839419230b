import {
  ClusterCase,
  ClusterCommand,
  ClusterStage,
  fiscalYearLabel,
  isClosedStage,
  lifecycleSettingsProblems,
  Participant,
  Refusal,
  STAGE_LABELS,
} from '@app/domain';
import { CatalogueRepository, ClusterRow, LifecycleReadRepository } from '@app/persistence';
import { CLUSTER_NO, CLUSTER_STAGE, clusterWorkflowId, FISCAL_YEAR, OWNING_BUREAU, TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WithStartWorkflowOperation,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { awaitKickoff, type clusterLifecycleWorkflow, clusterUpdates, COMMAND_REFUSED } from '@app/workflows';
import { CatalogueService } from '../catalogue/catalogue.service';
import { CalendarService } from '../meetings/calendar.service';
import { UpdateClusterRequest } from '../catalogue/cluster.dto';
import { KickoffRequest } from './dto/kickoff.dto';
import { refusalToHttp } from '../common/refusal-to-http';

export type KickoffOutcome = 'started' | 'already-running';

/** Turns requests into starts and Updates of each cluster's lifecycle workflow. */
@Injectable()
export class ClusterLifecycleService {
  constructor(
    private readonly client: Client,
    @Inject(TEMPORAL_OPTIONS) private readonly temporal: TemporalOptions,
    private readonly catalogue: CatalogueService,
    private readonly catalogueRepository: CatalogueRepository,
    private readonly reads: LifecycleReadRepository,
    private readonly calendar: CalendarService,
  ) {}

  /** 着手: starts the cluster's workflow; the id is the business key, so a second start finds the first. */
  async kickoff(cluster: ClusterRow, request: KickoffRequest, startedBy: Participant): Promise<KickoffOutcome> {
    const owningBureau = cluster.owningBureau;
    if (!owningBureau) {
      throw new ConflictException(`「${cluster.name}」（No.${cluster.no}）は所管局が設定されていないため着手できません。先に所管局を設定してください`);
    }
    const settings = await this.catalogueRepository.lifecycleSettings(cluster.fiscalYear);
    if (!settings || lifecycleSettingsProblems(settings).length > 0) {
      throw new ConflictException(`${fiscalYearLabel(cluster.fiscalYear)}の報告書・決裁経路の設定がないか不完全なため着手できません`);
    }
    try {
      await this.client.workflow.executeUpdateWithStart(awaitKickoff, {
        // Answered once the kickoff is in the read model, so the caller's next read shows it.
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
                kickoff: { meetingDate: request.meetingDate, attendees: request.attendees, notes: request.notes ?? null },
                settings,
              },
              startedBy,
            },
          ],
          typedSearchAttributes: [
            { key: FISCAL_YEAR, value: cluster.fiscalYear },
            { key: CLUSTER_NO, value: cluster.no },
            { key: CLUSTER_STAGE, value: ClusterStage.Kickoff },
            { key: OWNING_BUREAU, value: owningBureau.code },
          ],
        }),
      });
      return 'started';
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return 'already-running';
      throw error;
    }
  }

  /**
   * The year's calendar (digests, the kickoff deadline, moving meetings) runs once analyses have
   * been kicked off; started after them, its first look at who still has to kick off is current.
   */
  startCalendar(fiscalYear: number): Promise<void> {
    return this.calendar.ensureRunning(fiscalYear);
  }

  /** Runs one user action as a Workflow Update and answers with the case after it, or the refusal. */
  async act(fiscalYear: number, no: number, command: ClusterCommand, requestKey?: string): Promise<ClusterCase> {
    await this.catalogue.requireCluster(fiscalYear, no);
    const handle = this.client.workflow.getHandle(clusterWorkflowId(fiscalYear, no));
    try {
      return await handle.executeUpdate(clusterUpdates[command.type] as typeof clusterUpdates.submit, {
        args: [command as Extract<ClusterCommand, { type: 'submit' }>],
        ...(requestKey ? { updateId: requestKey } : {}),
      });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) throw refusalToHttp(refusal, await this.currentState(fiscalYear, no));
      if (error instanceof WorkflowNotFoundError) throw await this.notRunning(fiscalYear, no);
      throw error;
    }
  }

  /** PATCH of a cluster: a running analysis learns of a new owning bureau through its workflow. */
  async updateCluster(fiscalYear: number, no: number, changes: UpdateClusterRequest, actor: Participant): Promise<void> {
    const cluster = await this.catalogue.requireCluster(fiscalYear, no);
    const running = cluster.stage !== ClusterStage.NotStarted && !isClosedStage(cluster.stage);
    const bureauChanges = changes.owningBureauCode !== undefined && changes.owningBureauCode !== cluster.owningBureau?.code;
    if (running && bureauChanges) {
      if (changes.owningBureauCode === null) throw new BadRequestException('経営分析中の事業群の所管局は未設定に戻せません');
      const bureau = await this.catalogue.requireBureau(changes.owningBureauCode as string);
      await this.act(fiscalYear, no, { type: 'change-owning-bureau', actor, bureau });
    }
    await this.catalogue.updateCluster(fiscalYear, no, changes);
  }

  private async currentState(fiscalYear: number, no: number) {
    const state = await this.reads.findCase(fiscalYear, no);
    return state ? { stage: state.stage, reports: state.reports.map((report) => ({ kind: report.kind, status: report.status })) } : null;
  }

  /** No running workflow: never kicked off, or already closed (完了・取下げ). */
  private async notRunning(fiscalYear: number, no: number): Promise<ConflictException> {
    const cluster = await this.catalogue.requireCluster(fiscalYear, no);
    const message =
      cluster.stage === ClusterStage.NotStarted
        ? `「${cluster.name}」はまだ経営分析に着手していません（段階: ${ClusterStage.NotStarted}）`
        : `「${cluster.name}」の経営分析は${STAGE_LABELS[cluster.stage]}のため操作できません（段階: ${cluster.stage}）`;
    return new ConflictException({ statusCode: 409, error: 'Conflict', message, current: (await this.currentState(fiscalYear, no)) ?? { stage: cluster.stage, reports: [] } });
  }

}

function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof WorkflowUpdateFailedError)) return null;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== COMMAND_REFUSED) return null;
  return (cause.details?.[0] as Refusal | undefined) ?? { code: 'cluster.closed', message: cause.message };
}
