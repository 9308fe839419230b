import { ClusterLifecycleEvent } from '@app/domain';
import { ClusterEventRepository } from '@app/persistence';
import { ClusterLifecycleActivities } from '@app/temporal';
import { Injectable } from '@nestjs/common';

/** Builds the lifecycle activities around their injected dependencies. */
@Injectable()
export class ClusterLifecycleActivitiesFactory {
  constructor(private readonly events: ClusterEventRepository) {}

  create(): ClusterLifecycleActivities {
    return {
      recordClusterEvent: async (event: ClusterLifecycleEvent) => {
        await this.events.apply(event);
      },
    };
  }
}
