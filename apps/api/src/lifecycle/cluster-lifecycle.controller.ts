// eslint-disable-next-line no-restricted-imports -- repository injection predates the rule; moving it into a service is under way
import { ClusterEventRepository } from '@app/persistence';
import { clusterWorkflowId } from '@app/temporal';
import { Body, ConflictException, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLUSTER_ACTION_LABELS, ClusterAction, fiscalYearLabel, Role, toTokyoIsoString } from '@app/domain';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { AuthenticatedRequest, CurrentUser } from '../auth/current-user.decorator';
import { participantOf } from '../auth/participant';
import { UpdateClusterRequest } from '../catalogue/cluster.dto';
import { ClusterNoPipe, FiscalYearPipe } from '../common/fiscal-year.param';
import { workflowUpdateKey } from '../common/idempotency.interceptor';
import { PageQuery } from '../common/page.dto';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ClusterDetailService } from './cluster-detail.service';
import { ClusterLifecycleService } from './cluster-lifecycle.service';
import { ClusterDetailView } from './dto/cluster-detail.dto';
import { HistoryPage } from './dto/history.dto';
import { KickoffRequest, KickoffResponse } from './dto/kickoff.dto';
import { WithdrawRequest } from './dto/report-action.dto';

export const IDEMPOTENCY_HEADER_DOC = {
  name: 'Idempotency-Key',
  required: false,
  description: '同じキーで繰り返した要求は最初の応答を返し、一度だけ実行されます',
};

@ApiTags('lifecycle')
@ApiBearerAuth()
@Controller('fiscal-years/:fy/clusters/:no')
export class ClusterLifecycleController {
  constructor(
    private readonly lifecycle: ClusterLifecycleService,
    private readonly details: ClusterDetailService,
    private readonly catalogue: CatalogueService,
    private readonly events: ClusterEventRepository,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: '事業群の詳細',
    description: 'Access: any logged-in user. Stage, reports with their versions and approval chain, and who owes the next action.',
  })
  @ApiOkResponse({ type: ClusterDetailView })
  @ApiNotFoundResponse({ description: '年度または事業群がありません' })
  get(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('no', ClusterNoPipe) no: number): Promise<ClusterDetailView> {
    return this.details.detail(fiscalYear, no);
  }

  @Patch()
  @Roles(Role.ReformOffice)
  @ApiOperation({
    summary: '事業群の設定変更',
    description: 'Access: reform-office. Sets the owning bureau and whether the cluster is analysed this fiscal year; a running analysis moves to the new bureau.',
  })
  @ApiOkResponse({ type: ClusterDetailView })
  async update(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Body() body: UpdateClusterRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ClusterDetailView> {
    await this.lifecycle.updateCluster(fiscalYear, no, body, participantOf(user));
    return this.details.detail(fiscalYear, no);
  }

  @Post('kickoff')
  @Roles(Role.ReformOffice)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({
    summary: '経営分析の着手',
    description: "Access: reform-office. Records the kickoff meeting (date, attendees, notes) and starts the cluster's lifecycle workflow.",
  })
  @ApiCreatedResponse({ type: KickoffResponse })
  @ApiNotFoundResponse({ description: '年度または事業群がありません' })
  @ApiConflictResponse({ description: '既に着手しているか、所管局が未設定です' })
  async kickoff(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Body() body: KickoffRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<KickoffResponse> {
    const cluster = await this.catalogue.requireCluster(fiscalYear, no);
    const outcome = await this.lifecycle.kickoff(cluster, body, participantOf(user));
    await this.lifecycle.startCalendar(fiscalYear);
    if (outcome === 'already-running') {
      throw new ConflictException(`${fiscalYearLabel(fiscalYear)}の「${cluster.name}」（No.${no}）は既に経営分析に着手しています`);
    }
    return { workflowId: clusterWorkflowId(fiscalYear, no), started: true };
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles(Role.ReformOffice)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '取下げ', description: "Access: reform-office. Drops the cluster from this year's analysis; the reason is required." })
  @ApiOkResponse({ type: ClusterDetailView })
  @ApiConflictResponse({ description: '完了済み・取下げ済み、または未着手です' })
  async withdraw(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Body() body: WithdrawRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: AuthenticatedRequest,
  ): Promise<ClusterDetailView> {
    await this.lifecycle.act(fiscalYear, no, { type: 'withdraw', actor: participantOf(user), reason: body.reason }, workflowUpdateKey(request));
    return this.details.detail(fiscalYear, no);
  }

  @Get('history')
  @Authenticated()
  @ApiOperation({ summary: '履歴（監査証跡）', description: 'Access: any logged-in user. Who did what and when, from which stage to which, oldest first; paged.' })
  @ApiOkResponse({ type: HistoryPage })
  async history(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Query() query: PageQuery,
  ): Promise<HistoryPage> {
    await this.catalogue.requireCluster(fiscalYear, no);
    const page = await this.events.listForCluster(fiscalYear, no, query);
    return {
      ...page,
      items: page.items.map((entry) => ({
        eventId: entry.eventId,
        occurredAt: toTokyoIsoString(entry.occurredAt),
        actor: { id: entry.actorId, name: entry.actorName },
        action: entry.action,
        actionLabel: CLUSTER_ACTION_LABELS[entry.action as ClusterAction] ?? entry.action,
        fromStage: entry.fromState,
        toStage: entry.toState,
        reportKind: entry.reportKind,
        comment: entry.comment,
        details: entry.details,
      })),
    };
  }
}
