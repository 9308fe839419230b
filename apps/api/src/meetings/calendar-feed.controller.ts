import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthenticatedOrFeedLink } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { Refusals } from '../common/refusals.decorator';
import { CalendarFeedService } from './calendar-feed.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('fiscal-years/:fy')
export class CalendarFeedController {
  constructor(private readonly calendarFeed: CalendarFeedService) {}

  @Get('calendar.ics')
  @AuthenticatedOrFeedLink()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  @ApiQuery({ name: 'feed', required: false, description: 'カレンダーアプリから購読するときのトークン（POST /auth/calendar-feed-link）' })
  @ApiOperation({
    summary: 'カレンダー（iCalendar）',
    description:
      "Access: any logged-in user, or the holder of their subscription link (?feed=, from POST /auth/calendar-feed-link). The year's X meetings and the caller's own deadlines as an iCalendar feed. Dates known only as 上旬/中旬/下旬, and deadlines planned against them, are TENTATIVE and carry X-REFORM-PROVISIONAL:TRUE.",
  })
  @ApiOkResponse({ description: 'iCalendar（RFC 5545）', schema: { type: 'string' } })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  feed(@Param('fy', FiscalYearPipe) fiscalYear: number, @CurrentUser() user: AuthenticatedUser): Promise<string> {
    return this.calendarFeed.feed({ fiscalYear, reader: user });
  }
}
