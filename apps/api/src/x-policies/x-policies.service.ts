import {
  actorOf,
  EMPTY_PLAN,
  fiscalYearLabel,
  mayReadXPolicyTexts,
  openXPolicy,
  parsePlanContent,
  Participant,
  planContentProblems,
  planMeasure,
  ProcessKind,
  ProcessSubject,
  refusal,
  refused,
  versionCountOf,
  X_POLICY_ACTION_LABELS,
  X_POLICY_PHASE_LABELS,
  X_POLICY_PHASES,
  XPolicyCommand,
  XPolicyPlanContent,
  XPolicyState,
} from '@app/domain';
import { BureauRepository, CatalogueRepository, ProcessReadRepository, ProcessRow, ReportTextRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { xPolicyUpdates } from '@app/workflows';
import { CatalogueService } from '../catalogue/catalogue.service';
import { invalidFields } from '../common/validation.pipe';
import { ProcessWorkflowsService } from '../processes/process-workflows.service';
import { ProcessHistoryPage } from '../processes/process.dto';
import { toProcessHistoryPage } from '../processes/process-views';
import { XPolicyDetailView, XPolicyIssueView, XPolicyListView, SelfInspectionItemView, StartXPoliciesView } from './dto/x-policy.dto';
import { XPolicySettingsService } from './x-policy-settings.service';
import { NOT_STARTED_LABEL, toXPolicyDetail, toXPolicySummary } from './x-policy-views';

/** A command as the API receives it for a bureau: the plan's words come along until they are stored. */
export type RequestedXPolicyCommand =
  | Exclude<XPolicyCommand, { type: 'save-plan' } | { type: 'post-progress' } | { type: 'close-year' } | { type: 'delegate' } | { type: 'release-delegation' }>
  | { readonly type: 'post-progress'; readonly actor: Participant; readonly issueId: string; readonly text: string };

const ALL_BUREAUS = { page: 1, pageSize: 1_000 };
const START_CONCURRENCY = 4;

/** The bureaus' X policies: starting the year's, reading them, and every act on them as a Workflow Update. */
@Injectable()
export class XPoliciesService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly clusters: CatalogueRepository,
    private readonly bureaus: BureauRepository,
    private readonly reads: ProcessReadRepository,
    private readonly texts: ReportTextRepository,
    private readonly workflows: ProcessWorkflowsService,
    private readonly settings: XPolicySettingsService,
  ) {}

  /** Starts the year's X policy of each bureau named (all when none is), with the year's self-inspection items. */
  async start(fiscalYear: number, bureauCodes: readonly string[] | undefined, actor: Participant): Promise<StartXPoliciesView> {
    const settings = await this.settings.require(fiscalYear);
    const bureaus = bureauCodes ? await Promise.all([...new Set(bureauCodes)].map((code) => this.catalogue.requireBureau(code))) : (await this.bureaus.list(ALL_BUREAUS)).items;
    const itemIds = settings.items.map((item) => item.id);
    const started: string[] = [];
    const existing: string[] = [];
    for (let index = 0; index < bureaus.length; index += START_CONCURRENCY) {
      const batch = bureaus.slice(index, index + START_CONCURRENCY);
      const outcomes = await Promise.all(
        batch.map((bureau) =>
          this.workflows.start('xPolicyWorkflow', subjectOf(fiscalYear, bureau.code), openXPolicy(fiscalYear, { code: bureau.code, name: bureau.name }, itemIds), actorOf(actor)),
        ),
      );
      outcomes.forEach((outcome, position) => (outcome === 'started' ? started : existing).push(batch[position].code));
    }
    return { started, existing };
  }

  async list(fiscalYear: number): Promise<XPolicyListView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const [bureaus, rows, deadlines] = await Promise.all([this.bureaus.list(ALL_BUREAUS), this.reads.listAll<XPolicyState>(ProcessKind.XPolicy, fiscalYear), this.settings.deadlines(fiscalYear)]);
    const now = new Date().toISOString();
    const items = bureaus.items.map((bureau) =>
      toXPolicySummary(
        fiscalYear,
        bureau,
        rows.find((row) => row.subject.key === bureau.code) ?? null,
        deadlines,
        now,
      ),
    );
    const counts = [null, ...X_POLICY_PHASES].map((phase) => ({
      phase,
      label: phase ? X_POLICY_PHASE_LABELS[phase] : NOT_STARTED_LABEL,
      count: items.filter((item) => item.phase === phase).length,
    }));
    return { fiscalYear, items, counts };
  }

  async detail(fiscalYear: number, bureauCode: string, caller: Participant): Promise<XPolicyDetailView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const bureau = await this.catalogue.requireBureau(bureauCode);
    const subject = subjectOf(fiscalYear, bureau.code);
    const [row, settings, deadlines] = await Promise.all([this.reads.find<XPolicyState>(subject), this.settings.find(fiscalYear), this.settings.deadlines(fiscalYear)]);
    const readable = mayReadXPolicyTexts(caller, bureau.code);
    const state = row?.state ?? null;
    const versions = row ? await this.reads.versions(subject, 'plan') : [];
    const latest = readable && row ? await this.latestContent(subject, row) : null;
    const hashes = [
      ...(state?.publication ? [state.publication.textHash] : []),
      ...(state?.publishedProgress.map((entry) => entry.textHash) ?? []),
      ...(readable ? (state?.progress.flatMap((document) => (document.textHash ? [document.textHash] : [])) ?? []) : []),
    ];
    const byHash = await this.reads.texts(hashes);
    const published = state?.publication ? parsePlanContent(byHash.get(state.publication.textHash)) : null;
    const items: SelfInspectionItemView[] = (settings?.items ?? []).filter((item) => !state || state.itemIds.includes(item.id));
    const summary = toXPolicySummary(fiscalYear, bureau, row, deadlines, new Date().toISOString());
    return toXPolicyDetail(summary, row, items, versions, { latest, published, byHash }, readable, caller);
  }

  /** 自己点検 or 課題と対応策: the plan is saved whole, the other part taken from the version the edit is based on. */
  async savePlan(
    fiscalYear: number,
    bureauCode: string,
    edit: { readonly part: 'self-inspection'; readonly answers: XPolicyPlanContent['answers'] } | { readonly part: 'issues'; readonly issues: readonly XPolicyIssueView[] },
    basedOnVersion: number | null,
    actor: Participant,
    requestKey: string | undefined,
  ): Promise<XPolicyDetailView> {
    const subject = await this.requireSubject(fiscalYear, bureauCode);
    const row = await this.requireStarted(subject);
    // The part not edited comes from the version the edit started from; without If-Match, from the latest,
    // and a save in between is refused rather than overwritten.
    const base = basedOnVersion ?? versionCountOf(row.state.plan);
    const previous = base > 0 ? parsePlanContent(await this.reads.versionText(subject, 'plan', base)) : EMPTY_PLAN;
    const content: XPolicyPlanContent = edit.part === 'self-inspection' ? { ...previous, answers: edit.answers } : { ...previous, issues: edit.issues };
    const referenced = [...new Set(content.issues.flatMap((issue) => issue.clusterNos))];
    const known = await this.clusters.existingClusterNos(fiscalYear, referenced);
    const problems = planContentProblems(content, row.state.itemIds, known);
    if (problems.length > 0) {
      throw invalidFields(problems.map(({ field, problem }) => ({ field, problems: [problem] })));
    }
    const text = JSON.stringify(content);
    const hash = await this.texts.store(text);
    await this.act(subject, { type: 'save-plan', actor, part: edit.part, content: planMeasure(content, hash, text.length), basedOnVersion: base }, requestKey);
    return this.detail(fiscalYear, bureauCode, actor);
  }

  /** 提出・承認・差戻し・引戻し of the plan, and progress updates; answers with the X policy after the change. */
  async perform(fiscalYear: number, bureauCode: string, requested: RequestedXPolicyCommand, requestKey: string | undefined): Promise<XPolicyDetailView> {
    const subject = await this.requireSubject(fiscalYear, bureauCode);
    let command: XPolicyCommand = requested as XPolicyCommand;
    if (requested.type === 'post-progress') {
      // The words are stored first and the workflow gets their hash: they never enter workflow history.
      const hash = await this.texts.store(requested.text);
      command = { ...requested, text: { hash, length: requested.text.length, empty: requested.text.trim() === '' } };
    }
    await this.act(subject, command, requestKey);
    return this.detail(fiscalYear, bureauCode, requested.actor);
  }

  async history(fiscalYear: number, bureauCode: string, page: { page: number; pageSize: number }, caller: Participant): Promise<ProcessHistoryPage> {
    const subject = await this.requireSubject(fiscalYear, bureauCode);
    const readable = mayReadXPolicyTexts(caller, bureauCode);
    return toProcessHistoryPage(await this.reads.history(subject, page), X_POLICY_ACTION_LABELS, () => readable);
  }

  private async act(subject: ProcessSubject, command: XPolicyCommand, requestKey: string | undefined): Promise<void> {
    if (command.type === 'close-year') throw new Error('the year is closed by the workflow itself');
    await this.workflows.act(
      subject,
      xPolicyUpdates[command.type] as (typeof xPolicyUpdates)['submit'],
      command as Extract<XPolicyCommand, { type: 'submit' }>,
      requestKey,
      () => this.currentState(subject),
      async () =>
        (await this.reads.find(subject))
          ? refusal('x-policy.closed', `${fiscalYearLabel(subject.fiscalYear)}のX方針は年度終了しているため操作できません`)
          : refusal('x-policy.unknown', `${fiscalYearLabel(subject.fiscalYear)}のX方針（${subject.key}）は開始されていません。市政変革室が開始してください`),
    );
  }

  private async currentState(subject: ProcessSubject): Promise<Record<string, unknown>> {
    const row = await this.reads.find<XPolicyState>(subject);
    return row ? { phase: row.phase, planStatus: row.state.plan.status, version: versionCountOf(row.state.plan) } : { phase: null };
  }

  private async requireSubject(fiscalYear: number, bureauCode: string): Promise<ProcessSubject> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const bureau = await this.catalogue.requireBureau(bureauCode);
    return subjectOf(fiscalYear, bureau.code);
  }

  private async requireStarted(subject: ProcessSubject): Promise<ProcessRow<XPolicyState>> {
    const row = await this.reads.find<XPolicyState>(subject);
    if (!row) throw refused('x-policy.unknown', `${fiscalYearLabel(subject.fiscalYear)}のX方針（${subject.key}）は開始されていません。市政変革室が開始してください`);
    return row;
  }

  private async latestContent(subject: ProcessSubject, row: ProcessRow<XPolicyState>): Promise<XPolicyPlanContent | null> {
    const version = versionCountOf(row.state.plan);
    return version > 0 ? parsePlanContent(await this.reads.versionText(subject, 'plan', version)) : null;
  }
}

export function subjectOf(fiscalYear: number, bureauCode: string): ProcessSubject {
  return { kind: ProcessKind.XPolicy, fiscalYear, key: bureauCode };
}
