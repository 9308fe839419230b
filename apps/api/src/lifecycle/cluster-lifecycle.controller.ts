import { ACTION_ROLES } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { AuthenticatedRequest, CurrentUser } from '../auth/current-user.decorator';
import { participantOf } from '../auth/participant';
import { UpdateClusterRequest } from '../catalogue/cluster.dto';
import { ClusterNoPipe, FiscalYearPipe } from '../common/fiscal-year.param';
import { workflowUpdateKey } from '../common/idempotency.interceptor';
import { PageQuery } from '../common/page.dto';
import { Refusals } from '../common/refusals.decorator';
import { ClusterActionsService } from './cluster-actions.service';
import { ClusterDetailService } from './cluster-detail.service';
import { ClusterHistoryService } from './cluster-history.service';
import { ClusterDetailView } from './dto/cluster-detail.dto';
import { HistoryPage } from './dto/history.dto';
import { KickoffRequest, KickoffResponse } from './dto/kickoff.dto';
import { WithdrawRequest } from './dto/report-action.dto';
import { KickoffService } from './kickoff.service';


@ApiTags('lifecycle')
@ApiBearerAuth()
@Controller('fiscal-years/:fy/clusters/:no')
export class ClusterLifecycleController {
  constructor(
    private readonly details: ClusterDetailService,
    private readonly actions: ClusterActionsService,
    private readonly kickoffs: KickoffService,
    private readonly records: ClusterHistoryService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: '事業群の詳細',
    description:
      "Access: any logged-in user; a report's texts (latest body, version titles, decision and return comments) only for those who may read them (the owning bureau's users, the report's approvers, the reform office, and everyone once it is approved if the year's settings say so), the others see textsRestricted. Stage, reports with their versions and approval chain, who owes the next action, and what the caller may do now (`permitted`).",
  })
  @ApiOkResponse({ type: ClusterDetailView })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'cluster.unknown')
  get(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('no', ClusterNoPipe) no: number, @CurrentUser() user: AuthenticatedUser): Promise<ClusterDetailView> {
    return this.details.detail(fiscalYear, no, participantOf(user));
  }

  @Patch()
  @Roles(...ACTION_ROLES.changeCluster)
  @ApiOperation({
    summary: '事業群の設定変更',
    description: 'Access: reform-office. Sets the owning bureau and whether the cluster is analysed this fiscal year; a running analysis moves to the new bureau.',
  })
  @ApiOkResponse({ type: ClusterDetailView })
  @Refusals(
    'request.invalid',
    'bureau.unknown',
    'fiscal-year.unknown',
    'cluster.unknown',
    'cluster.owning-bureau-unchanged',
    'cluster.closed',
    'reform-office.only',
    'temporal.unavailable',
  )
  update(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Body() body: UpdateClusterRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: AuthenticatedRequest,
  ): Promise<ClusterDetailView> {
    return this.actions.change({
      fiscalYear,
      clusterNo: no,
      analysedThisYear: body.analysedThisYear,
      owningBureauCode: body.owningBureauCode,
      actor: participantOf(user),
      requestKey: workflowUpdateKey(request),
    });
  }

  @Post('kickoff')
  @Roles(...ACTION_ROLES.kickoff)
  @ApiOperation({
    summary: '経営分析の着手',
    description: "Access: reform-office. Records the kickoff meeting (date, attendees, notes) and starts the cluster's lifecycle workflow.",
  })
  @ApiCreatedResponse({ type: KickoffResponse })
  @Refusals(
    'request.invalid',
    'fiscal-year.unknown',
    'cluster.unknown',
    'cluster.already-started',
    'cluster.closed',
    'cluster.no-owning-bureau',
    'lifecycle-settings.incomplete',
    'temporal.unavailable',
  )
  kickoff(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Body() body: KickoffRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: AuthenticatedRequest,
  ): Promise<KickoffResponse> {
    return this.kickoffs.kickoffCluster({ fiscalYear, clusterNo: no, meeting: body, actor: participantOf(user), requestKey: workflowUpdateKey(request) });
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles(...ACTION_ROLES.withdraw)
  @ApiOperation({ summary: '取下げ', description: "Access: reform-office. Drops the cluster from this year's analysis; the reason is required." })
  @ApiOkResponse({ type: ClusterDetailView })
  @Refusals(
    'request.invalid',
    'comment.required',
    'fiscal-year.unknown',
    'cluster.unknown',
    'cluster.not-started',
    'cluster.closed',
    'reform-office.only',
    'temporal.unavailable',
  )
  withdraw(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Body() body: WithdrawRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: AuthenticatedRequest,
  ): Promise<ClusterDetailView> {
    return this.actions.act({
      fiscalYear,
      clusterNo: no,
      command: { type: 'withdraw', actor: participantOf(user), reason: body.reason },
      requestKey: workflowUpdateKey(request),
    });
  }

  @Get('history')
  @Authenticated()
  @ApiOperation({
    summary: '履歴（監査証跡）',
    description:
      "Access: any logged-in user; the comments and titles of a report's entries only for those who may read its texts (the owning bureau's users, the report's approvers, the reform office, and everyone once it is approved if the year's settings say so), the others get them left out with textsRestricted. Who did what and when, from which stage to which, oldest first; paged.",
  })
  @ApiOkResponse({ type: HistoryPage })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'cluster.unknown')
  history(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Query() query: PageQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<HistoryPage> {
    return this.records.history({ fiscalYear, clusterNo: no, page: query.page, pageSize: query.pageSize, caller: participantOf(user) });
  }
}
