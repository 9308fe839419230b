import { Role } from '@app/domain';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { CatalogueService } from './catalogue.service';
import { CatalogueStructureView, CreateFiscalYearRequest, FiscalYearView } from './fiscal-year.dto';

@ApiTags('fiscal-years')
@ApiBearerAuth()
@Controller('fiscal-years')
export class FiscalYearsController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '年度の一覧', description: 'Access: any logged-in user.' })
  @ApiOkResponse({ type: [FiscalYearView] })
  list(): Promise<FiscalYearView[]> {
    return this.catalogue.listFiscalYears();
  }

  @Post()
  @Roles(Role.ReformOffice, Role.Admin)
  @ApiOperation({
    summary: '年度の作成（前年度の複製）',
    description: 'Access: reform-office, admin. Copies groups, kinds, clusters and owning bureaus of `copyFrom`; lifecycle state and the analysed flag start afresh.',
  })
  @ApiNotFoundResponse({ description: '複製元の年度がありません' })
  @ApiConflictResponse({ description: '年度は既に登録されています' })
  create(@Body() body: CreateFiscalYearRequest): Promise<FiscalYearView> {
    return this.catalogue.createFiscalYear(body.fiscalYear, body.copyFrom);
  }

  @Get(':fy/catalogue')
  @Authenticated()
  @ApiOperation({ summary: '区分と種別', description: 'Access: any logged-in user. The groups and kinds of the year, with their descriptions.' })
  @ApiOkResponse({ type: CatalogueStructureView })
  structure(@Param('fy', FiscalYearPipe) fiscalYear: number): Promise<CatalogueStructureView> {
    return this.catalogue.structure(fiscalYear);
  }
}
