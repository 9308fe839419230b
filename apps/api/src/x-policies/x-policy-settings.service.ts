import {
  actorOf,
  CLOSED_PROCESS_PHASES,
  fiscalYearLabel,
  mergeFieldProblems,
  Participant,
  ProcessDeadline,
  processDeadlineProblems,
  ProcessKind,
  refused,
  X_POLICY_DEADLINE_TARGETS,
  xPolicySettingsProblems,
  XPolicySettings,
  XPolicyState,
} from '@app/domain';
import { FiscalYearSettingsRepository, MeetingRepository, ProcessReadRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CatalogueService } from '../catalogue/catalogue.service';
import { invalidFields } from '../common/validation.pipe';
import { ProcessDeadlinesService } from '../processes/process-deadlines.service';
import { ProcessWorkflowsService } from '../processes/process-workflows.service';
import { XPolicySettingsView } from './dto/x-policy.dto';
import { toProcessDeadlineView } from '../processes/process-views';

/** The year's self-inspection items and the plan's deadline, which the reform office sets. */
@Injectable()
export class XPolicySettingsService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly fiscalYearSettings: FiscalYearSettingsRepository,
    private readonly meetings: MeetingRepository,
    private readonly reads: ProcessReadRepository,
    private readonly workflows: ProcessWorkflowsService,
    private readonly processDeadlines: ProcessDeadlinesService,
  ) {}

  find(fiscalYear: number): Promise<XPolicySettings | null> {
    return this.fiscalYearSettings.xPolicySettings(fiscalYear);
  }

  async require(fiscalYear: number): Promise<XPolicySettings> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const settings = await this.find(fiscalYear);
    if (!settings || xPolicySettingsProblems(settings).length > 0) {
      throw refused('x-policy-settings.incomplete', `${fiscalYearLabel(fiscalYear)}のX方針の設定（自己点検の項目）がないか不完全なため開始できません。先に設定してください`);
    }
    return settings;
  }

  /** The year's deadlines under the meetings as they stand: what the workflows plan by, too. */
  deadlines(fiscalYear: number): Promise<ProcessDeadline[]> {
    return this.processDeadlines.of(ProcessKind.XPolicy, fiscalYear);
  }

  async view(fiscalYear: number): Promise<XPolicySettingsView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const settings = await this.find(fiscalYear);
    if (!settings) throw refused('x-policy-settings.unknown', `${fiscalYearLabel(fiscalYear)}のX方針の設定はまだありません`);
    const now = new Date().toISOString();
    return {
      fiscalYear,
      items: settings.items.map((item) => ({ ...item })),
      deadlines: (await this.deadlines(fiscalYear)).map((deadline) => toProcessDeadlineView(deadline, X_POLICY_DEADLINE_TARGETS, false, now)),
      deadlineRules: settings.deadlines.map((rule) => ({ ...rule })),
    };
  }

  /** New items apply to X policies started afterwards; a new deadline re-plans the running ones at once. */
  async update(fiscalYear: number, settings: XPolicySettings, actor: Participant): Promise<XPolicySettingsView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const meetingIds = (await this.meetings.list(fiscalYear)).map((meeting) => meeting.id);
    const rules = settings.deadlines;
    const stillAnswered = await this.itemsStillAnswered(fiscalYear, settings);
    const problems = mergeFieldProblems(
      xPolicySettingsProblems(settings),
      processDeadlineProblems(rules, X_POLICY_DEADLINE_TARGETS, meetingIds),
      stillAnswered.length > 0 ? [{ field: 'items', problems: stillAnswered }] : [],
    );
    if (problems.length > 0) throw invalidFields(problems);
    await this.fiscalYearSettings.setXPolicySettings(fiscalYear, { items: settings.items.map((item) => ({ id: item.id, question: item.question })), deadlines: rules });
    const running = (await this.reads.running(fiscalYear, CLOSED_PROCESS_PHASES)).filter((subject) => subject.kind === ProcessKind.XPolicy);
    await this.workflows.tellDeadlinesChanged(running, actorOf(actor), `x-policy-settings/${fiscalYear}/${randomUUID()}`);
    return this.view(fiscalYear);
  }

  /**
   * A bureau that has started answers the items it started with, and must answer each to submit: an
   * item it uses cannot be removed (new items apply to bureaus started afterwards; a question may be reworded).
   */
  private async itemsStillAnswered(fiscalYear: number, settings: XPolicySettings): Promise<string[]> {
    const kept = new Set(settings.items.map((item) => item.id));
    const started = await this.reads.listAll<XPolicyState>(ProcessKind.XPolicy, fiscalYear);
    const users = new Map<string, string[]>();
    for (const row of started) {
      for (const itemId of row.state.itemIds.filter((id) => !kept.has(id))) users.set(itemId, [...(users.get(itemId) ?? []), row.state.bureau.name]);
    }
    return [...users].map(([itemId, bureaus]) => `自己点検の項目「${itemId}」は開始済みの${bureaus.join('・')}が回答するため削除できません`);
  }
}
