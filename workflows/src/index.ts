export { clusterLifecycleWorkflow } from './cluster-lifecycle/cluster-lifecycle.workflow';
