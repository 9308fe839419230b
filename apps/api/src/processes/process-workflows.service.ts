import { Actor, Refusal, refusalClassOf, ProcessSubject } from '@app/domain';
import { processWorkflowId, TEMPORAL_OPTIONS, TemporalOptions, withinRequestDeadline } from '@app/temporal';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { awaitProcessStart, calendarChanged, ProcessInput, ProcessUpdateOutcome } from '@app/workflows';
import { refusalOf, withCurrent } from '../common/refusal-of';

/** A conflict, or a save based on an older version: the client needs the state that refused it. */
const refusalShowsCurrent = (refusal: Refusal) => ['conflict', 'precondition-failed'].includes(refusalClassOf(refusal));

/** What to say when the subject's workflow is not running: never started, or ended. */
export interface NotRunning {
  (): Promise<Refusal>;
}

/**
 * Starts and updates the workflows of the Platinum project and the X policies. Every call runs under
 * the request deadline (503 temporal.unavailable past it), and a retry with the same
 * Idempotency-Key attaches to the same Update.
 */
@Injectable()
export class ProcessWorkflowsService {
  constructor(
    private readonly client: Client,
    @Inject(TEMPORAL_OPTIONS) private readonly temporal: TemporalOptions,
  ) {}

  /**
   * Starts the subject's workflow and answers once its start is in the read model; `exists` when it
   * was started before (running or ended: an ended instance is never started again).
   */
  async start<S>(workflowType: string, subject: ProcessSubject, start: S, startedBy: Actor): Promise<'started' | 'exists'> {
    const input: ProcessInput<S> = { start, startedBy };
    try {
      await withinRequestDeadline(this.client, this.temporal, () =>
        this.client.workflow.executeUpdateWithStart(awaitProcessStart, {
          startWorkflowOperation: new WithStartWorkflowOperation(workflowType, {
            workflowId: processWorkflowId(subject),
            taskQueue: this.temporal.taskQueue,
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            workflowIdConflictPolicy: 'FAIL',
            args: [input],
          }),
        }),
      );
      return 'started';
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return 'exists';
      throw error;
    }
  }

  /** Runs one command as a Workflow Update; a refusal comes back with what the subject looks like now. */
  async act<C>(
    subject: ProcessSubject,
    update: UpdateDefinition<ProcessUpdateOutcome, [C]>,
    command: C,
    requestKey: string | undefined,
    current: () => Promise<Readonly<Record<string, unknown>>>,
    notRunning: NotRunning,
  ): Promise<ProcessUpdateOutcome> {
    const handle = this.client.workflow.getHandle(processWorkflowId(subject));
    try {
      return await withinRequestDeadline(this.client, this.temporal, () => handle.executeUpdate(update, { args: [command], ...(requestKey ? { updateId: requestKey } : {}) }));
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) throw withCurrent(refusal, refusalShowsCurrent(refusal) ? await current() : null);
      if (error instanceof WorkflowNotFoundError) throw withCurrent(await notRunning(), await current());
      throw error;
    }
  }

  /** Tells running instances that what their deadlines are pegged to changed, so they re-plan now. */
  async tellDeadlinesChanged(subjects: readonly ProcessSubject[], changedBy: Actor, changeId: string): Promise<void> {
    await Promise.all(
      subjects.map((subject) =>
        withinRequestDeadline(this.client, this.temporal, () => this.client.workflow.getHandle(processWorkflowId(subject)).signal(calendarChanged, { changedBy, changeId })).catch(
          (error: unknown) => {
            // An instance that has ended has nothing to re-plan.
            if (!(error instanceof WorkflowNotFoundError)) throw error;
          },
        ),
      ),
    );
  }
}
