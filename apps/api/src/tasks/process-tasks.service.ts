import {
  CLOSED_PROCESS_PHASES,
  isOverdue,
  owesProcessItem,
  Participant,
  PlatinumProposalState,
  ProcessDeadline,
  ProcessKind,
  ProcessOwed,
  proposalNoticeContext,
  proposalOwed,
  toTokyoIsoString,
  xPolicyNoticeContext,
  xPolicyOwed,
  XPolicyState,
} from '@app/domain';
import { Page, PageRequest, pageOfList, ProcessReadRepository, ProcessRow } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { ProcessDeadlinesService } from '../processes/process-deadlines.service';
import { ProcessTaskView } from './task.dto';

/** What the caller owes in the Platinum project and the X policies now: the process's own rules say who owes what. */
@Injectable()
export class ProcessTasksService {
  constructor(
    private readonly reads: ProcessReadRepository,
    private readonly deadlines: ProcessDeadlinesService,
  ) {}

  async tasks(caller: Participant, page: PageRequest): Promise<Page<ProcessTaskView>> {
    const rows = await this.reads.listRunning<XPolicyState | PlatinumProposalState>([ProcessKind.XPolicy, ProcessKind.PlatinumProposal], CLOSED_PROCESS_PHASES);
    const deadlinesOf = memo((key: string) => {
      const [kind, year] = key.split('/');
      return this.deadlines.of(kind as ProcessKind, Number(year));
    });
    const now = new Date().toISOString();
    const tasks: ProcessTaskView[] = [];
    for (const row of rows) {
      const { owed, context, webPath } = describe(row);
      for (const item of owed.filter((candidate) => owesProcessItem(candidate, caller))) {
        const deadline = (await deadlinesOf(`${row.subject.kind}/${row.subject.fiscalYear}`)).find((candidate: ProcessDeadline) => candidate.target === item.target);
        tasks.push({
          kind: row.subject.kind,
          fiscalYear: row.subject.fiscalYear,
          subject: context.name,
          what: item.what,
          dueAt: deadline ? toTokyoIsoString(deadline.dueAt) : null,
          provisional: deadline?.provisional ?? false,
          overdue: isOverdue(deadline?.dueAt ?? null, now),
          since: toTokyoIsoString(row.updatedAt),
          link: context.link,
          webPath,
        });
      }
    }
    // Soonest due first; those without a deadline after them.
    return pageOfList(
      tasks.sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999')),
      page,
    );
  }
}

function describe(row: ProcessRow<XPolicyState | PlatinumProposalState>): { owed: ProcessOwed[]; context: { name: string; link: string }; webPath: string } {
  if (row.subject.kind === ProcessKind.XPolicy) {
    const state = row.state as XPolicyState;
    return { owed: xPolicyOwed(state), context: xPolicyNoticeContext(state), webPath: `/fiscal-years/${state.fiscalYear}/x-policies/${state.bureau.code}` };
  }
  const state = row.state as PlatinumProposalState;
  return { owed: proposalOwed(state), context: proposalNoticeContext(state), webPath: `/fiscal-years/${state.fiscalYear}/platinum/proposals/${state.id}` };
}

function memo<T>(compute: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const known = new Map<string, Promise<T>>();
  return (key) => {
    if (!known.has(key)) known.set(key, compute(key));
    return known.get(key) as Promise<T>;
  };
}
