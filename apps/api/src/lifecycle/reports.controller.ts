import { ACTION_ROLES, STORED_INTEGER_MAX } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { AuthenticatedRequest, CurrentUser } from '../auth/current-user.decorator';
import { participantOf } from '../auth/participant';
import { ClusterNoPipe, FiscalYearPipe } from '../common/fiscal-year.param';
import { workflowUpdateKey } from '../common/idempotency.interceptor';
import { IntegerParamPipe } from '../common/integer-input';
import { Refusals } from '../common/refusals.decorator';
import { ClusterActionsService } from './cluster-actions.service';
import { ClusterHistoryService } from './cluster-history.service';
import { DelegateCandidatesService } from './delegate-candidates.service';
import { ClusterDetailView, DelegateCandidateView, ReportTextView } from './dto/cluster-detail.dto';
import { ApproveRequest, DelegateRequest, ReturnRequest, SaveDraftRequest } from './dto/report-action.dto';
import { RequestedClusterCommand } from './lifecycle.commands';
import { BasedOnVersion, IF_MATCH_HEADER_DOC } from './if-match';
import { ReportKindPipe } from './report-kind.param';

const VersionPipe = new IntegerParamPipe('version', 1, STORED_INTEGER_MAX, '版は1以上の整数で指定してください');

