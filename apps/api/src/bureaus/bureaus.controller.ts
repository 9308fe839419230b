import { Role } from '@app/domain';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { PageQuery } from '../common/page.dto';
import { Refusals } from '../common/refusals.decorator';
import { BureauPage, BureauView, CreateBureauRequest } from './bureau.dto';
import { BureausService } from './bureaus.service';

@ApiTags('bureaus')
@ApiBearerAuth()
@Controller('bureaus')
export class BureausController {
  constructor(private readonly bureaus: BureausService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '局の一覧', description: 'Access: any logged-in user. Paged, sorted by code; demo bureaus are marked isDemo.' })
  @ApiOkResponse({ type: BureauPage })
  @Refusals('request.invalid')
  list(@Query() query: PageQuery): Promise<BureauPage> {
    return this.bureaus.list(query.page, query.pageSize);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: '局の登録', description: 'Access: admin. Registers a bureau (局・室・区) that users belong to and clusters are owned by.' })
  @ApiCreatedResponse({ type: BureauView })
  @Refusals('request.invalid', 'bureau.exists')
  create(@Body() body: CreateBureauRequest): Promise<BureauView> {
    return this.bureaus.create(body);
  }
}
