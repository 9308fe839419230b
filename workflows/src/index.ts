// The workflow bundle's entry point and, as @app/workflows, what callers start and message them by.
export { clusterLifecycleWorkflow } from './cluster-lifecycle/cluster-lifecycle.workflow';
export { fiscalYearCalendarWorkflow } from './calendar/fiscal-year-calendar.workflow';
export { notificationDeliveryWorkflow } from './notifications/notification-delivery.workflow';
export { retentionWorkflow } from './retention/retention.workflow';
export { xPolicyWorkflow } from './x-policy/x-policy.workflow';
export { platinumProjectWorkflow } from './platinum/platinum-project.workflow';
export { platinumProposalWorkflow } from './platinum/platinum-proposal.workflow';
export * from './cluster-lifecycle/cluster-lifecycle.messages';
export * from './calendar/fiscal-year-calendar.messages';
export * from './process/process.messages';
export * from './x-policy/x-policy.messages';
export * from './platinum/platinum.messages';
