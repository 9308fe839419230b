import {
  actorOf,
  CLOSED_PROCESS_PHASES,
  DelegateStanding,
  RefusedError,
  ApprovalStatus,
  currentStepOf,
  DECISION_OUTCOME_LABELS,
  DECISION_OUTCOMES,
  DecisionContent,
  decisionMeasure,
  fiscalYearLabel,
  mayReadDecisionDrafts,
  mayReadProposalDrafts,
  openProposal,
  parseDecisionContent,
  parseProposalContent,
  Participant,
  PLATINUM_DEADLINE_TARGETS,
  PlatinumPhase,
  PlatinumProposalState,
  ProcessDeadline,
  ProcessKind,
  ProcessSubject,
  PROPOSAL_ACTION_LABELS,
  PROPOSAL_PHASE_LABELS,
  PROPOSAL_PHASES,
  ProposalCommand,
  ProposalContent,
  proposalMeasure,
  proposalOwed,
  proposalPermissions,
  proposalPhase,
  ProposalPhase,
  PtStanding,
  RecipientRule,
  refusal,
  refused,
  Role,
  ROLE_LABELS,
  toTokyoIsoString,
  versionCountOf,
} from '@app/domain';
import { CatalogueRepository, pageOfList, ProcessReadRepository, ProcessRow, ProposalNumberRepository, ReportTextRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { proposalUpdates } from '@app/workflows';
import { CatalogueService } from '../catalogue/catalogue.service';
import { invalidFields } from '../common/validation.pipe';
import { DelegateResolver } from '../processes/delegate-resolver.service';
import { ProcessWorkflowsService } from '../processes/process-workflows.service';
import { ProcessHistoryPage } from '../processes/process.dto';
import { toApprovalDocumentView, toProcessDeadlineView, toProcessHistoryPage } from '../processes/process-views';
import { CountView, OwedItemView, PlatinumProjectView, ProposalDetailView, ProposalListView, ProposalSummaryView } from './dto/platinum.dto';
import { PlatinumProjectService } from './platinum-project.service';

/** A proposal command as the API receives it: words come along until they are stored, a delegate by username. */
export type RequestedProposalCommand =
  | Extract<ProposalCommand, { type: 'recall-proposal' | 'approve-proposal' | 'return-proposal' | 'submit-decision' | 'recall-decision' | 'approve-decision' | 'return-decision' | 'withdraw' }>
  | { readonly type: 'submit-proposal'; readonly actor: Participant }
  | { readonly type: 'delegate-proposal' | 'delegate-decision'; readonly actor: Participant; readonly delegateTo: string; readonly comment: string | null }
  | { readonly type: 'assign'; readonly actor: Participant; readonly owningBureau: string; readonly concernedBureaus: readonly string[] }
  | { readonly type: 'state-policy'; readonly actor: Participant; readonly bureau: string; readonly text: string };

export interface ProposalFilter {
  readonly phase?: ProposalPhase;
  readonly decision?: string;
  readonly bureau?: string;
  readonly cluster?: number;
}

const proposalSubject = (fiscalYear: number, id: number): ProcessSubject => ({ kind: ProcessKind.PlatinumProposal, fiscalYear, key: String(id) });

/** The year's Platinum proposals: created by PT members, acted on along their 決裁 chains, read by every member of staff. */
@Injectable()
export class PlatinumProposalsService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly clusters: CatalogueRepository,
    private readonly project: PlatinumProjectService,
    private readonly reads: ProcessReadRepository,
    private readonly texts: ReportTextRepository,
    private readonly numbers: ProposalNumberRepository,
    private readonly workflows: ProcessWorkflowsService,
    private readonly delegates: DelegateResolver,
  ) {}

  /** The project with its counts and, for each open proposal, who owes what by when. */
  async projectView(fiscalYear: number, caller: Participant): Promise<PlatinumProjectView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const [rows, deadlines, standing] = await Promise.all([
      this.reads.listAll<PlatinumProposalState>(ProcessKind.PlatinumProposal, fiscalYear),
      this.project.deadlines(fiscalYear),
      this.project.standing(fiscalYear, caller),
    ]);
    const titles = await this.titles(rows, caller, standing);
    const byPhase: CountView[] = PROPOSAL_PHASES.map((phase) => ({ key: phase, label: PROPOSAL_PHASE_LABELS[phase], count: rows.filter((row) => row.phase === phase).length }));
    const outcomes = rows.map((row) => approvedOutcome(row.state));
    const byDecision: CountView[] = [
      ...DECISION_OUTCOMES.map((outcome) => ({ key: outcome, label: DECISION_OUTCOME_LABELS[outcome], count: outcomes.filter((candidate) => candidate === outcome).length })),
      { key: null, label: '未決', count: outcomes.filter((outcome) => outcome === null).length },
    ];
    const bureaus = await this.bureauNames();
    const owed = rows.flatMap((row) => this.owedOf(row.state, titles.get(row.state.id) ?? null, deadlines, bureaus));
    return this.project.view(fiscalYear, caller, { countsByPhase: byPhase, countsByDecision: byDecision, owed });
  }

  async list(fiscalYear: number, filter: ProposalFilter, page: { page: number; pageSize: number }, caller: Participant): Promise<ProposalListView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const [rows, standing] = await Promise.all([this.reads.listAll<PlatinumProposalState>(ProcessKind.PlatinumProposal, fiscalYear), this.project.standing(fiscalYear, caller)]);
    const matching = rows.filter(
      (row) =>
        (!filter.phase || row.phase === filter.phase) &&
        (!filter.decision || approvedOutcome(row.state) === filter.decision) &&
        (!filter.bureau || row.state.assignment?.owningBureau.code === filter.bureau) &&
        (!filter.cluster || (row.state.proposal.content?.relatedClusterNos ?? []).includes(filter.cluster)),
    );
    const shown = pageOfList(matching, page);
    const titles = await this.titles(shown.items, caller, standing);
    return { ...shown, items: shown.items.map((row) => this.summary(row, titles.get(row.state.id) ?? null)) };
  }

  async detail(fiscalYear: number, id: number, caller: Participant): Promise<ProposalDetailView> {
    const row = await this.require(fiscalYear, id);
    const state = row.state;
    const subject = proposalSubject(fiscalYear, id);
    const standing = await this.project.standing(fiscalYear, caller);
    // Drafts, versions and review comments for those who work on the document; its approved words for all.
    const proposalDrafts = mayReadProposalDrafts(caller, standing.member);
    const decisionDrafts = mayReadDecisionDrafts(caller, state, standing.member);
    const proposalReadable = proposalDrafts || state.proposal.status === ApprovalStatus.Approved;
    const decisionReadable = decisionDrafts || state.decision.status === ApprovalStatus.Approved;
    const [proposalVersions, decisionVersions, deadlines, bureaus] = await Promise.all([
      this.reads.versions(subject, 'proposal'),
      this.reads.versions(subject, 'decision'),
      this.project.deadlines(fiscalYear),
      this.bureauNames(),
    ]);
    const latestProposal = proposalReadable && state.proposal.latestVersion ? await this.reads.versionText(subject, 'proposal', state.proposal.latestVersion.version) : null;
    const latestDecision = decisionReadable && state.decision.latestVersion ? await this.reads.versionText(subject, 'decision', state.decision.latestVersion.version) : null;
    const content = parseProposalContent(latestProposal);
    const decision = parseDecisionContent(latestDecision);
    const policyTexts = await this.reads.texts(state.policies.map((policy) => policy.textHash));
    const title = proposalReadable ? (state.proposal.latestVersion?.title ?? null) : null;
    const permitted = proposalPermissions(state, caller, standing);
    return {
      ...this.summary(row, title),
      proposalRestricted: !proposalReadable,
      content: content && state.proposal.latestVersion ? { title: state.proposal.latestVersion.title, ...content, relatedClusterNos: [...content.relatedClusterNos] } : null,
      proposalDocument: toApprovalDocumentView(state.proposal, proposalVersions, proposalDrafts),
      decisionRestricted: !decisionReadable,
      decision: decision ? { ...decision, outcomeLabel: DECISION_OUTCOME_LABELS[decision.outcome] } : null,
      decisionDocument: toApprovalDocumentView(state.decision, decisionVersions, decisionDrafts),
      policies: state.policies.map((policy) => ({
        bureau: policy.bureau,
        statedBy: policy.statedBy,
        statedAt: toTokyoIsoString(policy.statedAt),
        text: policyTexts.get(policy.textHash) ?? '',
        version: policy.version,
      })),
      withdrawal: state.withdrawal ? { ...state.withdrawal, at: toTokyoIsoString(state.withdrawal.at) } : null,
      owed: this.owedOf(state, title, deadlines, bureaus),
      permitted: { ...permitted, statePolicy: [...permitted.statePolicy] },
    };
  }

  /** A PT member files a proposal: it gets the year's next number and its first version at once. */
  async create(fiscalYear: number, content: ProposalContent & { readonly title: string }, actor: Participant, requestKey: string | undefined): Promise<ProposalDetailView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const project = await this.project.project(fiscalYear);
    const standing = await this.project.standing(fiscalYear, actor);
    if (!project?.state.formation) throw refused('platinum.not-formed', `${fiscalYearLabel(fiscalYear)}のPTはまだ結成されていないため、提案は起案できません`);
    if (project.state.phase === PlatinumPhase.Closed) throw refused('platinum.closed', `${fiscalYearLabel(fiscalYear)}のプラチナ市役所プロジェクトは完了しています`);
    if (!standing.member) throw refused('platinum.not-member', '提案を起案できるのはプラチナ市役所プロジェクトのPTメンバーだけです');
    const checked = await this.checkedProposal(fiscalYear, content);
    const id = await this.numbers.next(fiscalYear);
    if (id === null) throw refused('fiscal-year.unknown', `${fiscalYearLabel(fiscalYear)}（${fiscalYear}）は登録されていません`);
    const subject = proposalSubject(fiscalYear, id);
    await this.workflows.start('platinumProposalWorkflow', subject, openProposal(fiscalYear, id, actorOf(actor)), actorOf(actor));
    await this.act(subject, { type: 'save-proposal', actor, standing, title: content.title, content: checked, basedOnVersion: 0 }, requestKey && `${requestKey}/save`);
    return this.detail(fiscalYear, id, actor);
  }

  async save(fiscalYear: number, id: number, content: ProposalContent & { readonly title: string }, basedOnVersion: number | null, actor: Participant, requestKey: string | undefined): Promise<ProposalDetailView> {
    const row = await this.require(fiscalYear, id);
    const checked = await this.checkedProposal(fiscalYear, content);
    const standing = await this.project.standing(fiscalYear, actor);
    await this.act(proposalSubject(fiscalYear, id), { type: 'save-proposal', actor, standing, title: content.title, content: checked, basedOnVersion: basedOnVersion ?? versionCountOf(row.state.proposal) }, requestKey);
    return this.detail(fiscalYear, id, actor);
  }

  async saveDecision(fiscalYear: number, id: number, content: DecisionContent, basedOnVersion: number | null, actor: Participant, requestKey: string | undefined): Promise<ProposalDetailView> {
    const row = await this.require(fiscalYear, id);
    const text = JSON.stringify({ outcome: content.outcome, reasons: content.reasons, changes: content.changes, changeBy: content.changeBy });
    const hash = await this.texts.store(text);
    await this.act(
      proposalSubject(fiscalYear, id),
      { type: 'save-decision', actor, content: decisionMeasure(content, hash, text.length), basedOnVersion: basedOnVersion ?? versionCountOf(row.state.decision) },
      requestKey,
    );
    return this.detail(fiscalYear, id, actor);
  }

  /** Every other act, its names and words resolved first. */
  async perform(fiscalYear: number, id: number, requested: RequestedProposalCommand, requestKey: string | undefined): Promise<ProposalDetailView> {
    await this.require(fiscalYear, id);
    await this.act(proposalSubject(fiscalYear, id), await this.resolved(fiscalYear, requested), requestKey);
    return this.detail(fiscalYear, id, requested.actor);
  }

  async history(fiscalYear: number, id: number, page: { page: number; pageSize: number }, caller: Participant): Promise<ProcessHistoryPage> {
    const row = await this.require(fiscalYear, id);
    const standing = await this.project.standing(fiscalYear, caller);
    const proposalDrafts = mayReadProposalDrafts(caller, standing.member);
    const decisionDrafts = mayReadDecisionDrafts(caller, row.state, standing.member);
    const readable = (document: string | null) => (document === 'proposal' ? proposalDrafts : document === 'decision' ? decisionDrafts : true);
    return toProcessHistoryPage(await this.reads.history(proposalSubject(fiscalYear, id), page), PROPOSAL_ACTION_LABELS, readable);
  }

  /**
   * A delegate whose roles, bureau or account changed: each running proposal whose current decision
   * step is delegated to them is told, and its rules decide whether the step returns to the role's
   * holders. Answers how many went back.
   */
  async releaseDelegationsOf(delegate: DelegateStanding, admin: Participant): Promise<number> {
    let released = 0;
    for (const row of await this.reads.delegatedTo<PlatinumProposalState>(ProcessKind.PlatinumProposal, delegate.id, CLOSED_PROCESS_PHASES)) {
      try {
        await this.act(row.subject, { type: 'release-delegation', actor: admin, delegate }, undefined);
        released += 1;
      } catch (error) {
        // Still held (the change did not touch the step's role or bureau), or decided meanwhile: nothing to release.
        if (!(error instanceof RefusedError) || !['delegation.unchanged', 'proposal.closed', 'document.not-in-approval'].includes(error.refusal.code)) throw error;
      }
    }
    return released;
  }

  private async resolved(fiscalYear: number, requested: RequestedProposalCommand): Promise<ProposalCommand> {
    switch (requested.type) {
      case 'submit-proposal':
        return { ...requested, standing: await this.project.standing(fiscalYear, requested.actor) };
      case 'delegate-proposal':
      case 'delegate-decision': {
        const { delegateTo, ...rest } = requested;
        return { ...rest, delegate: await this.delegates.resolve(delegateTo) };
      }
      case 'assign': {
        const owningBureau = await this.catalogue.requireBureau(requested.owningBureau, 'owningBureau');
        const concernedBureaus = await Promise.all([...new Set(requested.concernedBureaus)].map((code) => this.catalogue.requireBureau(code, 'concernedBureaus')));
        return { ...requested, owningBureau, concernedBureaus };
      }
      case 'state-policy': {
        const bureau = await this.catalogue.requireBureau(requested.bureau, 'bureau');
        // The words are stored first and the workflow gets their hash: they never enter workflow history.
        const hash = await this.texts.store(requested.text);
        return { ...requested, bureau, text: { hash, length: requested.text.length, empty: requested.text.trim() === '' } };
      }
      default:
        return requested;
    }
  }

  private async act(subject: ProcessSubject, command: ProposalCommand, requestKey: string | undefined): Promise<void> {
    await this.workflows.act(
      subject,
      proposalUpdates[command.type] as (typeof proposalUpdates)['withdraw'],
      command as Extract<ProposalCommand, { type: 'withdraw' }>,
      requestKey,
      async () => {
        const row = await this.reads.find<PlatinumProposalState>(subject);
        return row ? proposalCurrentOf(row) : { phase: null };
      },
      async () =>
        (await this.reads.find(subject))
          ? refusal('proposal.closed', `提案 No.${subject.key} は完了または取下げ済みのため操作できません`)
          : refusal('proposal.unknown', `提案 No.${subject.key} はありません`),
    );
  }

  private async checkedProposal(fiscalYear: number, content: ProposalContent & { readonly title: string }) {
    const referenced = [...new Set(content.relatedClusterNos)];
    const known = await this.clusters.existingClusterNos(fiscalYear, referenced);
    const unknown = referenced.filter((no) => !known.includes(no));
    if (unknown.length > 0) throw invalidFields([{ field: 'relatedClusterNos', problems: unknown.map((no) => `事業群 No.${no} は${fiscalYearLabel(fiscalYear)}の一覧にありません`) }]);
    const words: ProposalContent = { issue: content.issue, rules: content.rules, proposal: content.proposal, effects: content.effects, relatedClusterNos: referenced };
    const text = JSON.stringify(words);
    return proposalMeasure(words, await this.texts.store(text), text.length);
  }

  async require(fiscalYear: number, id: number): Promise<ProcessRow<PlatinumProposalState>> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const row = await this.reads.find<PlatinumProposalState>(proposalSubject(fiscalYear, id));
    if (!row) throw refused('proposal.unknown', `${fiscalYearLabel(fiscalYear)}のプラチナ市役所プロジェクトに提案 No.${id} はありません`);
    return row;
  }

  /** Titles the caller may read: drafts for the PT and the reform office, every approved proposal for all. */
  private async titles(rows: readonly ProcessRow<PlatinumProposalState>[], caller: Participant, standing: PtStanding): Promise<Map<number, string>> {
    const drafts = mayReadProposalDrafts(caller, standing.member);
    return new Map(
      rows.flatMap((row) => {
        const latest = row.state.proposal.latestVersion;
        return latest && (drafts || row.state.proposal.status === ApprovalStatus.Approved) ? [[row.state.id, latest.title] as const] : [];
      }),
    );
  }

  private summary(row: ProcessRow<PlatinumProposalState>, title: string | null): ProposalSummaryView {
    const state = row.state;
    const outcome = approvedOutcome(state);
    return {
      fiscalYear: state.fiscalYear,
      id: state.id,
      title,
      phase: proposalPhase(state),
      phaseLabel: PROPOSAL_PHASE_LABELS[proposalPhase(state)],
      proposalStatus: state.proposal.status,
      pendingStep: (currentStepOf(state.proposal) ?? currentStepOf(state.decision))?.label ?? null,
      owningBureau: state.assignment?.owningBureau ?? null,
      concernedBureaus: [...(state.assignment?.concernedBureaus ?? [])],
      decisionOutcome: outcome,
      decisionOutcomeLabel: outcome ? DECISION_OUTCOME_LABELS[outcome] : null,
      relatedClusterNos: [...(state.proposal.content?.relatedClusterNos ?? [])],
      pendingPolicies: (state.assignment?.concernedBureaus ?? []).filter((bureau) => !state.policies.some((policy) => policy.bureau.code === bureau.code)),
      createdBy: state.createdBy,
      updatedAt: toTokyoIsoString(row.updatedAt),
    };
  }

  private owedOf(state: PlatinumProposalState, title: string | null, deadlines: readonly ProcessDeadline[], bureaus: ReadonlyMap<string, string>): OwedItemView[] {
    const now = new Date().toISOString();
    return proposalOwed(state).map((owed) => {
      const deadline = deadlines.find((candidate) => candidate.target === owed.target);
      return {
        proposalId: state.id,
        proposalTitle: title,
        what: owed.what,
        who: owed.owners.map((owner) => whoLabel(owner, state, bureaus)).join('、'),
        deadline: deadline ? toProcessDeadlineView(deadline, PLATINUM_DEADLINE_TARGETS, false, now) : null,
      };
    });
  }

  private async bureauNames(): Promise<Map<string, string>> {
    return new Map((await this.catalogue.bureaus()).map((bureau) => [bureau.code, bureau.name]));
  }
}

