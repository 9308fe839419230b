import { ProcessKind, type ProcessSubject } from '@app/domain';

/** Business keys, so that starting the same process twice finds the one already running. */
export function clusterWorkflowId(fiscalYear: number, clusterNo: number): string {
  return `cluster/${fiscalYear}/${clusterNo}`;
}

export function parseClusterWorkflowId(workflowId: string): { fiscalYear: number; clusterNo: number } | null {
  const match = /^cluster\/(\d{4})\/(\d{1,3})$/.exec(workflowId);
  return match ? { fiscalYear: Number(match[1]), clusterNo: Number(match[2]) } : null;
}

/** One calendar per fiscal year: its meetings, their digests and the fan-out of their changes. */
export function calendarWorkflowId(fiscalYear: number): string {
  return `calendar/${fiscalYear}`;
}

/** One workflow per e-mail or webhook call of a notification: starting it again finds the one there. */
export function notificationDeliveryWorkflowId(delivery: { readonly channel: string; readonly notificationKey: string; readonly recipient: string }): string {
  return `notification-delivery/${delivery.channel}/${delivery.recipient}/${delivery.notificationKey}`;
}

/** The retention schedule of a deployment (its task queue), and the id of the runs it starts. */
export function retentionScheduleId(taskQueue: string): string {
  return `retention/${taskQueue}`;
}

/** A process beside the analyses: platinum/2024 (the project), platinum/2024/3 (a proposal), x-policy/2024/kankyo. */
export function processWorkflowId(subject: ProcessSubject): string {
  switch (subject.kind) {
    case ProcessKind.PlatinumProject:
      return `platinum/${subject.fiscalYear}`;
    case ProcessKind.PlatinumProposal:
      return `platinum/${subject.fiscalYear}/${subject.key}`;
    case ProcessKind.XPolicy:
      return `x-policy/${subject.fiscalYear}/${subject.key}`;
  }
}
