import { Role } from '@app/domain';
import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { ClusterNoPipe, FiscalYearPipe } from '../common/fiscal-year.param';
import { CatalogueService } from './catalogue.service';
import { ClusterListQuery, ClusterPage, ClusterView, UpdateClusterRequest } from './cluster.dto';

@ApiTags('clusters')
@ApiBearerAuth()
@Controller('fiscal-years/:fy/clusters')
export class ClustersController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '事業群の一覧', description: 'Access: any logged-in user. Paged; filter by group, kind, stage, owning bureau and the analysed flag.' })
  @ApiOkResponse({ type: ClusterPage })
  list(@Param('fy', FiscalYearPipe) fiscalYear: number, @Query() query: ClusterListQuery): Promise<ClusterPage> {
    const { page, pageSize, analysed, ...filter } = query;
    return this.catalogue.listClusters(fiscalYear, { ...filter, analysedThisYear: analysed }, page, pageSize);
  }

  @Get(':no')
  @Authenticated()
  @ApiOperation({ summary: '事業群の詳細', description: 'Access: any logged-in user.' })
  @ApiOkResponse({ type: ClusterView })
  @ApiNotFoundResponse({ description: '年度または事業群がありません' })
  get(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('no', ClusterNoPipe) no: number): Promise<ClusterView> {
    return this.catalogue.getCluster(fiscalYear, no);
  }

  @Patch(':no')
  @Roles(Role.ReformOffice)
  @ApiOperation({ summary: '事業群の設定変更', description: 'Access: reform-office. Sets the owning bureau and whether the cluster is analysed this fiscal year.' })
  @ApiOkResponse({ type: ClusterView })
  update(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Body() body: UpdateClusterRequest,
  ): Promise<ClusterView> {
    return this.catalogue.updateCluster(fiscalYear, no, body);
  }
}
