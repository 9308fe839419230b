import { CalendarSettings, Role } from '@app/domain';
import { Body, Controller, Get, Param, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { AuthenticatedRequest } from '../auth/current-user.decorator';
import { participantOf } from '../auth/participant';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { workflowUpdateKey } from '../common/idempotency.interceptor';
import { Refusals } from '../common/refusals.decorator';
import { CalendarService } from './calendar.service';
import { CalendarSettingsDto, ChangeMeetingRequest, CreateMeetingRequest, MeetingView } from './meeting.dto';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('fiscal-years/:fy')
export class MeetingsController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('meetings')
  @Authenticated()
  @ApiOperation({ summary: 'X会議の日程と議題', description: 'Access: any logged-in user. The fiscal year\'s meetings in date order, each with its agenda; dates may be 上旬/中旬/下旬.' })
  @ApiOkResponse({ type: [MeetingView] })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  list(@Param('fy', FiscalYearPipe) fiscalYear: number): Promise<MeetingView[]> {
    return this.calendar.list(fiscalYear);
  }

  @Post('meetings')
  @Roles(Role.ReformOffice)
  @ApiOperation({ summary: 'X会議の追加', description: 'Access: reform-office. Adds a meeting with its date (exact or a third of a month) and agenda.' })
  @ApiCreatedResponse({ type: MeetingView })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'meeting.exists', 'reform-office.only', 'temporal.unavailable')
  create(@Param('fy', FiscalYearPipe) fiscalYear: number, @Body() body: CreateMeetingRequest, @Req() request: AuthenticatedRequest): Promise<MeetingView> {
    const { id, ...fields } = body;
    return this.calendar.change({ ...fields, fiscalYear, meetingId: id, create: true, actor: participantOf(requireUser(request)), requestKey: workflowUpdateKey(request) });
  }

  @Patch('meetings/:id')
  @Roles(Role.ReformOffice)
  @ApiOperation({
    summary: 'X会議の日程・議題の変更',
    description:
      'Access: reform-office. Moves a meeting (or fixes a 上旬/中旬/下旬 date to an exact one) or edits its agenda. Every deadline and pending reminder pegged to it moves at once; those affected are told the new date; the change is in the audit trail.',
  })
  @ApiOkResponse({ type: MeetingView })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'meeting.unknown', 'reform-office.only', 'temporal.unavailable')
  change(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('id') meetingId: string,
    @Body() body: ChangeMeetingRequest,
    @Req() request: AuthenticatedRequest,
  ): Promise<MeetingView> {
    return this.calendar.change({ ...body, fiscalYear, meetingId, create: false, actor: participantOf(requireUser(request)), requestKey: workflowUpdateKey(request) });
  }

  @Get('calendar-settings')
  @Authenticated()
  @ApiOperation({ summary: '期限・督促の設定', description: 'Access: any logged-in user. Which meeting each deadline is pegged to and how long before; reminder offsets; digest lead; due time.' })
  @ApiOkResponse({ type: CalendarSettingsDto })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'calendar-settings.unknown')
  settings(@Param('fy', FiscalYearPipe) fiscalYear: number): Promise<CalendarSettings> {
    return this.calendar.settings(fiscalYear);
  }

  @Put('calendar-settings')
  @Roles(Role.ReformOffice)
  @ApiOperation({ summary: '期限・督促の設定変更', description: 'Access: reform-office. Applies at once: every running analysis re-plans its deadlines and reminders.' })
  @ApiOkResponse({ type: CalendarSettingsDto })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'temporal.unavailable')
  changeSettings(@Param('fy', FiscalYearPipe) fiscalYear: number, @Body() body: CalendarSettingsDto, @Req() request: AuthenticatedRequest): Promise<CalendarSettings> {
    return this.calendar.changeSettings(fiscalYear, body, participantOf(requireUser(request)));
  }
}

function requireUser(request: AuthenticatedRequest) {
  if (!request.user) throw new Error('meeting changes require authentication');
  return request.user;
}
