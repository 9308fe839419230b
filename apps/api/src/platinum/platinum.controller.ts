import { Role, STORED_INTEGER_MAX } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { AuthenticatedRequest, CurrentUser } from '../auth/current-user.decorator';
import { participantOf } from '../auth/participant';
import { BureauCodePipe } from '../common/code-param';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { IDEMPOTENCY_HEADER_DOC, IDEMPOTENCY_REFUSALS, workflowUpdateKey } from '../common/idempotency.interceptor';
import { IntegerParamPipe } from '../common/integer-input';
import { PageQuery } from '../common/page.dto';
import { Refusals } from '../common/refusals.decorator';
import { DelegateCandidateView } from '../lifecycle/dto/cluster-detail.dto';
import { ApproveRequest, DelegateRequest, ReturnRequest, WithdrawRequest } from '../lifecycle/dto/report-action.dto';
import { BasedOnVersion } from '../lifecycle/if-match';
import { ProcessHistoryPage } from '../processes/process.dto';
import { toDeadlineRule } from '../processes/process-requests.dto';
import { AssignRequest, DecisionRequest, FormationRequest, PlatinumMembersRequest, PlatinumSettingsRequest, PolicyRequest, ProposalListQuery, ProposalRequest } from './dto/platinum-requests.dto';
import { PlatinumProjectView, ProposalDetailView, ProposalListView } from './dto/platinum.dto';
import { PlatinumProjectService } from './platinum-project.service';
import { PlatinumProposalsService, RequestedProposalCommand } from './platinum-proposals.service';
import { ProposalDelegatesService } from './proposal-delegates.service';

const ProposalIdPipe = new IntegerParamPipe('id', 1, STORED_INTEGER_MAX, '提案の番号は1以上の整数で指定してください');
const IF_MATCH_DOC = {
  name: 'If-Match',
  required: false,
  description: '編集を始めた版の番号（"3"、未保存なら "0"）。その後に別の人が保存していれば 412 document.version-stale となり何も保存されません',
};
const PROJECT_REFUSALS = ['request.invalid', 'fiscal-year.unknown', 'temporal.unavailable', ...IDEMPOTENCY_REFUSALS] as const;
const ACT_REFUSALS = ['request.invalid', 'fiscal-year.unknown', 'proposal.unknown', 'proposal.closed', 'temporal.unavailable', ...IDEMPOTENCY_REFUSALS] as const;
const DECISION_REFUSALS = ['document.not-in-approval', 'document.own-document', 'step.not-yours', 'step.already-decided', 'step.separation-of-duties'] as const;
const SAVE_REFUSALS = ['document.not-drafter', 'document.in-approval', 'document.approved', 'document.version-stale'] as const;

/**
 * プラチナ市役所プロジェクト: the PT and its proposals, each going to the PT leader, then to the bureau
 * that owns the rule for its decision, then to the directors of the bureaus concerned for their
 * response policies.
 */
