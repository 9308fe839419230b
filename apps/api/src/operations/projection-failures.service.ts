import { CLUSTER_ACTION_LABELS, ClusterAction, toTokyoIsoString } from '@app/domain';
import { ClusterEventRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { ProjectionFailurePage } from './projection-failure.dto';

/** Events the read model could not take: kept, so an admin sees what is missing from the screens and why. */
@Injectable()
export class ProjectionFailuresService {
  constructor(private readonly events: ClusterEventRepository) {}

  async list(page: number, pageSize: number): Promise<ProjectionFailurePage> {
    const found = await this.events.listFailures({ page, pageSize });
    return {
      ...found,
      items: found.items.map((failure) => ({
        ...failure,
        actionLabel: CLUSTER_ACTION_LABELS[failure.action as ClusterAction] ?? failure.action,
        failedAt: toTokyoIsoString(failure.failedAt),
      })),
    };
  }
}
