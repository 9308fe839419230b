import { defineQuery } from '@temporalio/workflow';
import type { Actor, ClusterStage, KickoffRecord } from '../../../libs/domain/src';

export interface ClusterLifecycleInput {
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly owningBureauCode: string | null;
  readonly kickoff: KickoffRecord;
  readonly startedBy: Actor;
}

/** The workflow's own view of its cluster, answered live by {@link getClusterState}. */
export interface ClusterLifecycleState {
  readonly fiscalYear: number;
  readonly clusterNo: number;
  readonly stage: ClusterStage;
  readonly kickoff: KickoffRecord;
  readonly eventCount: number;
}

export const getClusterState = defineQuery<ClusterLifecycleState>('getClusterState');
