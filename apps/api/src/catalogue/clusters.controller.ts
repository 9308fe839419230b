import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/access-rule.decorator';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { Refusals } from '../common/refusals.decorator';
import { CatalogueService } from './catalogue.service';
import { ClusterListQuery, ClusterPage } from './cluster.dto';

@ApiTags('clusters')
@ApiBearerAuth()
@Controller('fiscal-years/:fy/clusters')
export class ClustersController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '事業群の一覧', description: 'Access: any logged-in user. Paged; filter by group, kind, stage, owning bureau and the analysed flag.' })
  @ApiOkResponse({ type: ClusterPage })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  list(@Param('fy', FiscalYearPipe) fiscalYear: number, @Query() query: ClusterListQuery): Promise<ClusterPage> {
    const { page, pageSize, analysed, ...filter } = query;
    return this.catalogue.listClusters(fiscalYear, { ...filter, analysedThisYear: analysed }, page, pageSize);
  }
}
