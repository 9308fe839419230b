import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/access-rule.decorator';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { Refusals } from '../common/refusals.decorator';
import { ClusterBoardService } from './cluster-board.service';
import { NextMeetingPanelView, NextMeetingQuery } from './cluster.dto';

@ApiTags('clusters')
@ApiBearerAuth()
@Controller('fiscal-years/:fy/next-meeting')
export class NextMeetingController {
  constructor(private readonly board: ClusterBoardService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: '次のX会議に向けて',
    description:
      'Access: any logged-in user. The first meeting of the year on or after today (Asia/Tokyo), every kickoff or report still owed for it in two paged lists, those at risk and the others; at risk means past their deadline, or due within 3 business days while the report is still 未着手 / 作成中 / 差戻し (or the cluster not yet kicked off), or a report of a cluster whose kickoff is past its deadline. A report already in 決裁 is not at risk until its deadline passes.',
  })
  @ApiOkResponse({ type: NextMeetingPanelView })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  panel(@Param('fy', FiscalYearPipe) fiscalYear: number, @Query() query: NextMeetingQuery): Promise<NextMeetingPanelView> {
    return this.board.nextMeetingPanel(fiscalYear, query);
  }
}
