import { dayAfterMeeting, earliestMeetingDay, fiscalYearLabel, isProvisional, MeetingDate, MONTH_THIRD_LABELS, OWED_ACTION_LABELS, OwedActionType } from '@app/domain';
// eslint-disable-next-line no-restricted-imports -- repository injection predates the rule; moving it into a service is under way
import { LifecycleReadRepository, MeetingRepository } from '@app/persistence';
import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import ical, { ICalEventStatus } from 'ical-generator';
import { Authenticated } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CatalogueService } from '../catalogue/catalogue.service';
import { FiscalYearPipe } from '../common/fiscal-year.param';

const PROVISIONAL = 'X-REFORM-PROVISIONAL';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('fiscal-years/:fy')
export class CalendarFeedController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly meetings: MeetingRepository,
    private readonly reads: LifecycleReadRepository,
  ) {}

  @Get('calendar.ics')
  @Authenticated()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary: 'カレンダー（iCalendar）',
    description:
      "Access: any logged-in user. The year's X meetings and the caller's own deadlines as an iCalendar feed. Dates known only as 上旬/中旬/下旬, and deadlines planned against them, are TENTATIVE and carry X-REFORM-PROVISIONAL:TRUE.",
  })
  async feed(@Param('fy', FiscalYearPipe) fiscalYear: number, @CurrentUser() user: AuthenticatedUser): Promise<string> {
    await this.catalogue.structure(fiscalYear);
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
    const tasks = await this.reads.tasksFor(user, { page: 1, pageSize: 500 });
    for (const task of tasks.items.filter((item) => item.fiscalYear === fiscalYear && item.dueAt)) {
      const due = task.dueAt as Date;
      const event = calendar.createEvent({
        id: `deadline-${fiscalYear}-${task.clusterNo}-${task.reportKind}-${user.id}@reform-engine`,
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
