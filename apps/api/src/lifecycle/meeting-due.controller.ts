import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/access-rule.decorator';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { Refusals } from '../common/refusals.decorator';
import { MeetingDueItemView } from './dto/meeting-due.dto';
import { MeetingDueService } from './meeting-due.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('fiscal-years/:fy/meetings/:id')
export class MeetingDueController {
  constructor(private readonly due: MeetingDueService) {}

  @Get('due')
  @Authenticated()
  @ApiOperation({
    summary: 'X会議に向けた期限',
    description:
      'Access: any logged-in user. Every deadline of a kicked-off cluster pegged to the meeting, earliest first: the cluster, the kickoff or report kind, the due date, whether it is provisional (the meeting known only as 上旬/中旬/下旬), done or overdue.',
  })
  @ApiOkResponse({ type: [MeetingDueItemView] })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'meeting.unknown')
  list(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id') meetingId: string): Promise<MeetingDueItemView[]> {
    return this.due.dueFor(fiscalYear, meetingId);
  }
}
