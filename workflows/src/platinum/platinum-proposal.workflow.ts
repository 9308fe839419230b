import {
  decidePlatinumProposal,
  PlatinumProposalState,
  ProcessKind,
  proposalNoticeContext,
  proposalOwed,
  proposalPhase,
  ProposalCommand,
  ProposalPhase,
} from '@app/domain';
import { ProcessInput } from '../process/process.messages';
import { continueProcess, ProcessSpec, runProcess } from '../process/run-process';
import { proposalUpdates } from './platinum.messages';

const PROPOSAL: ProcessSpec<PlatinumProposalState, ProposalCommand> = {
  subject: (state) => ({ kind: ProcessKind.PlatinumProposal, fiscalYear: state.fiscalYear, key: String(state.id) }),
  decide: decidePlatinumProposal,
  phase: proposalPhase,
  bureauCode: (state) => state.assignment?.owningBureau.code ?? null,
  closed: (state) => [ProposalPhase.Closed, ProposalPhase.Withdrawn].includes(proposalPhase(state)),
  owed: proposalOwed,
  noticeContext: proposalNoticeContext,
  timedCommand: () => null,
};

/** One proposal of the year's Platinum PT, from its draft to the last response policy (or its withdrawal). */
export async function platinumProposalWorkflow(input: ProcessInput<PlatinumProposalState>): Promise<PlatinumProposalState> {
  const run = await runProcess(PROPOSAL, input, proposalUpdates);
  if (run.carried) return continueProcess(platinumProposalWorkflow, input, run.carried);
  return run.state;
}
