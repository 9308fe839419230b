import { Actor, fiscalYearLabel } from '@app/domain';
import { CLUSTER_NO, CLUSTER_STAGE, clusterWorkflowId, FISCAL_YEAR, OWNING_BUREAU, TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { clusterLifecycleWorkflow } from '../../../../workflows/src';
import { CatalogueService } from '../catalogue/catalogue.service';
import { KickoffRequest, KickoffResponse } from './kickoff.dto';

/** Starts and drives each cluster's lifecycle workflow. */
@Injectable()
export class ClusterLifecycleService {
  constructor(
    private readonly client: Client,
    @Inject(TEMPORAL_OPTIONS) private readonly temporal: TemporalOptions,
    private readonly catalogue: CatalogueService,
  ) {}

  async kickoff(fiscalYear: number, no: number, request: KickoffRequest, actor: Actor): Promise<KickoffResponse> {
    const cluster = await this.catalogue.requireCluster(fiscalYear, no);
    const workflowId = clusterWorkflowId(fiscalYear, no);
    try {
      await this.client.workflow.start<typeof clusterLifecycleWorkflow>('clusterLifecycleWorkflow', {
        workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [
          {
            fiscalYear,
            clusterNo: no,
            owningBureauCode: cluster.owningBureau?.code ?? null,
            kickoff: { meetingDate: request.meetingDate, attendees: request.attendees, notes: request.notes ?? null },
            startedBy: actor,
          },
        ],
        typedSearchAttributes: [
          { key: FISCAL_YEAR, value: fiscalYear },
          { key: CLUSTER_NO, value: no },
          { key: CLUSTER_STAGE, value: cluster.stage },
          ...(cluster.owningBureau ? [{ key: OWNING_BUREAU, value: cluster.owningBureau.code }] : []),
        ],
      });
      return { workflowId, started: true };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new ConflictException(`${fiscalYearLabel(fiscalYear)}の「${cluster.name}」（No.${no}）は既に経営分析に着手しています`);
      }
      throw error;
    }
  }
}
