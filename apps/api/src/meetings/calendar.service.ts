import {
  holidaysOfFiscalYear,
  calendarSettingsProblems,
  CalendarSettings,
  digestInstant,
  earliestMeetingDay,
  fiscalYearLabel,
  isProvisional,
  Meeting,
  MeetingDate,
  meetingDateLabel,
  MonthThird,
  Participant,
  refused,
  RefusedError,
  toTokyoIsoString,
} from '@app/domain';
import { CatalogueRepository, FiscalYearSettingsRepository, MeetingRepository } from '@app/persistence';
import { calendarWorkflowId, TEMPORAL_OPTIONS, TemporalOptions, withinRequestDeadline } from '@app/temporal';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { calendarSettingsChanged, changeMeeting, type fiscalYearCalendarWorkflow, MeetingChange } from '@app/workflows';
import { CatalogueService } from '../catalogue/catalogue.service';
import { refusalOf } from '../common/refusal-of';
import { invalidFields } from '../common/validation.pipe';
import { MeetingView } from './meeting.dto';
import { MeetingChangeCommand, RequestedMeetingDate } from './meetings.commands';

/** The fiscal year's X meetings: reads from the database, changes through the year's calendar workflow. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly client: Client,
    @Inject(TEMPORAL_OPTIONS) private readonly temporal: TemporalOptions,
    private readonly catalogue: CatalogueService,
    private readonly catalogueRepository: CatalogueRepository,
    private readonly meetings: MeetingRepository,
    private readonly fiscalYearSettings: FiscalYearSettingsRepository,
  ) {}

  private readonly known = new Set<number>();

  /** The calendar workflow runs once the year has started: idempotent, its id is the year. */
  async ensureRunning(fiscalYear: number): Promise<void> {
    if (this.known.has(fiscalYear)) return;
    try {
      const [meetings, settings] = await Promise.all([this.meetings.list(fiscalYear), this.fiscalYearSettings.calendarSettings(fiscalYear)]);
      await this.client.workflow.start<typeof fiscalYearCalendarWorkflow>('fiscalYearCalendarWorkflow', {
        workflowId: calendarWorkflowId(fiscalYear),
        taskQueue: this.temporal.taskQueue,
        // Pinned at the start: the calendar counts business days by these, whatever the library says later.
        args: [{ fiscalYear, meetings, settings, holidays: holidaysOfFiscalYear(fiscalYear) }],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    this.known.add(fiscalYear);
  }

  async list(fiscalYear: number): Promise<MeetingView[]> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const [meetings, settings] = await Promise.all([this.meetings.list(fiscalYear), this.fiscalYearSettings.calendarSettings(fiscalYear)]);
    return this.views(fiscalYear, meetings, settings);
  }

  async change(request: MeetingChangeCommand): Promise<MeetingView> {
    const { fiscalYear, meetingId, create, actor } = request;
    await this.catalogue.requireFiscalYear(fiscalYear);
    if (request.agenda) await this.requireAgenda(fiscalYear, request.agenda);
    await this.ensureRunning(fiscalYear);
    const change: MeetingChange = {
      meetingId,
      create,
      actor,
      ...(request.name !== undefined ? { name: request.name } : {}),
      ...(request.date ? { date: toMeetingDate(request.date) } : {}),
      ...(request.agenda ? { agenda: request.agenda.map(({ clusterNo, reportKind }) => ({ clusterNo, reportKind })) } : {}),
    };
    try {
      const meeting = await withinRequestDeadline(this.client, this.temporal, () =>
        this.client.workflow.getHandle(calendarWorkflowId(fiscalYear)).executeUpdate(changeMeeting, { args: [change], ...(request.requestKey ? { updateId: request.requestKey } : {}) }),
      );
      const [view] = await this.views(fiscalYear, [meeting], await this.fiscalYearSettings.calendarSettings(fiscalYear));
      return view;
    } catch (error) {
      const refusal = refusalOf(error);
      throw refusal ? new RefusedError(refusal) : error;
    }
  }

  async settings(fiscalYear: number): Promise<CalendarSettings> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const settings = await this.fiscalYearSettings.calendarSettings(fiscalYear);
    if (!settings) throw refused('calendar-settings.unknown', `${fiscalYearLabel(fiscalYear)}の期限・督促の設定はまだありません`);
    return settings;
  }

  /** New settings apply at once: the calendar and every running analysis re-plan against them. */
  async changeSettings(fiscalYear: number, settings: CalendarSettings, actor: Participant): Promise<CalendarSettings> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const [meetings, lifecycle] = await Promise.all([this.meetings.list(fiscalYear), this.fiscalYearSettings.lifecycleSettings(fiscalYear)]);
    const problems = calendarSettingsProblems(settings, meetings.map((meeting) => meeting.id), lifecycle?.reportKinds);
    if (problems.length > 0) throw invalidFields(problems);
    await this.fiscalYearSettings.setCalendarSettings(fiscalYear, settings);
    await this.ensureRunning(fiscalYear);
    await this.client.workflow.getHandle(calendarWorkflowId(fiscalYear)).signal(calendarSettingsChanged, { changedBy: actor });
    return settings;
  }

  private async requireAgenda(fiscalYear: number, agenda: NonNullable<MeetingChangeCommand['agenda']>): Promise<void> {
    const settings = await this.fiscalYearSettings.lifecycleSettings(fiscalYear);
    for (const [index, item] of agenda.entries()) {
      if (!(await this.catalogueRepository.findCluster(fiscalYear, item.clusterNo))) {
        throw invalidFields([{ field: `agenda.${index}.clusterNo`, problems: [`議題の事業群 No.${item.clusterNo} は${fiscalYearLabel(fiscalYear)}にありません`] }]);
      }
      if (!settings?.reportKinds.some((kind) => kind.slug === item.reportKind)) {
        throw invalidFields([{ field: `agenda.${index}.reportKind`, problems: [`議題の報告書の種類「${item.reportKind}」は${fiscalYearLabel(fiscalYear)}にありません`] }]);
      }
    }
  }

  private async views(fiscalYear: number, meetings: readonly Meeting[], settings: CalendarSettings | null): Promise<MeetingView[]> {
    const lifecycle = await this.fiscalYearSettings.lifecycleSettings(fiscalYear);
    const names = new Map<number, string>();
    for (const no of new Set(meetings.flatMap((meeting) => meeting.agenda.map((item) => item.clusterNo)))) {
      names.set(no, (await this.catalogueRepository.findCluster(fiscalYear, no))?.name ?? `No.${no}`);
    }
    return meetings.map((meeting) => ({
      id: meeting.id,
      name: meeting.name,
      date: { ...meeting.date },
      dateLabel: meetingDateLabel(meeting.date),
      earliestDay: earliestMeetingDay(meeting.date),
      provisional: isProvisional(meeting.date),
      digestAt: settings && meeting.agenda.length > 0 ? toTokyoIsoString(digestInstant(meeting, settings)) : null,
      agenda: meeting.agenda.map((item) => ({
        clusterNo: item.clusterNo,
        clusterName: names.get(item.clusterNo) ?? `No.${item.clusterNo}`,
        reportKind: item.reportKind,
        reportLabel: lifecycle?.reportKinds.find((kind) => kind.slug === item.reportKind)?.label ?? item.reportKind,
      })),
    }));
  }
}

function toMeetingDate(date: RequestedMeetingDate): MeetingDate {
  return date.kind === 'exact' ? { kind: 'exact', date: date.date as string } : { kind: 'third', month: date.month as string, third: date.third as MonthThird };
}
