import {
  decideXPolicy,
  fiscalYearEnd,
  ProcessKind,
  XPolicyCommand,
  xPolicyNoticeContext,
  xPolicyOwed,
  xPolicyPhase,
  XPolicyPhase,
  XPolicyState,
} from '@app/domain';
import { ProcessInput } from '../process/process.messages';
import { continueProcess, ProcessSpec, runProcess } from '../process/run-process';
import { xPolicyUpdates } from './x-policy.messages';

const X_POLICY: ProcessSpec<XPolicyState, XPolicyCommand> = {
  subject: (state) => ({ kind: ProcessKind.XPolicy, fiscalYear: state.fiscalYear, key: state.bureau.code }),
  decide: decideXPolicy,
  phase: xPolicyPhase,
  bureauCode: (state) => state.bureau.code,
  closed: (state) => xPolicyPhase(state) === XPolicyPhase.Closed,
  owed: xPolicyOwed,
  noticeContext: xPolicyNoticeContext,
  timedCommand: (state) => {
    const at = fiscalYearEnd(state.fiscalYear);
    return { at, command: { type: 'close-year', at } };
  },
};

/**
 * One bureau's 局区X方針 for one fiscal year: self-inspection and the plan along its chain to
 * publication, then progress updates published as they are approved, until the year ends.
 */
export async function xPolicyWorkflow(input: ProcessInput<XPolicyState>): Promise<XPolicyState> {
  const run = await runProcess(X_POLICY, input, xPolicyUpdates);
  if (run.carried) return continueProcess(xPolicyWorkflow, input, run.carried);
  return run.state;
}
