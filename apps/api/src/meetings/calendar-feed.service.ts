import { dayAfterMeeting, earliestMeetingDay, fiscalYearLabel, isProvisional, MeetingDate, MONTH_THIRD_LABELS, OWED_ACTION_LABELS, OwedActionType } from '@app/domain';
import { LifecycleReadRepository, MeetingRepository, TaskOwner } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import ical, { ICalEventStatus } from 'ical-generator';
import { CatalogueService } from '../catalogue/catalogue.service';

const PROVISIONAL = 'X-REFORM-PROVISIONAL';

export interface CalendarFeedQuery {
  readonly fiscalYear: number;
  readonly reader: TaskOwner;
}

/** The year's X meetings and the reader's own deadlines, as an iCalendar feed. */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly meetings: MeetingRepository,
    private readonly reads: LifecycleReadRepository,
  ) {}

  async feed({ fiscalYear, reader }: CalendarFeedQuery): Promise<string> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const calendar = ical({ name: `市政変革 ${fiscalYearLabel(fiscalYear)}`, timezone: 'Asia/Tokyo', prodId: { company: 'Kitakyushu City', product: 'reform-engine', language: 'JA' } });
    for (const meeting of await this.meetings.list(fiscalYear)) {
      const provisional = isProvisional(meeting.date);
      const event = calendar.createEvent({
        id: `meeting-${fiscalYear}-${meeting.id}@reform-engine`,
        start: new Date(`${earliestMeetingDay(meeting.date)}T00:00:00Z`),
        end: new Date(`${dayAfterMeeting(meeting.date)}T00:00:00Z`),
        allDay: true,
        summary: provisional ? `${meeting.name}（${thirdLabel(meeting.date)}・日程未確定）` : meeting.name,
        description: meeting.agenda.length > 0 ? `議題: ${meeting.agenda.map((item) => `No.${item.clusterNo} ${item.reportKind}`).join('、')}` : undefined,
        status: provisional ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      });
      event.x([{ key: PROVISIONAL, value: provisional ? 'TRUE' : 'FALSE' }]);
    }
    const tasks = await this.reads.tasksFor(reader, { page: 1, pageSize: 500 });
    for (const task of tasks.items.filter((item) => item.fiscalYear === fiscalYear && item.dueAt)) {
      const due = task.dueAt as Date;
      const event = calendar.createEvent({
        id: `deadline-${fiscalYear}-${task.clusterNo}-${task.reportKind}-${reader.id}@reform-engine`,
        start: due,
        end: due,
        summary: `【期限${task.provisional ? '・暫定' : ''}】No.${task.clusterNo} ${task.clusterName}「${task.reportLabel}」の${OWED_ACTION_LABELS[task.action as OwedActionType] ?? task.action}`,
        description: `/api/v1/fiscal-years/${fiscalYear}/clusters/${task.clusterNo}`,
        status: task.provisional ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      });
      event.x([{ key: PROVISIONAL, value: task.provisional ? 'TRUE' : 'FALSE' }]);
    }
    return calendar.toString();
  }
}

function thirdLabel(date: MeetingDate): string {
  return date.kind === 'third' ? `${Number(date.month.slice(5))}月${MONTH_THIRD_LABELS[date.third]}` : '';
}
