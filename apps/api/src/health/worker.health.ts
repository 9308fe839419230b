import { TEMPORAL_CONNECTION, TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const CHECK_TIMEOUT_MS = 2_000;

/**
 * How recently the server must have seen a worker ask for workflow tasks. A worker's long poll waits
 * up to 60 s for a task and is renewed at once, so a live worker is never seen longer ago than about
 * a minute; a worker that died counts as polling for at most this long after its last poll.
 */
export const WORKER_POLL_FRESHNESS_MS = 75_000;

/** Whether a worker polls the workflow task queue: without one, every action waits and then fails. */
@Injectable()
export class WorkerHealthIndicator {
  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    @Inject(TEMPORAL_OPTIONS) private readonly temporalOptions: TemporalOptions,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    const { namespace, taskQueue } = this.temporalOptions;
    try {
      const { pollers } = await this.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
        this.connection.workflowService.describeTaskQueue({
          namespace,
          taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
          taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        }),
      );
      const lastPolls = pollers.flatMap(({ lastAccessTime }) => (lastAccessTime ? [Number(lastAccessTime.seconds ?? 0) * 1000 + Math.floor((lastAccessTime.nanos ?? 0) / 1e6)] : []));
      if (lastPolls.some((time) => Date.now() - time <= WORKER_POLL_FRESHNESS_MS)) return indicator.up();
      return indicator.down({ message: `タスクキュー ${taskQueue} をポーリングしているワーカーがありません` });
    } catch (error) {
      return indicator.down({ message: `ワーカーの状態を Temporal に問い合わせできません: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
}
