import {
  decidePlatinumProject,
  fiscalYearEnd,
  nextPlatinumMove,
  PLATINUM_PHASE_LABELS,
  PlatinumPhase,
  PlatinumProjectCommand,
  PlatinumProjectState,
  ProcessKind,
} from '@app/domain';
import { ProcessInput } from '../process/process.messages';
import { continueProcess, ProcessSpec, runProcess } from '../process/run-process';
import { PLATINUM_PROJECT_KEY, platinumProjectUpdates } from './platinum.messages';

const PLATINUM_PROJECT: ProcessSpec<PlatinumProjectState, PlatinumProjectCommand> = {
  subject: (state) => ({ kind: ProcessKind.PlatinumProject, fiscalYear: state.fiscalYear, key: PLATINUM_PROJECT_KEY }),
  decide: decidePlatinumProject,
  phase: (state) => state.phase,
  bureauCode: () => null,
  closed: (state) => state.phase === PlatinumPhase.Closed,
  owed: () => [],
  noticeContext: (state) => ({
    fiscalYear: state.fiscalYear,
    keyPrefix: `platinum/${state.fiscalYear}`,
    name: `プラチナ市役所プロジェクト（${PLATINUM_PHASE_LABELS[state.phase]}）`,
    link: `/api/v1/fiscal-years/${state.fiscalYear}/platinum`,
  }),
  timedCommand: (state, deadlines) => {
    const move = nextPlatinumMove(state, deadlines, fiscalYearEnd(state.fiscalYear));
    return move ? { at: move.at, command: { type: 'advance', to: move.to, at: move.at } } : null;
  },
};

/** The year's プラチナ市役所プロジェクト: its team, its formation, and its phase as the year's deadlines pass. */
export async function platinumProjectWorkflow(input: ProcessInput<PlatinumProjectState>): Promise<PlatinumProjectState> {
  const run = await runProcess(PLATINUM_PROJECT, input, platinumProjectUpdates);
  if (run.carried) return continueProcess(platinumProjectWorkflow, input, run.carried);
  return run.state;
}
