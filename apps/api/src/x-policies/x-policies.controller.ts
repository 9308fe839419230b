import { Role } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { AuthenticatedRequest, CurrentUser } from '../auth/current-user.decorator';
import { participantOf } from '../auth/participant';
import { BureauCodePipe, IssueIdPipe } from '../common/code-param';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { IDEMPOTENCY_HEADER_DOC, IDEMPOTENCY_REFUSALS, workflowUpdateKey } from '../common/idempotency.interceptor';
import { PageQuery } from '../common/page.dto';
import { Refusals } from '../common/refusals.decorator';
import { ApproveRequest, ReturnRequest } from '../lifecycle/dto/report-action.dto';
import { BasedOnVersion } from '../lifecycle/if-match';
import { ProcessHistoryPage } from '../processes/process.dto';
import { toDeadlineRule } from '../processes/process-requests.dto';
import { ProgressRequest, SelfInspectionRequest, StartXPoliciesRequest, XPolicyIssuesRequest, XPolicySettingsRequest } from './dto/x-policy-requests.dto';
import { StartXPoliciesView, XPolicyDetailView, XPolicyListView, XPolicySettingsView } from './dto/x-policy.dto';
import { RequestedXPolicyCommand, XPoliciesService } from './x-policies.service';
import { XPolicySettingsService } from './x-policy-settings.service';

const IF_MATCH_DOC = {
  name: 'If-Match',
  required: false,
  description: '編集を始めた版の番号（"3"、未保存なら "0"）。その後に別の人が保存していれば 412 document.version-stale となり何も保存されません。省略すると最新の版を基にします',
};

/** What every act on a bureau's X policy can be refused for, whatever the verb. */
const ACT_REFUSALS = ['request.invalid', 'fiscal-year.unknown', 'bureau.unknown', 'x-policy.unknown', 'x-policy.closed', 'temporal.unavailable', ...IDEMPOTENCY_REFUSALS] as const;
const DECISION_REFUSALS = ['document.not-in-approval', 'document.own-document', 'step.not-yours', 'step.already-decided', 'step.separation-of-duties'] as const;
const SAVE_REFUSALS = ['document.not-drafter', 'document.in-approval', 'document.approved', 'document.version-stale'] as const;
const PROGRESS_REFUSALS = ['x-policy.not-published', 'x-policy.issue-unknown'] as const;

/**
 * 局区X方針: each bureau's self-inspection, its reform issues and responses along the chain (課長 →
 * 局長 → 市政変革室) to publication, and progress updates the director approves for publication.
 */
@ApiTags('x-policies')
@ApiBearerAuth()
@Controller('fiscal-years/:fy')
export class XPoliciesController {
  constructor(
    private readonly policies: XPoliciesService,
    private readonly settings: XPolicySettingsService,
  ) {}

