import { refused } from '@app/domain';
import { CatalogueRepository, MeetingRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ClusterDetailService } from './cluster-detail.service';
import { MeetingDueItemView } from './dto/meeting-due.dto';

/** What falls due for one meeting: every running or closed analysis's deadline pegged to it, as each cluster's detail tells it (the same for every reader). */
@Injectable()
export class MeetingDueService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly catalogueRepository: CatalogueRepository,
    private readonly meetings: MeetingRepository,
    private readonly details: ClusterDetailService,
  ) {}

  async dueFor(fiscalYear: number, meetingId: string): Promise<MeetingDueItemView[]> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    if (!(await this.meetings.list(fiscalYear)).some((meeting) => meeting.id === meetingId)) throw refused('meeting.unknown', `会議 ${meetingId} はありません`);
    // Only kicked-off analyses owe anything; their deadlines are the ones their workflow planned, on their rows.
    const clusters = await this.catalogueRepository.listAllClusters(fiscalYear, { plannedFor: meetingId });
    const items = await Promise.all(
      clusters.map(async (row) =>
        (await this.details.deadlineViews(row, row.reports))
          .filter((deadline) => deadline.meetingId === meetingId)
          .map((deadline) => ({ ...deadline, clusterNo: row.no, clusterName: row.name, bureauName: row.owningBureau?.name ?? null })),
      ),
    );
    return items.flat().sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.clusterNo - b.clusterNo);
  }
}
