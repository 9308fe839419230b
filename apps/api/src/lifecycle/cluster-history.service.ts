import { CLUSTER_ACTION_LABELS, ClusterAction, refused, toTokyoIsoString } from '@app/domain';
import { ClusterEventRepository, LifecycleReadRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ReportTextView } from './dto/cluster-detail.dto';
import { HistoryPage } from './dto/history.dto';
import { ClusterHistoryQuery, ReportVersionQuery } from './lifecycle.commands';

/** What a cluster went through: its audit trail and every saved version of its reports. */
@Injectable()
export class ClusterHistoryService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly events: ClusterEventRepository,
    private readonly reads: LifecycleReadRepository,
  ) {}

  async history({ fiscalYear, clusterNo, page, pageSize }: ClusterHistoryQuery): Promise<HistoryPage> {
    await this.catalogue.requireCluster(fiscalYear, clusterNo);
    const entries = await this.events.listForCluster(fiscalYear, clusterNo, { page, pageSize });
    return {
      ...entries,
      items: entries.items.map((entry) => ({
        eventId: entry.eventId,
        occurredAt: toTokyoIsoString(entry.occurredAt),
        actor: { id: entry.actorId, name: entry.actorName },
        action: entry.action,
        actionLabel: CLUSTER_ACTION_LABELS[entry.action as ClusterAction] ?? entry.action,
        fromStage: entry.fromState,
        toStage: entry.toState,
        reportKind: entry.reportKind,
        comment: entry.comment,
        details: entry.details,
      })),
    };
  }

  async reportVersion({ fiscalYear, clusterNo, reportKind, version }: ReportVersionQuery): Promise<ReportTextView> {
    await this.catalogue.requireCluster(fiscalYear, clusterNo);
    const text = await this.reads.findText(fiscalYear, clusterNo, reportKind, version);
    if (!text) throw refused('report.version-unknown', `${reportKind} の第${version}版はありません`);
    return {
      version: text.version,
      title: text.title,
      body: text.body,
      empty: text.body.trim() === '',
      savedBy: { id: text.savedById, name: text.savedByName },
      savedAt: toTokyoIsoString(text.savedAt),
    };
  }
}
