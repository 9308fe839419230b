import { clusterHistoryActionLabel, refused, toTokyoIsoString } from '@app/domain';
import { ClusterEventRepository, LifecycleReadRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ReportTextView } from './dto/cluster-detail.dto';
import { HistoryPage } from './dto/history.dto';
import { ClusterHistoryQuery, ReportVersionQuery } from './lifecycle.commands';
import { ReportTextAccessService } from './report-text-access.service';

/** What of an entry's details is a report's text rather than a fact about it. */
const TEXT_DETAILS = new Set(['title', 'body', 'comment']);

/** What a cluster went through: its audit trail and every saved version of its reports. */
@Injectable()
export class ClusterHistoryService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly events: ClusterEventRepository,
    private readonly reads: LifecycleReadRepository,
    private readonly textAccess: ReportTextAccessService,
  ) {}

  /** Every entry is listed; of a report whose texts the caller may not read, its comment and titles are left out. */
  async history({ fiscalYear, clusterNo, page, pageSize, caller }: ClusterHistoryQuery): Promise<HistoryPage> {
    await this.catalogue.requireCluster(fiscalYear, clusterNo);
    const [entries, state] = await Promise.all([this.events.listForCluster(fiscalYear, clusterNo, { page, pageSize }), this.reads.findCase(fiscalYear, clusterNo)]);
    const mayRead = await this.textAccess.readerFor(fiscalYear, state, caller);
    return {
      ...entries,
      items: entries.items.map((entry) => ({ readable: mayRead(entry.reportKind), entry })).map(({ readable, entry }) => ({
        eventId: entry.eventId,
        occurredAt: toTokyoIsoString(entry.occurredAt),
        actor: { id: entry.actorId, name: entry.actorName },
        action: entry.action,
        actionLabel: clusterHistoryActionLabel(entry.action),
        fromStage: entry.fromState,
        toStage: entry.toState,
        reportKind: entry.reportKind,
        comment: readable ? entry.comment : null,
        details: readable ? entry.details : Object.fromEntries(Object.entries(entry.details).filter(([key]) => !TEXT_DETAILS.has(key))),
        textsRestricted: !readable,
      })),
    };
  }

  /** A version's text, for those who may read it; 404 for the others whether or not the version exists. */
  async reportVersion({ fiscalYear, clusterNo, reportKind, version, caller }: ReportVersionQuery): Promise<ReportTextView> {
    await this.catalogue.requireCluster(fiscalYear, clusterNo);
    await this.textAccess.requireReader(fiscalYear, clusterNo, await this.reads.findCase(fiscalYear, clusterNo), reportKind, caller);
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
