import { ClusterStage, isOverdue, OWED_ACTION_LABELS, OwedActionType, STAGE_LABELS, toTokyoIsoString } from '@app/domain';
import { LifecycleReadRepository, TaskOwner } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { TaskPage } from './task.dto';

export interface TasksQuery {
  readonly owner: TaskOwner;
  readonly page: number;
  readonly pageSize: number;
}

/** What a person has to do next: drafts to write or revise, decisions awaiting them. */
@Injectable()
export class TasksService {
  constructor(private readonly reads: LifecycleReadRepository) {}

  async tasks({ owner, page, pageSize }: TasksQuery): Promise<TaskPage> {
    const now = new Date().toISOString();
    const tasks = await this.reads.tasksFor(owner, { page, pageSize });
    return {
      ...tasks,
      items: tasks.items.map((task) => ({
        ...task,
        stageLabel: STAGE_LABELS[task.stage as ClusterStage] ?? task.stage,
        actionLabel: OWED_ACTION_LABELS[task.action as OwedActionType] ?? task.action,
        since: toTokyoIsoString(task.since),
        dueAt: task.dueAt ? toTokyoIsoString(task.dueAt) : null,
        overdue: isOverdue(task.dueAt ? task.dueAt.toISOString() : null, now),
        link: `/api/v1/fiscal-years/${task.fiscalYear}/clusters/${task.clusterNo}`,
      })),
    };
  }
}
