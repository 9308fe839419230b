import { fiscalYearLabel, isClosedStage, refused, STAGE_LABELS } from '@app/domain';
import { CatalogueRepository } from '@app/persistence';
import { clusterWorkflowId, forEachAtMost } from '@app/temporal';
import { Injectable } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ClusterLifecycleService } from './cluster-lifecycle.service';
import { BulkKickoffResponse, KickoffResponse } from './dto/kickoff.dto';
import { KickoffClusterCommand, KickoffFlaggedCommand } from './lifecycle.commands';

/**
 * Starting workflows several at a time keeps a bulk kickoff quick without flooding the server: a year
 * of Kitakyushu's size starts at once, a larger one 64 at a time. Measured on 2 cores: the 57 of FY2024
 * reach the read model in 1.4–1.9 s, against 1.7–2.1 s 16 at a time.
 */
const KICKOFF_CONCURRENCY = 64;

/** 着手: of one cluster, or of every cluster flagged for this year's analysis. */
@Injectable()
export class KickoffService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly catalogueRepository: CatalogueRepository,
    private readonly lifecycle: ClusterLifecycleService,
  ) {}

  async kickoffCluster({ fiscalYear, clusterNo, meeting, actor, requestKey }: KickoffClusterCommand): Promise<KickoffResponse> {
    const cluster = await this.catalogue.requireCluster(fiscalYear, clusterNo);
    const outcome = await this.lifecycle.kickoff(cluster, meeting, actor, requestKey);
    await this.lifecycle.startCalendar(fiscalYear);
    if (outcome === 'refused') {
      const now = await this.catalogue.reload(cluster);
      const current = await this.lifecycle.currentState(now);
      if (isClosedStage(now.stage)) {
        throw refused('cluster.closed', `${fiscalYearLabel(fiscalYear)}の「${cluster.name}」（No.${clusterNo}）の経営分析は${STAGE_LABELS[now.stage]}のため、もう一度着手することはできません`, {
          current,
        });
      }
      throw refused('cluster.already-started', `${fiscalYearLabel(fiscalYear)}の「${cluster.name}」（No.${clusterNo}）は既に経営分析に着手しています`, { current });
    }
    return { workflowId: clusterWorkflowId(fiscalYear, clusterNo), started: true };
  }

  /**
   * Idempotent: clusters already running are counted, not restarted; those without an owning bureau
   * are listed with the reason. The year's settings and calendar are read once, and the clusters are
   * started KICKOFF_CONCURRENCY at a time, the next as soon as one is done.
   */
  async kickoffFlagged({ fiscalYear, meeting, actor }: KickoffFlaggedCommand): Promise<BulkKickoffResponse> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const flagged = await this.catalogueRepository.listAllClusters(fiscalYear, { analysedThisYear: true });
    const answer: BulkKickoffResponse = { started: 0, alreadyRunning: 0, skipped: [], flagged: flagged.length };
    const year = await this.lifecycle.kickoffYear(fiscalYear);
    await forEachAtMost(KICKOFF_CONCURRENCY, flagged, async (cluster) => {
      if (!cluster.owningBureau) {
        answer.skipped.push({ no: cluster.no, name: cluster.name, reason: '所管局が設定されていません' });
        return;
      }
      if (isClosedStage(cluster.stage)) {
        answer.skipped.push({ no: cluster.no, name: cluster.name, reason: `経営分析は${STAGE_LABELS[cluster.stage]}です` });
        return;
      }
      const outcome = await this.lifecycle.kickoff(cluster, meeting, actor, undefined, year);
      if (outcome === 'started') answer.started += 1;
      else answer.alreadyRunning += 1;
    });
    answer.skipped.sort((a, b) => a.no - b.no);
    await this.lifecycle.startCalendar(fiscalYear);
    return answer;
  }
}
