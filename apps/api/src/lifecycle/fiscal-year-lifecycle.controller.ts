import { Role } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { participantOf } from '../auth/participant';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { Refusals } from '../common/refusals.decorator';
import { BulkKickoffResponse, KickoffRequest } from './dto/kickoff.dto';
import { LifecycleSettingsDto } from './dto/lifecycle-settings.dto';
import { ProgressView } from './dto/progress.dto';
import { KickoffService } from './kickoff.service';
import { LifecycleSettingsService } from './lifecycle-settings.service';
import { ProgressService } from './progress.service';

@ApiTags('lifecycle')
@ApiBearerAuth()
@Controller('fiscal-years/:fy')
export class FiscalYearLifecycleController {
  constructor(
    private readonly kickoffs: KickoffService,
    private readonly progressCounts: ProgressService,
    private readonly lifecycleSettings: LifecycleSettingsService,
  ) {}

  @Post('kickoff')
  @HttpCode(200)
  @Roles(Role.ReformOffice)
  @ApiOperation({
    summary: '一括着手',
    description:
      'Access: reform-office. Kicks off every cluster flagged as analysed this fiscal year, with one kickoff meeting record. Idempotent: clusters already running are counted, not restarted; clusters without an owning bureau are listed with the reason.',
  })
  @ApiOkResponse({ type: BulkKickoffResponse })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'lifecycle-settings.incomplete', 'temporal.unavailable')
  bulkKickoff(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Body() body: KickoffRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<BulkKickoffResponse> {
    return this.kickoffs.kickoffFlagged({ fiscalYear, meeting: body, actor: participantOf(user) });
  }

  @Get('progress')
  @Authenticated()
  @ApiOperation({ summary: '進捗状況', description: 'Access: any logged-in user. Counts of clusters by group × kind × stage, and by owning bureau × stage, each with the number of open items past their deadline; and every open item with its due date, whether it is provisional and whether it is overdue.' })
  @ApiOkResponse({ type: ProgressView })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  progress(@Param('fy', FiscalYearPipe) fiscalYear: number): Promise<ProgressView> {
    return this.progressCounts.progress(fiscalYear);
  }

  @Get('lifecycle-settings')
  @Authenticated()
  @ApiOperation({
    summary: '報告書と決裁経路の設定',
    description: "Access: any logged-in user. The fiscal year's report kinds and approval chain, and whether approved reports are readable by all.",
  })
  @ApiOkResponse({ type: LifecycleSettingsDto })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'lifecycle-settings.unknown')
  settings(@Param('fy', FiscalYearPipe) fiscalYear: number): Promise<LifecycleSettingsDto> {
    return this.lifecycleSettings.settings(fiscalYear) as Promise<LifecycleSettingsDto>;
  }

  @Put('lifecycle-settings')
  @Roles(Role.ReformOffice)
  @ApiOperation({
    summary: '報告書と決裁経路の設定変更',
    description:
      'Access: reform-office. Report kinds and the approval chain apply to clusters kicked off afterwards (analyses already running keep the ones they started with); approvedReportsReadableByAll applies to every cluster of the year at once.',
  })
  @ApiOkResponse({ type: LifecycleSettingsDto })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  changeSettings(@Param('fy', FiscalYearPipe) fiscalYear: number, @Body() body: LifecycleSettingsDto): Promise<LifecycleSettingsDto> {
    return this.lifecycleSettings.change(fiscalYear, body) as Promise<LifecycleSettingsDto>;
  }
}
