import type { ClusterLifecycleEvent } from '../../../domain/src/lifecycle/cluster-lifecycle-event';

/** What the cluster lifecycle workflow asks of the world; the worker implements it. */
export interface ClusterLifecycleActivities {
  /** Writes the audit entry and read model for one event; idempotent by event id. */
  recordClusterEvent(event: ClusterLifecycleEvent): Promise<void>;
}
