import {
  actorOf,
  CLOSED_PROCESS_PHASES,
  fiscalYearLabel,
  isPtMember,
  openPlatinumProject,
  Participant,
  PLATINUM_DEADLINE_TARGETS,
  PLATINUM_PHASE_LABELS,
  PlatinumPhase,
  PlatinumProjectCommand,
  PlatinumProjectState,
  PlatinumSettings,
  platinumSettingsProblems,
  ProcessDeadline,
  ProcessKind,
  ProcessSubject,
  PtMember,
  PtStanding,
  refusal,
  Role,
  toTokyoIsoString,
} from '@app/domain';
import { FiscalYearSettingsRepository, MeetingRepository, ProcessReadRepository, ProcessRow, UserRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { platinumProjectUpdates, PLATINUM_PROJECT_KEY } from '@app/workflows';
import { CatalogueService } from '../catalogue/catalogue.service';
import { invalidFields } from '../common/validation.pipe';
import { ProcessDeadlinesService } from '../processes/process-deadlines.service';
import { ProcessWorkflowsService } from '../processes/process-workflows.service';
import { toProcessDeadlineView } from '../processes/process-views';
import { PlatinumProjectView } from './dto/platinum.dto';

export const projectSubject = (fiscalYear: number): ProcessSubject => ({ kind: ProcessKind.PlatinumProject, fiscalYear, key: PLATINUM_PROJECT_KEY });

/** The year's Platinum project: its team, formation, deadlines, and where it stands. */
@Injectable()
export class PlatinumProjectService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly users: UserRepository,
    private readonly reads: ProcessReadRepository,
    private readonly fiscalYearSettings: FiscalYearSettingsRepository,
    private readonly meetings: MeetingRepository,
    private readonly workflows: ProcessWorkflowsService,
    private readonly processDeadlines: ProcessDeadlinesService,
  ) {}

  async project(fiscalYear: number): Promise<ProcessRow<PlatinumProjectState> | null> {
    return this.reads.find<PlatinumProjectState>(projectSubject(fiscalYear));
  }

  /** How the caller stands in the year's PT now. */
  async standing(fiscalYear: number, caller: Participant): Promise<PtStanding> {
    const project = (await this.project(fiscalYear))?.state ?? null;
    return { member: isPtMember(project, caller.id), leader: project?.leader ? { id: project.leader.id, name: project.leader.name } : null };
  }

  deadlines(fiscalYear: number): Promise<ProcessDeadline[]> {
    return this.processDeadlines.of(ProcessKind.PlatinumProject, fiscalYear);
  }

  /** The project with what the caller may do; the counts and who owes what come from the proposals. */
  async view(fiscalYear: number, caller: Participant, proposals: Pick<PlatinumProjectView, 'countsByPhase' | 'countsByDecision' | 'owed'>): Promise<PlatinumProjectView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const [row, deadlines, settings] = await Promise.all([this.project(fiscalYear), this.deadlines(fiscalYear), this.fiscalYearSettings.platinumSettings(fiscalYear)]);
    const state = row?.state ?? openPlatinumProject(fiscalYear);
    const office = caller.roles.includes(Role.ReformOffice);
    const open = state.phase !== PlatinumPhase.Closed;
    const [bureaus, usernames] = await Promise.all([this.bureauNames(), this.usernames(state.members)]);
    const now = new Date().toISOString();
    const phaseOrder = Object.values(PlatinumPhase);
    const passed = (target: string) => ({ proposals: PlatinumPhase.BureauReview, decisions: PlatinumPhase.ResponsePolicy, policies: PlatinumPhase.Closed })[target as 'proposals'] ?? PlatinumPhase.Closed;
    return {
      fiscalYear,
      started: row !== null,
      phase: state.phase,
      phaseLabel: PLATINUM_PHASE_LABELS[state.phase],
      members: state.members.map((member) => ({
        id: member.id,
        username: usernames.get(member.id) ?? null,
        name: member.name,
        bureau: member.bureauCode ? { code: member.bureauCode, name: bureaus.get(member.bureauCode) ?? member.bureauCode } : null,
        leader: state.leader?.id === member.id,
      })),
      formation: state.formation ? { ...state.formation, recordedAt: toTokyoIsoString(state.formation.recordedAt) } : null,
      deadlines: deadlines.map((deadline) =>
        toProcessDeadlineView(deadline, PLATINUM_DEADLINE_TARGETS, phaseOrder.indexOf(state.phase) >= phaseOrder.indexOf(passed(deadline.target)), now),
      ),
      deadlineRules: (settings?.deadlines ?? []).map((rule) => ({ ...rule })),
      ...proposals,
      permitted: {
        setMembers: office && open,
        recordFormation: office && open && state.formation === null && state.members.length > 0,
        setDeadlines: office && open,
        createProposal: open && state.formation !== null && isPtMember(state, caller.id),
      },
    };
  }

  /** Names the PT and its leader; the first time, the year's project starts. */
  async setMembers(fiscalYear: number, usernames: readonly string[], leaderName: string, actor: Participant, requestKey: string | undefined): Promise<void> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const members = await this.membersNamed([...new Set(usernames)]);
    const leader = members.find((member) => member.username === leaderName);
    if (!leader) throw invalidFields([{ field: 'leader', problems: [`リーダー「${leaderName}」をPTのメンバーに含めてください`] }]);
    await this.ensureStarted(fiscalYear, actor);
    const plain = (member: PtMember & { username: string }): PtMember => ({ id: member.id, name: member.name, bureauCode: member.bureauCode });
    await this.act(fiscalYear, { type: 'set-members', actor, members: members.map(plain), leader: plain(leader) }, requestKey);
  }

  async recordFormation(fiscalYear: number, date: string, actor: Participant, requestKey: string | undefined): Promise<void> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    await this.act(fiscalYear, { type: 'record-formation', actor, date }, requestKey);
  }

  /** The year's deadlines; the project and its running proposals re-plan by them at once. */
  async setDeadlines(fiscalYear: number, settings: PlatinumSettings, actor: Participant): Promise<void> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const meetingIds = (await this.meetings.list(fiscalYear)).map((meeting) => meeting.id);
    const problems = platinumSettingsProblems(settings, meetingIds);
    if (problems.length > 0) throw invalidFields(problems);
    await this.fiscalYearSettings.setPlatinumSettings(fiscalYear, settings);
    const running = (await this.reads.running(fiscalYear, CLOSED_PROCESS_PHASES)).filter((subject) => subject.kind !== ProcessKind.XPolicy);
    await this.workflows.tellDeadlinesChanged(running, actorOf(actor), `platinum-settings/${fiscalYear}/${randomUUID()}`);
  }

  private async ensureStarted(fiscalYear: number, actor: Participant): Promise<void> {
    if (await this.project(fiscalYear)) return;
    await this.workflows.start('platinumProjectWorkflow', projectSubject(fiscalYear), openPlatinumProject(fiscalYear), actorOf(actor));
  }

  private async act(fiscalYear: number, command: Exclude<PlatinumProjectCommand, { type: 'advance' }>, requestKey: string | undefined): Promise<void> {
    const subject = projectSubject(fiscalYear);
    await this.workflows.act(
      subject,
      platinumProjectUpdates[command.type] as (typeof platinumProjectUpdates)['set-members'],
      command as Extract<PlatinumProjectCommand, { type: 'set-members' }>,
      requestKey,
      async () => {
        const row = await this.project(fiscalYear);
        return { phase: row?.phase ?? PlatinumPhase.Forming, members: row?.state.members.length ?? 0, formed: row?.state.formation !== null && row !== null };
      },
      async () => refusal('platinum.unknown', `${fiscalYearLabel(fiscalYear)}のプラチナ市役所プロジェクトはまだ始まっていません。先にPTのメンバーとリーダーを指名してください`),
    );
  }

  private async membersNamed(usernames: readonly string[]): Promise<(PtMember & { username: string })[]> {
    const found = await Promise.all(usernames.map((username) => this.users.findByUsername(username)));
    const problems = usernames.flatMap((username, index) => {
      const user = found[index];
      if (!user) return [`「${username}」という利用者は登録されていません`];
      return user.active ? [] : [`「${username}」のアカウントは無効化されています`];
    });
    if (problems.length > 0) throw invalidFields([{ field: 'members', problems }]);
    return found.flatMap((user) => (user ? [{ id: user.id, name: user.displayName, bureauCode: user.bureauCode, username: user.username }] : []));
  }

  /** The members' usernames as they are now, for naming the team again; the workflow knows members by id. */
  private async usernames(members: readonly PtMember[]): Promise<Map<string, string>> {
    const users = await Promise.all(members.map((member) => this.users.findById(member.id)));
    return new Map(users.flatMap((user) => (user ? [[user.id, user.username] as const] : [])));
  }

  private async bureauNames(): Promise<Map<string, string>> {
    return new Map((await this.catalogue.bureaus()).map((bureau) => [bureau.code, bureau.name]));
  }
}
