import type { XPolicyCommand, XPolicyState } from '@app/domain';
import { processUpdates } from '../process/process.messages';

/** The Updates people send a bureau's X policy, one per verb; the system's own year-end close is not among them. */
export const xPolicyUpdates = processUpdates<Exclude<XPolicyCommand, { type: 'close-year' }>>([
  'save-plan',
  'submit',
  'approve',
  'return',
  'recall',
  'delegate',
  'release-delegation',
  'post-progress',
  'approve-progress',
  'return-progress',
]);

export type XPolicyWorkflowState = XPolicyState;
