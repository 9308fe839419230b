import { eligibleDelegates, Participant, refusalClassOf, RefusedError, refused, Role } from '@app/domain';
import { LifecycleReadRepository, UserRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { withCurrent } from '../common/refusal-of';
import { ClusterLifecycleService } from './cluster-lifecycle.service';
import { DelegateCandidateView } from './dto/cluster-detail.dto';

/** A bureau has a handful of holders of one role; this bounds the read, not the answer. */
const MAX_CANDIDATES = 1000;

/** 代理: the active users the caller could hand a report's current step to, as the lifecycle rules judge them. */
@Injectable()
export class DelegateCandidatesService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly reads: LifecycleReadRepository,
    private readonly users: UserRepository,
    private readonly lifecycle: ClusterLifecycleService,
  ) {}

  async candidates(fiscalYear: number, clusterNo: number, kind: string, caller: Participant): Promise<DelegateCandidateView[]> {
    const cluster = await this.catalogue.requireCluster(fiscalYear, clusterNo);
    const state = await this.reads.findCase(fiscalYear, clusterNo);
    if (!state) throw refused('cluster.not-started', `「${cluster.name}」はまだ経営分析に着手していません`);
    const report = state.reports.find((candidate) => candidate.kind === kind);
    const step = report?.submission?.steps[report.submission.currentStep];
    const holders = step?.role
      ? (await this.users.list({ role: step.role, bureau: step.bureauCode ?? undefined, active: true }, { page: 1, pageSize: MAX_CANDIDATES })).items
      : [];
    const answer = eligibleDelegates(
      state,
      kind,
      caller,
      holders.map((user) => ({ id: user.id, name: user.displayName, roles: user.roles as Role[], bureauCode: user.bureau?.code ?? null, username: user.username })),
    );
    if ('refusal' in answer) {
      throw refusalClassOf(answer.refusal) === 'conflict' ? withCurrent(answer.refusal, await this.lifecycle.currentState(cluster)) : new RefusedError(answer.refusal);
    }
    return answer.eligible.map((user) => ({ username: user.username, displayName: user.name }));
  }
}
