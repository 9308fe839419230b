import { Role } from '@app/domain';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ClusterNoPipe, FiscalYearPipe } from '../common/fiscal-year.param';
import { ClusterLifecycleService } from './cluster-lifecycle.service';
import { KickoffRequest, KickoffResponse } from './kickoff.dto';

@ApiTags('lifecycle')
@ApiBearerAuth()
@Controller('fiscal-years/:fy/clusters/:no')
export class ClusterLifecycleController {
  constructor(private readonly lifecycle: ClusterLifecycleService) {}

  @Post('kickoff')
  @Roles(Role.ReformOffice)
  @ApiOperation({
    summary: '経営分析の着手',
    description: 'Access: reform-office. Records the kickoff meeting (date, attendees, notes) and starts the cluster\'s lifecycle workflow.',
  })
  @ApiCreatedResponse({ type: KickoffResponse })
  @ApiNotFoundResponse({ description: '年度または事業群がありません' })
  @ApiConflictResponse({ description: '既に着手しています' })
  kickoff(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Body() body: KickoffRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<KickoffResponse> {
    return this.lifecycle.kickoff(fiscalYear, no, body, { id: user.id, name: user.displayName });
  }
}
