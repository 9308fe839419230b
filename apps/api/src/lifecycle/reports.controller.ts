import { ClusterCommand, Role, toTokyoIsoString } from '@app/domain';
// eslint-disable-next-line no-restricted-imports -- repository injection predates the rule; moving it into a service is under way
import { LifecycleReadRepository, UserRepository } from '@app/persistence';
import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, ParseIntPipe, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { AuthenticatedRequest } from '../auth/current-user.decorator';
import { participantOf } from '../auth/participant';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ClusterNoPipe, FiscalYearPipe } from '../common/fiscal-year.param';
import { workflowUpdateKey } from '../common/idempotency.interceptor';
import { ClusterDetailService } from './cluster-detail.service';
import { IDEMPOTENCY_HEADER_DOC } from './cluster-lifecycle.controller';
import { ClusterLifecycleService } from './cluster-lifecycle.service';
import { ClusterDetailView, ReportTextView } from './dto/cluster-detail.dto';
import { ApproveRequest, DelegateRequest, ReturnRequest, SaveDraftRequest } from './dto/report-action.dto';
import { ReportKindPipe } from './report-kind.param';

const APPROVERS = [Role.Manager, Role.Director, Role.ReformOffice];
const VersionPipe = new ParseIntPipe({ exceptionFactory: () => new BadRequestException('版は1以上の整数で指定してください') });

/**
 * 決裁 of the cluster's reports: 下書き保存, 提出, 承認, 差戻し, 代理, 引戻し. The role rule here is
 * the coarse one; the lifecycle rules (owning bureau, current step, not one's own report) answer
 * 403 or 409 with the reason.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('fiscal-years/:fy/clusters/:no/reports/:kind')
export class ReportsController {
  constructor(
    private readonly lifecycle: ClusterLifecycleService,
    private readonly details: ClusterDetailService,
    private readonly catalogue: CatalogueService,
    private readonly reads: LifecycleReadRepository,
    private readonly users: UserRepository,
  ) {}

  @Put()
  @Roles(Role.Staff)
  @ApiOperation({ summary: '下書き保存', description: 'Access: staff of the owning bureau. Saves a new version of the draft; older versions stay readable.' })
  @ApiOkResponse({ type: ClusterDetailView })
  @ApiForbiddenResponse({ description: '所管局の担当職員ではありません' })
  @ApiConflictResponse({ description: '段階が違うか、決裁中・承認済みです' })
  saveDraft(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Param('kind', ReportKindPipe) kind: string,
    @Body() body: SaveDraftRequest,
    @Req() request: AuthenticatedRequest,
  ): Promise<ClusterDetailView> {
    return this.run(fiscalYear, no, request, (actor) => ({ type: 'save-draft', actor, kind, title: body.title, body: body.body }));
  }

  @Post('submit')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '提出', description: 'Access: staff of the owning bureau. Sends the latest draft along the approval chain; an empty draft cannot be submitted.' })
  @ApiOkResponse({ type: ClusterDetailView })
  submit(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Param('kind', ReportKindPipe) kind: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<ClusterDetailView> {
    return this.run(fiscalYear, no, request, (actor) => ({ type: 'submit', actor, kind }));
  }

  @Post('approve')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({
    summary: '承認',
    description:
      'Access: manager, director or reform-office holding the current step (or its delegate), never on a report they wrote. The last approval moves the cluster to its next stage. Two approvals of one step at once: one succeeds, the other gets 409 with the current state.',
  })
  @ApiOkResponse({ type: ClusterDetailView })
  approve(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Param('kind', ReportKindPipe) kind: string,
    @Body() body: ApproveRequest,
    @Req() request: AuthenticatedRequest,
  ): Promise<ClusterDetailView> {
    return this.run(fiscalYear, no, request, (actor) => ({ type: 'approve', actor, kind, comment: body.comment ?? null }));
  }

  @Post('return')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({
    summary: '差戻し',
    description: 'Access: the holder of the current step (or its delegate). Returns the report to draft with a required comment; resubmission starts the chain anew.',
  })
  @ApiOkResponse({ type: ClusterDetailView })
  returnReport(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Param('kind', ReportKindPipe) kind: string,
    @Body() body: ReturnRequest,
    @Req() request: AuthenticatedRequest,
  ): Promise<ClusterDetailView> {
    return this.run(fiscalYear, no, request, (actor) => ({ type: 'return', actor, kind, comment: body.comment }));
  }

  @Post('delegate')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({
    summary: '代理',
    description: 'Access: the holder of the current step. Hands the step to another user with the same role in the same bureau, who alone decides it from then on.',
  })
  @ApiOkResponse({ type: ClusterDetailView })
  async delegate(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Param('kind', ReportKindPipe) kind: string,
    @Body() body: DelegateRequest,
    @Req() request: AuthenticatedRequest,
  ): Promise<ClusterDetailView> {
    const target = await this.users.findByUsername(body.delegateTo);
    if (!target) throw new BadRequestException(`代理決裁者「${body.delegateTo}」という利用者は登録されていません`);
    if (!target.active) throw new BadRequestException(`代理決裁者「${body.delegateTo}」のアカウントは無効化されています`);
    const delegate = { id: target.id, name: target.displayName, roles: target.roles as Role[], bureauCode: target.bureauCode };
    return this.run(fiscalYear, no, request, (actor) => ({ type: 'delegate', actor, kind, delegate, comment: body.comment ?? null }));
  }

  @Post('recall')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '引戻し', description: 'Access: the submitter, until the first approver decides. Pulls the report back to draft.' })
  @ApiOkResponse({ type: ClusterDetailView })
  recall(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Param('kind', ReportKindPipe) kind: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<ClusterDetailView> {
    return this.run(fiscalYear, no, request, (actor) => ({ type: 'recall', actor, kind }));
  }

  @Get('versions/:version')
  @Authenticated()
  @ApiOperation({ summary: '過去の版', description: 'Access: any logged-in user. The text of one saved version of the report.' })
  @ApiOkResponse({ type: ReportTextView })
  async version(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Param('kind', ReportKindPipe) kind: string,
    @Param('version', VersionPipe) version: number,
  ): Promise<ReportTextView> {
    await this.catalogue.requireCluster(fiscalYear, no);
    const text = await this.reads.findText(fiscalYear, no, kind, version);
    if (!text) throw new NotFoundException(`${kind} の第${version}版はありません`);
    return {
      version: text.version,
      title: text.title,
      body: text.body,
      empty: text.body.trim() === '',
      savedBy: { id: text.savedById, name: text.savedByName },
      savedAt: toTokyoIsoString(text.savedAt),
    };
  }

  private async run(
    fiscalYear: number,
    no: number,
    request: AuthenticatedRequest,
    command: (actor: ReturnType<typeof participantOf>) => ClusterCommand,
  ): Promise<ClusterDetailView> {
    if (!request.user) throw new Error('report actions require authentication');
    await this.lifecycle.act(fiscalYear, no, command(participantOf(request.user)), workflowUpdateKey(request));
    return this.details.detail(fiscalYear, no);
  }
}
