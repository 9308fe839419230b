export { clusterLifecycleWorkflow } from './cluster-lifecycle/cluster-lifecycle.workflow';
export { fiscalYearCalendarWorkflow } from './calendar/fiscal-year-calendar.workflow';
