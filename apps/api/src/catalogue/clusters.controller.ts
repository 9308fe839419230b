import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/access-rule.decorator';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { Refusals } from '../common/refusals.decorator';
import { ClusterBoardService } from './cluster-board.service';
import { ClusterListQuery, ClusterPage } from './cluster.dto';

@ApiTags('clusters')
@ApiBearerAuth()
@Controller('fiscal-years/:fy/clusters')
export class ClustersController {
  constructor(private readonly board: ClusterBoardService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '事業群の一覧（進捗ボード）', description: 'Access: any logged-in user. Paged; filter by number (`no`, repeated), group, kind, stage, owning bureau, the analysed flag and whether a deadline is overdue (decided on the whole year before paging). Each row has its reports\' states and the next deadline still owed, with the meeting it is for.' })
  @ApiOkResponse({ type: ClusterPage })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  list(@Param('fy', FiscalYearPipe) fiscalYear: number, @Query() query: ClusterListQuery): Promise<ClusterPage> {
    const { page, pageSize, analysed, no, ...filter } = query;
    return this.board.list(fiscalYear, { ...filter, analysedThisYear: analysed, nos: no }, page, pageSize);
  }
}