  @Get('x-policy-settings')
  @Authenticated()
  @ApiOperation({ summary: 'X方針の設定', description: "Access: any logged-in user. The year's self-inspection items and the plan's deadline (pegged to an X meeting or a day), with the deadline as the meetings now put it." })
  @ApiOkResponse({ type: XPolicySettingsView })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'x-policy-settings.unknown')
  settingsOf(@Param('fy', FiscalYearPipe) fiscalYear: number): Promise<XPolicySettingsView> {
    return this.settings.view(fiscalYear);
  }

  @Put('x-policy-settings')
  @Roles(Role.ReformOffice)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({
    summary: 'X方針の設定の変更',
    description: 'Access: reform-office. Sets the self-inspection items (for X policies started afterwards) and the deadline, which running X policies re-plan their reminders by at once.',
  })
  @ApiOkResponse({ type: XPolicySettingsView })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'temporal.unavailable', ...IDEMPOTENCY_REFUSALS)
  updateSettings(@Param('fy', FiscalYearPipe) fiscalYear: number, @Body() body: XPolicySettingsRequest, @CurrentUser() user: AuthenticatedUser): Promise<XPolicySettingsView> {
    return this.settings.update(fiscalYear, { items: body.items, deadlines: body.deadlines.map(toDeadlineRule) }, participantOf(user));
  }

  @Post('x-policies/start')
  @HttpCode(200)
  @Roles(Role.ReformOffice)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({
    summary: 'X方針の開始',
    description: "Access: reform-office. Starts the year's X policy of every bureau (or of those named) with the year's self-inspection items; bureaus already started are listed as such, never started again.",
  })
  @ApiOkResponse({ type: StartXPoliciesView })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'bureau.unknown', 'x-policy-settings.incomplete', 'temporal.unavailable', ...IDEMPOTENCY_REFUSALS)
  start(@Param('fy', FiscalYearPipe) fiscalYear: number, @Body() body: StartXPoliciesRequest, @CurrentUser() user: AuthenticatedUser): Promise<StartXPoliciesView> {
    return this.policies.start(fiscalYear, body.bureauCodes, participantOf(user));
  }

  @Get('x-policies')
  @Authenticated()
  @ApiOperation({ summary: '局区X方針の一覧', description: "Access: any logged-in user. Every bureau's X policy of the year and where it stands (bureaus not started included), with counts by phase." })
  @ApiOkResponse({ type: XPolicyListView })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  list(@Param('fy', FiscalYearPipe) fiscalYear: number): Promise<XPolicyListView> {
    return this.policies.list(fiscalYear);
  }

  @Get('x-policies/:bureau')
  @Authenticated()
  @ApiOperation({
    summary: '局区X方針',
    description:
      "Access: any logged-in user; the self-inspection answers, the draft issues, comments and unpublished progress only for the bureau's own users and the reform office (others see the state, the chain and what is published). With what the caller may do now.",
  })
  @ApiOkResponse({ type: XPolicyDetailView })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'bureau.unknown')
  detail(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('bureau', BureauCodePipe) bureau: string, @CurrentUser() user: AuthenticatedUser): Promise<XPolicyDetailView> {
    return this.policies.detail(fiscalYear, bureau, participantOf(user));
  }

  @Get('x-policies/:bureau/history')
  @Authenticated()
  @ApiOperation({ summary: '局区X方針の履歴', description: "Access: any logged-in user; comments only for the bureau's own users and the reform office. Every act, oldest first, paged." })
  @ApiOkResponse({ type: ProcessHistoryPage })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'bureau.unknown')
  history(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('bureau', BureauCodePipe) bureau: string,
    @Query() query: PageQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ProcessHistoryPage> {
    return this.policies.history(fiscalYear, bureau, { page: query.page, pageSize: query.pageSize }, participantOf(user));
  }

  @Put('x-policies/:bureau/self-inspection')
  @Roles(Role.Staff)
  @ApiHeader(IF_MATCH_DOC)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '自己点検の保存', description: "Access: staff of the bureau. Saves the answers to the year's self-inspection items as a new version of the plan (the issues as they were)." })
  @ApiOkResponse({ type: XPolicyDetailView })
  @Refusals(...ACT_REFUSALS, ...SAVE_REFUSALS)
  saveSelfInspection(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('bureau', BureauCodePipe) bureau: string,
    @Body() body: SelfInspectionRequest,
    @BasedOnVersion() basedOnVersion: number | null,
    @Req() request: AuthenticatedRequest,
  ): Promise<XPolicyDetailView> {
    return this.policies.savePlan(fiscalYear, bureau, { part: 'self-inspection', answers: body.answers }, basedOnVersion, this.caller(request), workflowUpdateKey(request));
  }

  @Put('x-policies/:bureau/issues')
  @Roles(Role.Staff)
  @ApiHeader(IF_MATCH_DOC)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '課題と対応策の保存', description: 'Access: staff of the bureau. Saves the whole list of reform issues with their responses and schedules as a new version of the plan (the answers as they were).' })
  @ApiOkResponse({ type: XPolicyDetailView })
  @Refusals(...ACT_REFUSALS, ...SAVE_REFUSALS)
  saveIssues(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('bureau', BureauCodePipe) bureau: string,
    @Body() body: XPolicyIssuesRequest,
    @BasedOnVersion() basedOnVersion: number | null,
    @Req() request: AuthenticatedRequest,
  ): Promise<XPolicyDetailView> {
    return this.policies.savePlan(fiscalYear, bureau, { part: 'issues', issues: body.issues }, basedOnVersion, this.caller(request), workflowUpdateKey(request));
  }

  @Post('x-policies/:bureau/submit')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: 'X方針の提出', description: 'Access: staff of the bureau. Sends the plan along its chain (課長 → 局長 → 市政変革室) once every self-inspection item is answered and an issue is listed.' })
  @ApiOkResponse({ type: XPolicyDetailView })
  @Refusals(...ACT_REFUSALS, 'document.not-drafter', 'document.in-approval', 'document.approved', 'document.no-draft', 'document.empty-draft', 'x-policy.self-inspection-incomplete', 'x-policy.no-issues')
  submit(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('bureau', BureauCodePipe) bureau: string, @Req() request: AuthenticatedRequest): Promise<XPolicyDetailView> {
    return this.run(fiscalYear, bureau, request, (actor) => ({ type: 'submit', actor }));
  }

  @Post('x-policies/:bureau/approve')
  @HttpCode(200)
  @Roles(Role.Manager, Role.Director, Role.ReformOffice)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({
    summary: 'X方針の承認',
    description: "Access: the holder of the plan's current step (the bureau's manager, then its director, then the reform office), never on a plan one wrote nor after deciding an earlier step. The last approval publishes it.",
  })
  @ApiOkResponse({ type: XPolicyDetailView })
  @Refusals(...ACT_REFUSALS, ...DECISION_REFUSALS)
  approve(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('bureau', BureauCodePipe) bureau: string, @Body() body: ApproveRequest, @Req() request: AuthenticatedRequest): Promise<XPolicyDetailView> {
    return this.run(fiscalYear, bureau, request, (actor) => ({ type: 'approve', actor, comment: body.comment ?? null }));
  }

  @Post('x-policies/:bureau/return')
  @HttpCode(200)
  @Roles(Role.Manager, Role.Director, Role.ReformOffice)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: 'X方針の差戻し', description: "Access: the holder of the plan's current step. Returns it to the bureau's staff with a required comment." })
  @ApiOkResponse({ type: XPolicyDetailView })
  @Refusals(...ACT_REFUSALS, ...DECISION_REFUSALS, 'comment.required')
  returnPlan(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('bureau', BureauCodePipe) bureau: string, @Body() body: ReturnRequest, @Req() request: AuthenticatedRequest): Promise<XPolicyDetailView> {
    return this.run(fiscalYear, bureau, request, (actor) => ({ type: 'return', actor, comment: body.comment }));
  }

  @Post('x-policies/:bureau/recall')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: 'X方針の引戻し', description: 'Access: the submitter, until the first approver decides.' })
  @ApiOkResponse({ type: XPolicyDetailView })
  @Refusals(...ACT_REFUSALS, 'document.not-in-approval', 'document.not-submitter', 'document.already-decided')
  recall(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('bureau', BureauCodePipe) bureau: string, @Req() request: AuthenticatedRequest): Promise<XPolicyDetailView> {
    return this.run(fiscalYear, bureau, request, (actor) => ({ type: 'recall', actor }));
  }

  @Post('x-policies/:bureau/issues/:issueId/progress')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({
    summary: '進捗の提出',
    description: "Access: staff of the bureau, once the plan is published. Sends a progress update of a published issue to the bureau's director, who approves it for publication (or returns it; posting again revises it).",
  })
  @ApiOkResponse({ type: XPolicyDetailView })
  @Refusals(...ACT_REFUSALS, ...PROGRESS_REFUSALS, 'document.not-drafter', 'x-policy.progress-in-approval')
  postProgress(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('bureau', BureauCodePipe) bureau: string,
    @Param('issueId', IssueIdPipe) issueId: string,
    @Body() body: ProgressRequest,
    @Req() request: AuthenticatedRequest,
  ): Promise<XPolicyDetailView> {
    return this.run(fiscalYear, bureau, request, (actor) => ({ type: 'post-progress', actor, issueId, text: body.text }));
  }

  @Post('x-policies/:bureau/issues/:issueId/progress/approve')
  @HttpCode(200)
  @Roles(Role.Director)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '進捗の承認・公表', description: "Access: the bureau's director (not the update's author). Publishes the issue's progress update." })
  @ApiOkResponse({ type: XPolicyDetailView })
  @Refusals(...ACT_REFUSALS, ...PROGRESS_REFUSALS, ...DECISION_REFUSALS)
  approveProgress(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('bureau', BureauCodePipe) bureau: string,
    @Param('issueId', IssueIdPipe) issueId: string,
    @Body() body: ApproveRequest,
    @Req() request: AuthenticatedRequest,
  ): Promise<XPolicyDetailView> {
    return this.run(fiscalYear, bureau, request, (actor) => ({ type: 'approve-progress', actor, issueId, comment: body.comment ?? null }));
  }

  @Post('x-policies/:bureau/issues/:issueId/progress/return')
  @HttpCode(200)
  @Roles(Role.Director)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '進捗の差戻し', description: "Access: the bureau's director. Returns the issue's progress update to the bureau's staff with a required comment." })
  @ApiOkResponse({ type: XPolicyDetailView })
  @Refusals(...ACT_REFUSALS, ...PROGRESS_REFUSALS, ...DECISION_REFUSALS, 'comment.required')
  returnProgress(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('bureau', BureauCodePipe) bureau: string,
    @Param('issueId', IssueIdPipe) issueId: string,
    @Body() body: ReturnRequest,
    @Req() request: AuthenticatedRequest,
  ): Promise<XPolicyDetailView> {
    return this.run(fiscalYear, bureau, request, (actor) => ({ type: 'return-progress', actor, issueId, comment: body.comment }));
  }

  private caller(request: AuthenticatedRequest) {
    if (!request.user) throw new Error('X-policy actions require authentication');
    return participantOf(request.user);
  }

  private run(fiscalYear: number, bureau: string, request: AuthenticatedRequest, command: (actor: ReturnType<typeof participantOf>) => RequestedXPolicyCommand): Promise<XPolicyDetailView> {
    return this.policies.perform(fiscalYear, bureau, command(this.caller(request)), workflowUpdateKey(request));
  }
}