/** What a proposal looks like now, for the `current` of a refusal: a client that lost a race redraws from it. */
export function proposalCurrentOf(row: ProcessRow<PlatinumProposalState>): Record<string, unknown> {
  const { proposal, decision } = row.state;
  return { phase: row.phase, proposalStatus: proposal.status, proposalVersion: versionCountOf(proposal), decisionStatus: decision.status, decisionVersion: versionCountOf(decision) };
}

function approvedOutcome(state: PlatinumProposalState) {
  return state.decision.status === ApprovalStatus.Approved ? (state.decision.content?.outcome ?? null) : null;
}

/** Who owes something, in words: 総務局の局長, 市政変革室, or the people by name. */
function whoLabel(owner: RecipientRule, state: PlatinumProposalState, bureaus: ReadonlyMap<string, string>): string {
  if (owner.type === 'role') {
    if (owner.role === Role.ReformOffice) return ROLE_LABELS[Role.ReformOffice];
    return `${owner.bureauCode ? `${bureaus.get(owner.bureauCode) ?? owner.bureauCode}の` : ''}${ROLE_LABELS[owner.role]}`;
  }
  const known = [state.createdBy, state.proposal.latestVersion?.savedBy, ...(state.proposal.submission?.steps.flatMap((step) => (step.person ? [step.person] : [])) ?? [])];
  return owner.userIds.map((id) => known.find((actor) => actor?.id === id)?.name ?? '指名された職員').join('、');
}
