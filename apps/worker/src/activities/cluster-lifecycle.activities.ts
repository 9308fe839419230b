import { ClusterLifecycleEvent, PROJECTION_FAILED_FAILURE_TYPE } from '@app/domain';
import { ClusterEventRepository, isDeterministicSqlFailure, UnprojectableEventError } from '@app/persistence';
import { ClusterLifecycleActivities } from '@app/temporal';
import { Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { NotificationActivitiesFactory } from './notification.activities';

/** Builds the lifecycle activities around their injected dependencies. */
@Injectable()
export class ClusterLifecycleActivitiesFactory {
  private readonly logger = new Logger('ClusterLifecycleActivities');

  constructor(
    private readonly events: ClusterEventRepository,
    private readonly notifications: NotificationActivitiesFactory,
  ) {}

  create(): ClusterLifecycleActivities {
    return {
      // Retried, it records nothing twice: the event is keyed by its id and each notice by its key.
      recordClusterEvent: async (event: ClusterLifecycleEvent) => {
        const refusal = await this.apply(event);
        // The people the change concerns are told whether or not the read model could take it, as before notices came with the event.
        for (const notice of event.notices ?? []) await this.notifications.deliver(notice);
        if (refusal) throw refusal;
      },
    };
  }

  /** Records the event; one the read model cannot take is reported and kept for admins, and answered with the failure to end the activity with. */
  private async apply(event: ClusterLifecycleEvent): Promise<ApplicationFailure | null> {
    try {
      await this.events.apply(event);
      return null;
    } catch (error) {
      if (!(error instanceof UnprojectableEventError) && !isDeterministicSqlFailure(error)) throw error;
      // Retrying would fail the same way and hold up the cluster's later actions: report it, keep it, move on.
      const problem = error instanceof Error ? error.message : String(error);
      this.logger.error(`read model could not take event ${event.eventId} (${event.action}): ${problem}`);
      await this.events.recordFailure(event, problem);
      return ApplicationFailure.nonRetryable(`読み取りモデルに反映できない事象です（${event.eventId}）: ${problem}`, PROJECTION_FAILED_FAILURE_TYPE);
    }
  }
}
