import type { PlatinumProjectCommand, ProposalCommand } from '@app/domain';
import { processUpdates } from '../process/process.messages';

/** The Updates the reform office sends the year's project; its phase moves on by itself. */
export const platinumProjectUpdates = processUpdates<Exclude<PlatinumProjectCommand, { type: 'advance' }>>(['set-members', 'record-formation']);

/** The Updates people send a proposal, one per verb. */
export const proposalUpdates = processUpdates<ProposalCommand>([
  'save-proposal',
  'submit-proposal',
  'recall-proposal',
  'approve-proposal',
  'return-proposal',
  'delegate-proposal',
  'assign',
  'save-decision',
  'submit-decision',
  'recall-decision',
  'approve-decision',
  'return-decision',
  'delegate-decision',
  'release-delegation',
  'state-policy',
  'withdraw',
]);

/** The project's key among process subjects: one per fiscal year. */
export const PLATINUM_PROJECT_KEY = 'project';
