import { ClusterLifecycleEvent } from '@app/domain';
import { Logger } from '@nestjs/common';
import { ClusterEventRepository, EarlierEventMissingError } from '../repositories/cluster-event.repository';
import { applyOrKeepForAdmins, applyUnrecorded, EventProjection } from './keep-refused-events';

/** The events a workflow answered to its callers since it last recorded one itself, oldest first. */
export type UnconfirmedEvents = () => Promise<readonly ClusterLifecycleEvent[]>;

/**
 * Records in the read model an event the workflow answered with (a kickoff, a draft save, a decision
 * that leaves the analysis open, deadlines moved by a calendar change) instead of recording it itself: the API and the worker alike. One found
 * ahead of the read model (the caller of an earlier one died before recording it) brings the
 * unconfirmed events the workflow holds in first, in order, so no change is lost; the next event the
 * workflow records itself carries them all again in any case.
 */
export class AnsweredEventRecorder {
  private readonly logger = new Logger('AnsweredEventRecorder');
  private readonly inOrder: EventProjection<ClusterLifecycleEvent>;

  constructor(private readonly events: ClusterEventRepository) {
    this.inOrder = { apply: (event) => events.apply(event, { inOrder: true }), recordFailure: (event, problem) => events.recordFailure(event, problem) };
  }

  /** Null once recorded; the read model's problem with it when it could not take it (it is then kept for admins). */
  async record(event: ClusterLifecycleEvent, unconfirmed: UnconfirmedEvents): Promise<string | null> {
    try {
      return await applyOrKeepForAdmins(this.inOrder, event, this.logger);
    } catch (error) {
      if (!(error instanceof EarlierEventMissingError)) throw error;
      await this.catchUp(async () => (await unconfirmed()).filter((earlier) => earlier.seq < event.seq));
      return applyOrKeepForAdmins(this.events, event, this.logger);
    }
  }

  /** Records those of the unconfirmed events the audit trail lacks, in order. */
  async catchUp(unconfirmed: UnconfirmedEvents): Promise<void> {
    await applyUnrecorded(this.events, await unconfirmed(), this.logger);
  }
}