/** What every report action can be refused for, whatever the verb: the path, the cluster's state, Temporal. */
const REPORT_ACTION_REFUSALS = [
  'request.invalid',
  'fiscal-year.unknown',
  'cluster.unknown',
  'cluster.not-started',
  'cluster.closed',
  'report-kind.unknown',
  'report.stage-not-open',
  'temporal.unavailable',
] as const;
const DECISION_REFUSALS = ['report.not-in-approval', 'report.own-report', 'step.not-yours', 'step.already-decided', 'step.separation-of-duties'] as const;

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
    private readonly actions: ClusterActionsService,
    private readonly records: ClusterHistoryService,
    private readonly delegates: DelegateCandidatesService,
  ) {}

  @Put()
  @Roles(...ACTION_ROLES.saveDraft)
  @ApiHeader(IF_MATCH_HEADER_DOC)
  @ApiOperation({
    summary: '下書き保存',
    description:
      'Access: staff of the owning bureau. Saves a new version of the draft; older versions stay readable. Send `If-Match` with the version the edit started from (or an `Idempotency-Key`), so that a retried save never adds a second version.',
  })
  @ApiOkResponse({ type: ClusterDetailView })
  @Refusals(...REPORT_ACTION_REFUSALS, 'report.not-drafter', 'report.in-approval', 'report.approved', 'report.version-stale')
  saveDraft(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Param('kind', ReportKindPipe) kind: string,
    @Body() body: SaveDraftRequest,
    @BasedOnVersion() basedOnVersion: number | null,
    @Req() request: AuthenticatedRequest,
  ): Promise<ClusterDetailView> {
    return this.run(fiscalYear, no, request, (actor) => ({ type: 'save-draft', actor, kind, title: body.title, body: body.body, basedOnVersion }));
  }

  @Post('submit')
  @HttpCode(200)
  @Roles(...ACTION_ROLES.submit)
  @ApiOperation({ summary: '提出', description: 'Access: staff of the owning bureau. Sends the latest draft along the approval chain; an empty draft cannot be submitted.' })
  @ApiOkResponse({ type: ClusterDetailView })
  @Refusals(...REPORT_ACTION_REFUSALS, 'report.not-drafter', 'report.in-approval', 'report.approved', 'report.no-draft', 'report.empty-draft')
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
  @Roles(...ACTION_ROLES.approve)
  @ApiOperation({
    summary: '承認',
    description:
      'Access: manager, director or reform-office holding the current step (or its delegate, while they still hold its role in its bureau), never on a report they wrote nor after deciding an earlier step of the same submission. The last approval moves the cluster to its next stage. Two approvals of one step at once: one succeeds, the other gets 409 with the current state.',
  })
  @ApiOkResponse({ type: ClusterDetailView })
  @Refusals(...REPORT_ACTION_REFUSALS, ...DECISION_REFUSALS)
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
  @Roles(...ACTION_ROLES.return)
  @ApiOperation({
    summary: '差戻し',
    description: 'Access: the holder of the current step (or its delegate), not whoever decided an earlier step of the same submission. Returns the report to draft with a required comment; resubmission starts the chain anew.',
  })
  @ApiOkResponse({ type: ClusterDetailView })
  @Refusals(...REPORT_ACTION_REFUSALS, ...DECISION_REFUSALS, 'comment.required')
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
  @Roles(...ACTION_ROLES.delegate)
  @ApiOperation({
    summary: '代理',
    description:
      'Access: the holder of the current step. Hands the step to another user with the same role in the same bureau (not an author, nor whoever decided an earlier step of the submission), who alone decides it from then on, as long as they hold that role there and stay active.',
  })
  @ApiOkResponse({ type: ClusterDetailView })
  @Refusals(...REPORT_ACTION_REFUSALS, ...DECISION_REFUSALS, 'delegate.invalid')
  delegate(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Param('kind', ReportKindPipe) kind: string,
    @Body() body: DelegateRequest,
    @Req() request: AuthenticatedRequest,
  ): Promise<ClusterDetailView> {
    return this.run(fiscalYear, no, request, (actor) => ({ type: 'delegate', actor, kind, delegateTo: body.delegateTo, comment: body.comment ?? null }));
  }

  @Get('delegates')
  @Roles(...ACTION_ROLES.delegate)
  @ApiOperation({
    summary: '代理決裁者の候補',
    description:
      "Access: the holder of the current step (or its delegate). The active users the step can be handed to: the step's role in its bureau, neither the caller nor an author of the report.",
  })
  @ApiOkResponse({ type: [DelegateCandidateView] })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'cluster.unknown', 'cluster.not-started', 'cluster.closed', 'report-kind.unknown', 'report.stage-not-open', ...DECISION_REFUSALS)
  delegateCandidates(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Param('kind', ReportKindPipe) kind: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DelegateCandidateView[]> {
    return this.delegates.candidates(fiscalYear, no, kind, participantOf(user));
  }

  @Post('recall')
  @HttpCode(200)
  @Roles(...ACTION_ROLES.recall)
  @ApiOperation({ summary: '引戻し', description: 'Access: the submitter, until the first approver decides. Pulls the report back to draft.' })
  @ApiOkResponse({ type: ClusterDetailView })
  @Refusals(...REPORT_ACTION_REFUSALS, 'report.not-in-approval', 'report.not-submitter', 'report.already-decided')
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
  @ApiOperation({
    summary: '過去の版',
    description:
      "Access: those who may read the report's texts: the owning bureau's users, the report's approvers (holders of its approval chain's roles in scope), the reform office, and every logged-in user once it is approved if the year's settings say so; 404 report.text-restricted for the others. The text of one saved version of the report.",
  })
  @ApiOkResponse({ type: ReportTextView })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'cluster.unknown', 'report.version-unknown', 'report.text-restricted')
  version(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('no', ClusterNoPipe) no: number,
    @Param('kind', ReportKindPipe) kind: string,
    @Param('version', VersionPipe) version: number,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReportTextView> {
    return this.records.reportVersion({ fiscalYear, clusterNo: no, reportKind: kind, version, caller: participantOf(user) });
  }

  private run(
    fiscalYear: number,
    no: number,
    request: AuthenticatedRequest,
    command: (actor: ReturnType<typeof participantOf>) => RequestedClusterCommand,
  ): Promise<ClusterDetailView> {
    if (!request.user) throw new Error('report actions require authentication');
    return this.actions.act({ fiscalYear, clusterNo: no, command: command(participantOf(request.user)), requestKey: workflowUpdateKey(request) });
  }
}
