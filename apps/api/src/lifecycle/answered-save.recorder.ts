import { ClusterLifecycleEvent } from '@app/domain';
import { applyOrKeepForAdmins, ClusterEventRepository, EarlierEventMissingError, EventProjection } from '@app/persistence';
import { Injectable, Logger } from '@nestjs/common';

/**
 * Records in the read model a draft save the workflow answered with its event. A save found ahead of
 * the read model (the caller of an earlier save died before recording it) brings the saves the
 * workflow still holds as unconfirmed in first, in order, so no save's change is lost; the next event
 * the workflow records itself carries them all again in any case.
 */
@Injectable()
export class AnsweredSaveRecorder {
  private readonly logger = new Logger('AnsweredSaveRecorder');
  private readonly inOrder: EventProjection<ClusterLifecycleEvent>;

  constructor(private readonly events: ClusterEventRepository) {
    this.inOrder = { apply: (event) => events.apply(event, { inOrder: true }), recordFailure: (event, problem) => events.recordFailure(event, problem) };
  }

  async record(event: ClusterLifecycleEvent, unconfirmedSaves: () => Promise<readonly ClusterLifecycleEvent[]>): Promise<void> {
    let problem: string | null;
    try {
      problem = await applyOrKeepForAdmins(this.inOrder, event, this.logger);
    } catch (error) {
      if (!(error instanceof EarlierEventMissingError)) throw error;
      const earlier = (await unconfirmedSaves()).filter((save) => save.seq < event.seq);
      for (const save of await this.events.unrecorded(earlier)) await applyOrKeepForAdmins(this.events, save, this.logger);
      problem = await applyOrKeepForAdmins(this.events, event, this.logger);
    }
    // As when the workflow's own recording is refused: the save is made, and the read model's trouble is the admins'.
    if (problem !== null) throw new Error(`保存は記録されましたが、画面に表示する情報への反映に失敗しました（${event.eventId}）。管理者に連絡してください: ${problem}`);
  }
}
