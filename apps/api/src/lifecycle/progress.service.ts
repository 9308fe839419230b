import { countProgress, isOverdue, OWED_ACTION_LABELS, OwedActionType, toTokyoIsoString } from '@app/domain';
import { CatalogueRepository, LifecycleReadRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ProgressView } from './dto/progress.dto';

/** The year's progress view, counted by the domain from the read model. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly catalogueRepository: CatalogueRepository,
    private readonly reads: LifecycleReadRepository,
  ) {}

  async progress(fiscalYear: number): Promise<ProgressView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const now = new Date().toISOString();
    const [byCategory, byBureau, items] = await Promise.all([
      this.reads.progressByCategory(fiscalYear),
      this.reads.progressByBureau(fiscalYear),
      this.reads.openItems(fiscalYear),
    ]);
    const openItems = items.map((item) => ({ ...item, dueAt: item.dueAt ? item.dueAt.toISOString() : null }));
    // Where each cluster sits matters only for overdue items, so the catalogue is read only when there are some.
    const placements = openItems.some((item) => isOverdue(item.dueAt, now))
      ? (await this.catalogueRepository.listAllClusters(fiscalYear, {})).map((cluster) => ({
          no: cluster.no,
          groupCode: cluster.group.code,
          kindCode: cluster.kind?.code ?? null,
          bureauCode: cluster.owningBureau?.code ?? null,
        }))
      : [];
    const progress = countProgress({ byCategory, byBureau, openItems, placements, now });
    return {
      fiscalYear,
      overall: { ...progress.overall, byStage: { ...progress.overall.byStage } },
      byCategory: progress.byCategory.map((entry) => ({ ...entry, byStage: { ...entry.byStage } })),
      byBureau: progress.byBureau.map((entry) => ({ ...entry, byStage: { ...entry.byStage } })),
      openItems: openItems.map((item) => ({
        clusterNo: item.clusterNo,
        clusterName: item.clusterName,
        reportKind: item.reportKind,
        reportLabel: item.reportLabel,
        action: item.action,
        actionLabel: OWED_ACTION_LABELS[item.action as OwedActionType] ?? item.action,
        role: item.role,
        bureauCode: item.bureauCode,
        dueAt: item.dueAt ? toTokyoIsoString(item.dueAt) : null,
        provisional: item.provisional,
        overdue: isOverdue(item.dueAt, now),
      })),
    };
  }
}
