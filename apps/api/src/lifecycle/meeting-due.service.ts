import { ClusterStage, Participant, refused } from '@app/domain';
import { CatalogueRepository, MeetingRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ClusterDetailService } from './cluster-detail.service';
import { MeetingDueItemView } from './dto/meeting-due.dto';

/** What falls due for one meeting: every running or closed analysis's deadline pegged to it, as each cluster's detail tells it. */
@Injectable()
export class MeetingDueService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly catalogueRepository: CatalogueRepository,
    private readonly meetings: MeetingRepository,
    private readonly details: ClusterDetailService,
  ) {}

  async dueFor(fiscalYear: number, meetingId: string, caller: Participant): Promise<MeetingDueItemView[]> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    if (!(await this.meetings.list(fiscalYear)).some((meeting) => meeting.id === meetingId)) throw refused('meeting.unknown', `会議 ${meetingId} はありません`);
    // Only kicked-off analyses owe anything; their deadlines are the ones their workflow planned.
    const clusters = (await this.catalogueRepository.listAllClusters(fiscalYear, {})).filter(
      (row) => row.stage !== ClusterStage.NotStarted && row.deadlines.some((deadline) => deadline.meetingId === meetingId),
    );
    const details = await Promise.all(clusters.map((row) => this.details.detailOf(row, caller)));
    return details
      .flatMap((detail) =>
        detail.deadlines
          .filter((deadline) => deadline.meetingId === meetingId)
          .map((deadline) => ({ ...deadline, clusterNo: detail.no, clusterName: detail.name, bureauName: detail.owningBureau?.name ?? null })),
      )
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.clusterNo - b.clusterNo);
  }
}