@ApiTags('platinum')
@ApiBearerAuth()
@Controller('fiscal-years/:fy/platinum')
export class PlatinumController {
  constructor(
    private readonly project: PlatinumProjectService,
    private readonly proposals: PlatinumProposalsService,
    private readonly delegates: ProposalDelegatesService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'プラチナ市役所プロジェクト', description: "Access: any logged-in user. The year's project: phase, members and leader, formation, deadlines, proposals counted by phase and decision, and for each proposal who owes what by when." })
  @ApiOkResponse({ type: PlatinumProjectView })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  projectView(@Param('fy', FiscalYearPipe) fiscalYear: number, @CurrentUser() user: AuthenticatedUser): Promise<PlatinumProjectView> {
    return this.proposals.projectView(fiscalYear, participantOf(user));
  }

  @Put('members')
  @Roles(Role.ReformOffice)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: 'PTメンバーとリーダーの指名', description: "Access: reform-office. Names the PT's members (users of any bureau) and its leader, one of them; the first time, the year's project starts." })
  @ApiOkResponse({ type: PlatinumProjectView })
  @Refusals(...PROJECT_REFUSALS, 'platinum.closed')
  async setMembers(@Param('fy', FiscalYearPipe) fiscalYear: number, @Body() body: PlatinumMembersRequest, @Req() request: AuthenticatedRequest): Promise<PlatinumProjectView> {
    const caller = this.caller(request);
    await this.project.setMembers(fiscalYear, body.members, body.leader, caller, workflowUpdateKey(request));
    return this.proposals.projectView(fiscalYear, caller);
  }

  @Post('formation')
  @HttpCode(200)
  @Roles(Role.ReformOffice)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: 'PTの結成', description: 'Access: reform-office. Records the formation of the PT on a date, once its members and leader are named; the PT then surfaces issues.' })
  @ApiOkResponse({ type: PlatinumProjectView })
  @Refusals(...PROJECT_REFUSALS, 'platinum.unknown', 'platinum.closed', 'platinum.not-formed', 'platinum.already-formed')
  async recordFormation(@Param('fy', FiscalYearPipe) fiscalYear: number, @Body() body: FormationRequest, @Req() request: AuthenticatedRequest): Promise<PlatinumProjectView> {
    const caller = this.caller(request);
    await this.project.recordFormation(fiscalYear, body.date, caller, workflowUpdateKey(request));
    return this.proposals.projectView(fiscalYear, caller);
  }

  @Put('deadlines')
  @Roles(Role.ReformOffice)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({
    summary: 'プロジェクトの期限',
    description: "Access: reform-office. The year's deadlines for proposals, the owning bureaus' decisions and the response policies, each pegged to an X meeting (business days before it) or a day; the project and its proposals re-plan their reminders at once.",
  })
  @ApiOkResponse({ type: PlatinumProjectView })
  @Refusals(...PROJECT_REFUSALS)
  async setDeadlines(@Param('fy', FiscalYearPipe) fiscalYear: number, @Body() body: PlatinumSettingsRequest, @Req() request: AuthenticatedRequest): Promise<PlatinumProjectView> {
    const caller = this.caller(request);
    await this.project.setDeadlines(fiscalYear, { deadlines: body.deadlines.map(toDeadlineRule) }, caller);
    return this.proposals.projectView(fiscalYear, caller);
  }

  @Get('proposals')
  @Authenticated()
  @ApiOperation({ summary: '提案の一覧', description: 'Access: any logged-in user; titles of proposals not yet approved by the PT leader only for the PT and the reform office. Filters: phase, decision, owning bureau, related cluster; paged.' })
  @ApiOkResponse({ type: ProposalListView })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  list(@Param('fy', FiscalYearPipe) fiscalYear: number, @Query() query: ProposalListQuery, @CurrentUser() user: AuthenticatedUser): Promise<ProposalListView> {
    return this.proposals.list(fiscalYear, { phase: query.phase, decision: query.decision, bureau: query.bureau, cluster: query.cluster }, { page: query.page, pageSize: query.pageSize }, participantOf(user));
  }

  @Post('proposals')
  @HttpCode(201)
  @Authenticated()
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '提案の起案', description: "Access: members of the year's PT (any logged-in user is let through; others get 403 platinum.not-member), once the PT is formed. Files a proposal with its first draft; it gets the year's next number." })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'temporal.unavailable', ...IDEMPOTENCY_REFUSALS, 'platinum.not-formed', 'platinum.closed', 'platinum.not-member')
  create(@Param('fy', FiscalYearPipe) fiscalYear: number, @Body() body: ProposalRequest, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.proposals.create(fiscalYear, body, this.caller(request), workflowUpdateKey(request));
  }

  @Get('proposals/:id')
  @Authenticated()
  @ApiOperation({
    summary: '提案',
    description:
      "Access: any logged-in user; drafts and comments of the proposal only for the PT and the reform office, of the decision also for the owning bureau's users, until each is approved. Versions, chains, decision, response policies, who owes what, and what the caller may do now.",
  })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'proposal.unknown')
  detail(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @CurrentUser() user: AuthenticatedUser): Promise<ProposalDetailView> {
    return this.proposals.detail(fiscalYear, id, participantOf(user));
  }

  @Get('proposals/:id/history')
  @Authenticated()
  @ApiOperation({ summary: '提案の履歴', description: 'Access: any logged-in user; comments only for those who may read the drafts. Every act, oldest first, paged.' })
  @ApiOkResponse({ type: ProcessHistoryPage })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'proposal.unknown')
  history(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser): Promise<ProcessHistoryPage> {
    return this.proposals.history(fiscalYear, id, { page: query.page, pageSize: query.pageSize }, participantOf(user));
  }

  @Put('proposals/:id')
  @Authenticated()
  @ApiHeader(IF_MATCH_DOC)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '提案の保存', description: 'Access: members of the PT (403 document.not-drafter for others). Saves a new version of the draft.' })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, ...SAVE_REFUSALS)
  save(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('id', ProposalIdPipe) id: number,
    @Body() body: ProposalRequest,
    @BasedOnVersion() basedOnVersion: number | null,
    @Req() request: AuthenticatedRequest,
  ): Promise<ProposalDetailView> {
    return this.proposals.save(fiscalYear, id, body, basedOnVersion, this.caller(request), workflowUpdateKey(request));
  }

  @Post('proposals/:id/submit')
  @HttpCode(200)
  @Authenticated()
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '提案の提出', description: "Access: members of the PT. Sends the latest draft to the PT's leader." })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, 'document.not-drafter', 'document.in-approval', 'document.approved', 'document.no-draft', 'document.empty-draft', 'platinum.not-formed')
  submit(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'submit-proposal', actor }));
  }

  @Post('proposals/:id/recall')
  @HttpCode(200)
  @Authenticated()
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '提案の引戻し', description: 'Access: the submitter, until the leader decides.' })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, 'document.not-in-approval', 'document.not-submitter', 'document.already-decided')
  recall(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'recall-proposal', actor }));
  }

  @Post('proposals/:id/approve')
  @HttpCode(200)
  @Authenticated()
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: 'PTリーダーの承認', description: "Access: the PT leader the proposal was submitted to, never on a proposal they wrote (403 for anyone else). The proposal is then 提出済." })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, ...DECISION_REFUSALS)
  approve(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Body() body: ApproveRequest, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'approve-proposal', actor, comment: body.comment ?? null }));
  }

  @Post('proposals/:id/return')
  @HttpCode(200)
  @Authenticated()
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: 'PTリーダーの差戻し', description: 'Access: the PT leader the proposal was submitted to. Returns it to the PT with a required comment.' })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, ...DECISION_REFUSALS, 'comment.required')
  returnProposal(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Body() body: ReturnRequest, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'return-proposal', actor, comment: body.comment }));
  }

  @Post('proposals/:id/delegate')
  @HttpCode(200)
  @Authenticated()
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '提案の代理', description: "Access: the PT leader. The leader's step is the leader's own: the 決裁 core refuses to hand it on (400 delegate.invalid)." })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, ...DECISION_REFUSALS, 'delegate.invalid')
  delegate(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Body() body: DelegateRequest, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'delegate-proposal', actor, delegateTo: body.delegateTo, comment: body.comment ?? null }));
  }

  @Post('proposals/:id/assign')
  @HttpCode(200)
  @Roles(Role.ReformOffice)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '制度所管局と関係局の割当て', description: 'Access: reform-office, once the PT leader has approved the proposal and until the owning bureau starts its decision.' })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, 'bureau.unknown', 'proposal.not-submitted', 'proposal.decision-started')
  assign(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Body() body: AssignRequest, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'assign', actor, owningBureau: body.owningBureau, concernedBureaus: body.concernedBureaus }));
  }

  @Put('proposals/:id/decision')
  @Roles(Role.Staff)
  @ApiHeader(IF_MATCH_DOC)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '制度所管局の結論の保存', description: 'Access: staff of the owning bureau. Saves a new version of the decision: 採用 / 一部採用 / 不採用 with the reasons and, when adopted, what changes by when.' })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, ...SAVE_REFUSALS, 'proposal.not-assigned')
  saveDecision(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('id', ProposalIdPipe) id: number,
    @Body() body: DecisionRequest,
    @BasedOnVersion() basedOnVersion: number | null,
    @Req() request: AuthenticatedRequest,
  ): Promise<ProposalDetailView> {
    return this.proposals.saveDecision(fiscalYear, id, body, basedOnVersion, this.caller(request), workflowUpdateKey(request));
  }

  @Post('proposals/:id/decision/submit')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '結論の提出', description: "Access: staff of the owning bureau. Sends the decision along the bureau's chain (所管課長 → 所管局長)." })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, 'proposal.not-assigned', 'document.not-drafter', 'document.in-approval', 'document.approved', 'document.no-draft', 'document.empty-draft')
  submitDecision(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'submit-decision', actor }));
  }

  @Post('proposals/:id/decision/recall')
  @HttpCode(200)
  @Roles(Role.Staff)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '結論の引戻し', description: 'Access: the submitter of the decision, until the first approver decides.' })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, 'proposal.not-assigned', 'document.not-in-approval', 'document.not-submitter', 'document.already-decided')
  recallDecision(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'recall-decision', actor }));
  }

  @Post('proposals/:id/decision/approve')
  @HttpCode(200)
  @Roles(Role.Manager, Role.Director)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '結論の承認', description: "Access: the holder of the decision's current step (the owning bureau's manager, then its director) or its delegate, not whoever wrote it nor decided an earlier step. The last approval sends the proposal to the concerned directors." })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, 'proposal.not-assigned', ...DECISION_REFUSALS)
  approveDecision(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Body() body: ApproveRequest, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'approve-decision', actor, comment: body.comment ?? null }));
  }

  @Post('proposals/:id/decision/return')
  @HttpCode(200)
  @Roles(Role.Manager, Role.Director)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '結論の差戻し', description: "Access: the holder of the decision's current step. Returns it to the owning bureau's staff with a required comment." })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, 'proposal.not-assigned', ...DECISION_REFUSALS, 'comment.required')
  returnDecision(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Body() body: ReturnRequest, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'return-decision', actor, comment: body.comment }));
  }

  @Post('proposals/:id/decision/delegate')
  @HttpCode(200)
  @Roles(Role.Manager, Role.Director)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '結論の代理', description: "Access: the holder of the decision's current step. Hands it to another holder of the same role in the owning bureau." })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, 'proposal.not-assigned', ...DECISION_REFUSALS, 'delegate.invalid')
  delegateDecision(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Body() body: DelegateRequest, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'delegate-decision', actor, delegateTo: body.delegateTo, comment: body.comment ?? null }));
  }

  @Get('proposals/:id/decision/delegates')
  @Roles(Role.Manager, Role.Director)
  @ApiOperation({
    summary: '結論の代理決裁者の候補',
    description:
      "Access: the holder of the decision's current step (or its delegate). The active users the step can be handed to: the step's role in the owning bureau, neither the caller nor an author of the decision nor whoever decided an earlier step.",
  })
  @ApiOkResponse({ type: [DelegateCandidateView] })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'proposal.unknown', 'proposal.closed', 'proposal.not-assigned', ...DECISION_REFUSALS)
  decisionDelegates(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @CurrentUser() user: AuthenticatedUser): Promise<DelegateCandidateView[]> {
    return this.delegates.decisionDelegates(fiscalYear, id, participantOf(user));
  }

  @Put('proposals/:id/policies/:bureau')
  @Roles(Role.Director)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '関係局長の対応方針', description: "Access: the director of that concerned bureau, once the owning bureau's decision is approved. States (or states again) the bureau's response policy; the last concerned bureau's closes the proposal." })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, 'bureau.unknown', 'proposal.no-decision', 'proposal.not-concerned')
  statePolicy(
    @Param('fy', FiscalYearPipe) fiscalYear: number,
    @Param('id', ProposalIdPipe) id: number,
    @Param('bureau', BureauCodePipe) bureau: string,
    @Body() body: PolicyRequest,
    @Req() request: AuthenticatedRequest,
  ): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'state-policy', actor, bureau, text: body.text }));
  }

  @Post('proposals/:id/withdraw')
  @HttpCode(200)
  @Roles(Role.ReformOffice)
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiOperation({ summary: '提案の取下げ', description: 'Access: reform-office, before the proposal closes; the reason is required.' })
  @ApiOkResponse({ type: ProposalDetailView })
  @Refusals(...ACT_REFUSALS, 'comment.required')
  withdraw(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('id', ProposalIdPipe) id: number, @Body() body: WithdrawRequest, @Req() request: AuthenticatedRequest): Promise<ProposalDetailView> {
    return this.run(fiscalYear, id, request, (actor) => ({ type: 'withdraw', actor, reason: body.reason }));
  }

  private caller(request: AuthenticatedRequest) {
    if (!request.user) throw new Error('Platinum actions require authentication');
    return participantOf(request.user);
  }

  private run(fiscalYear: number, id: number, request: AuthenticatedRequest, command: (actor: ReturnType<typeof participantOf>) => RequestedProposalCommand): Promise<ProposalDetailView> {
    return this.proposals.perform(fiscalYear, id, command(this.caller(request)), workflowUpdateKey(request));
  }
}
