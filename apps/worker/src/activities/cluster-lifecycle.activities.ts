import { ClusterLifecycleEvent } from '@app/domain';
import { applyUnrecorded, ClusterEventRepository } from '@app/persistence';
import { ClusterLifecycleActivities } from '@app/temporal';
import { Injectable, Logger } from '@nestjs/common';
import { projectEvent } from './event-projection';
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
      recordClusterEvent: async (event: ClusterLifecycleEvent, unconfirmedEvents: readonly ClusterLifecycleEvent[] = []) => {
        // Events answered to their callers come first: those no caller recorded are recorded here.
        await this.recordAnswered(unconfirmedEvents);
        const refusal = await projectEvent(this.events, event, this.logger);
        // The people the change concerns are told whether or not the read model could take it, as before notices came with the event.
        for (const notice of event.notices ?? []) await this.notifications.deliver(notice);
        if (refusal) throw refusal;
      },
      recordAnsweredEvents: (answered: readonly ClusterLifecycleEvent[]) => this.recordAnswered(answered),
    };
  }

  private async recordAnswered(answered: readonly ClusterLifecycleEvent[]): Promise<void> {
    await applyUnrecorded(this.events, answered, this.logger);
    // Their notices too, in case the caller died before delivering them (each is keyed: none arrives twice).
    for (const notice of answered.flatMap((event) => event.notices ?? [])) await this.notifications.deliver(notice);
  }
}
