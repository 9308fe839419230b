import { Role } from '@app/domain';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { Refusals } from '../common/refusals.decorator';
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
  @ApiCreatedResponse({ type: FiscalYearView })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'fiscal-year.exists')
  create(@Body() body: CreateFiscalYearRequest): Promise<FiscalYearView> {
    return this.catalogue.createFiscalYear(body.fiscalYear, body.copyFrom);
  }

  @Get(':fy/catalogue')
  @Authenticated()
  @ApiOperation({ summary: '区分と種別', description: 'Access: any logged-in user. The groups and kinds of the year, with their descriptions.' })
  @ApiOkResponse({ type: CatalogueStructureView })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  structure(@Param('fy', FiscalYearPipe) fiscalYear: number): Promise<CatalogueStructureView> {
    return this.catalogue.structure(fiscalYear);
  }
}
