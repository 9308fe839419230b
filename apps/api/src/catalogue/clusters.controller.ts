import { ACTION_ROLES, actorOf } from '@app/domain';
import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { participantOf } from '../auth/participant';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { Refusals } from '../common/refusals.decorator';
import { CatalogueService } from './catalogue.service';
import { ClusterBoardService } from './cluster-board.service';
import { AnalysedChangeView, ClusterListQuery, ClusterPage, SetAnalysedRequest } from './cluster.dto';

@ApiTags('clusters')
@ApiBearerAuth()
@Controller('fiscal-years/:fy/clusters')
export class ClustersController {
  constructor(
    private readonly board: ClusterBoardService,
    private readonly catalogue: CatalogueService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '事業群の一覧（進捗ボード）', description: 'Access: any logged-in user. Paged; filter by number (`no`, repeated), group, kind, stage, owning bureau, the analysed flag and whether a deadline is overdue (decided on the whole year before paging). Each row has its reports\' states and the next deadline still owed, with the meeting it is for.' })
  @ApiOkResponse({ type: ClusterPage })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  list(@Param('fy', FiscalYearPipe) fiscalYear: number, @Query() query: ClusterListQuery): Promise<ClusterPage> {
    const { page, pageSize, analysed, no, ...filter } = query;
    return this.board.list(fiscalYear, { ...filter, analysedThisYear: analysed, nos: no }, page, pageSize);
  }

  @Patch()
  @Roles(...ACTION_ROLES.changeCluster)
  @ApiOperation({
    summary: '分析対象の一括設定',
    description:
      "Access: reform-office. Sets whether each numbered cluster is analysed this fiscal year, up to 1,000 at once: all of them, or none when a number is not a cluster of the year. Answers how many changed and how many had the flag already; repeating it changes nothing more. Kicking the flagged clusters off is POST /fiscal-years/{fy}/kickoff.",
  })
  @ApiOkResponse({ type: AnalysedChangeView })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  setAnalysed(@Param('fy', FiscalYearPipe) fiscalYear: number, @Body() body: SetAnalysedRequest, @CurrentUser() user: AuthenticatedUser): Promise<AnalysedChangeView> {
    return this.catalogue.setAnalysedThisYear(fiscalYear, body.nos, body.analysedThisYear, actorOf(participantOf(user)));
  }
}
