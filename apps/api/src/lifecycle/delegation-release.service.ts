import { DelegateStanding, Participant, RefusedError } from '@app/domain';
import { LifecycleReadRepository } from '@app/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { PlatinumProposalsService } from '../platinum/platinum-proposals.service';
import { ClusterLifecycleService } from './cluster-lifecycle.service';

/**
 * A delegate whose roles, bureau or account changed may no longer hold the steps delegated to them:
 * each running analysis (and Platinum proposal) where they are the delegate of a current step is told, and its rules decide
 * whether the step returns to the role's holders (recorded in its audit trail as 代理の解除).
 */
@Injectable()
export class DelegationReleaseService {
  private readonly logger = new Logger('DelegationRelease');

  constructor(
    private readonly reads: LifecycleReadRepository,
    private readonly catalogue: CatalogueService,
    private readonly lifecycle: ClusterLifecycleService,
    private readonly proposals: PlatinumProposalsService,
  ) {}

  /** Returns how many steps went back to their role's holders. */
  async afterChangeOf(delegate: DelegateStanding, admin: Participant): Promise<number> {
    let released = 0;
    for (const step of await this.reads.stepsDelegatedTo(delegate.id)) {
      try {
        const cluster = await this.catalogue.requireCluster(step.fiscalYear, step.clusterNo);
        await this.lifecycle.act(cluster, { type: 'release-delegation', actor: admin, kind: step.reportKind, delegate });
        released += 1;
      } catch (error) {
        // Still held (the change did not touch the step's role or bureau), or decided meanwhile: nothing to release.
        if (error instanceof RefusedError && ['delegation.unchanged', 'cluster.closed', 'report.stage-not-open'].includes(error.refusal.code)) continue;
        // The user change stands; the delegate is refused at action time all the same, and the next change of them retries.
        this.logger.error({ err: error, delegateId: delegate.id, ...step }, 'could not return a delegated step to its role holders');
      }
    }
    try {
      released += await this.proposals.releaseDelegationsOf(delegate, admin);
    } catch (error) {
      this.logger.error({ err: error, delegateId: delegate.id }, 'could not return a delegated decision step of a Platinum proposal to its role holders');
    }
    return released;
  }
}
