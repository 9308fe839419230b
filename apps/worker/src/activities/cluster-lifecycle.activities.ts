import { ClusterLifecycleEvent, PROJECTION_FAILED_FAILURE_TYPE } from '@app/domain';
import { ClusterEventRepository, isDeterministicSqlFailure, UnprojectableEventError } from '@app/persistence';
import { ClusterLifecycleActivities } from '@app/temporal';
import { Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';

/** Builds the lifecycle activities around their injected dependencies. */
@Injectable()
export class ClusterLifecycleActivitiesFactory {
  private readonly logger = new Logger('ClusterLifecycleActivities');

  constructor(private readonly events: ClusterEventRepository) {}

  create(): ClusterLifecycleActivities {
    return {
      recordClusterEvent: async (event: ClusterLifecycleEvent) => {
        try {
          await this.events.apply(event);
        } catch (error) {
          if (!(error instanceof UnprojectableEventError) && !isDeterministicSqlFailure(error)) throw error;
          // Retrying would fail the same way and hold up the cluster's later actions: report it, keep it, move on.
          const problem = error instanceof Error ? error.message : String(error);
          this.logger.error(`read model could not take event ${event.eventId} (${event.action}): ${problem}`);
          await this.events.recordFailure(event, problem);
          throw ApplicationFailure.nonRetryable(`読み取りモデルに反映できない事象です（${event.eventId}）: ${problem}`, PROJECTION_FAILED_FAILURE_TYPE);
        }
      },
    };
  }
}
