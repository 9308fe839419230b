import { condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { Actor, ClusterAction, ClusterLifecycleEvent, ClusterStage } from '../../../libs/domain/src';
import type { ClusterLifecycleActivities } from '../../../libs/temporal/src/contracts/activities';
import { CLUSTER_STAGE } from '../../../libs/temporal/src/contracts/search-attributes';
import { ClusterLifecycleInput, ClusterLifecycleState, getClusterState } from './cluster-lifecycle.messages';

const { recordClusterEvent } = proxyActivities<ClusterLifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** One cluster's management analysis for one fiscal year, from kickoff on. */
export async function clusterLifecycleWorkflow(input: ClusterLifecycleInput): Promise<ClusterLifecycleState> {
  let stage: ClusterStage = ClusterStage.NotStarted;
  let eventCount = 0;
  const snapshot = (): ClusterLifecycleState => ({
    fiscalYear: input.fiscalYear,
    clusterNo: input.clusterNo,
    stage,
    kickoff: input.kickoff,
    eventCount,
  });
  setHandler(getClusterState, snapshot);

  async function moveTo(to: ClusterStage, action: ClusterAction, actor: Actor, details: Record<string, unknown>) {
    eventCount += 1;
    const event: ClusterLifecycleEvent = {
      eventId: `${workflowInfo().workflowId}#${eventCount}`,
      seq: eventCount,
      fiscalYear: input.fiscalYear,
      clusterNo: input.clusterNo,
      occurredAt: new Date().toISOString(),
      actorId: actor.id,
      actorName: actor.name,
      action,
      fromStage: stage,
      toStage: to,
      comment: null,
      details,
    };
    stage = to;
    upsertSearchAttributes([{ key: CLUSTER_STAGE, value: to }]);
    await recordClusterEvent(event);
  }

  await moveTo(ClusterStage.Kickoff, ClusterAction.Kickoff, input.startedBy, { kickoff: input.kickoff });
  await condition(() => stage === ClusterStage.Completed || stage === ClusterStage.Withdrawn);
  return snapshot();
}
