import {
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
  Refusal,
  toTokyoIsoString,
} from '@app/domain';
import { CatalogueRepository, MeetingRepository } from '@app/persistence';
import { calendarWorkflowId, TEMPORAL_OPTIONS, TemporalOptions } from '@app/temporal';
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { calendarSettingsChanged, changeMeeting, type fiscalYearCalendarWorkflow, MEETING_CHANGE_REFUSED, MeetingChange } from '@app/workflows';
import { CatalogueService } from '../catalogue/catalogue.service';
import { refusalToHttp } from '../common/refusal-to-http';
import { AgendaItemDto, ChangeMeetingRequest, MeetingDateDto, MeetingView } from './meeting.dto';

/** The fiscal year's X meetings: reads from the database, changes through the year's calendar workflow. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly client: Client,
    @Inject(TEMPORAL_OPTIONS) private readonly temporal: TemporalOptions,
    private readonly catalogue: CatalogueService,
    private readonly catalogueRepository: CatalogueRepository,
    private readonly meetings: MeetingRepository,
  ) {}

  private readonly known = new Set<number>();

  /** The calendar workflow runs once the year has started: idempotent, its id is the year. */
  async ensureRunning(fiscalYear: number): Promise<void> {
    if (this.known.has(fiscalYear)) return;
    try {
      const [meetings, settings] = await Promise.all([this.meetings.list(fiscalYear), this.meetings.calendarSettings(fiscalYear)]);
      await this.client.workflow.start<typeof fiscalYearCalendarWorkflow>('fiscalYearCalendarWorkflow', {
        workflowId: calendarWorkflowId(fiscalYear),
        taskQueue: this.temporal.taskQueue,
        args: [{ fiscalYear, meetings, settings }],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    this.known.add(fiscalYear);
  }

  async list(fiscalYear: number): Promise<MeetingView[]> {
    await this.catalogue.structure(fiscalYear);
    const [meetings, settings] = await Promise.all([this.meetings.list(fiscalYear), this.meetings.calendarSettings(fiscalYear)]);
    return this.views(fiscalYear, meetings, settings);
  }

  async change(fiscalYear: number, meetingId: string, request: ChangeMeetingRequest, actor: Participant, create: boolean): Promise<MeetingView> {
    await this.catalogue.structure(fiscalYear);
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
      const meeting = await this.client.workflow.getHandle(calendarWorkflowId(fiscalYear)).executeUpdate(changeMeeting, { args: [change] });
      const [view] = await this.views(fiscalYear, [meeting], await this.meetings.calendarSettings(fiscalYear));
      return view;
    } catch (error) {
      const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
      if (cause instanceof ApplicationFailure && cause.type === MEETING_CHANGE_REFUSED) {
        throw refusalToHttp((cause.details?.[0] as Refusal | undefined) ?? { code: 'request.invalid', message: cause.message }, null);
      }
      throw error;
    }
  }

  async settings(fiscalYear: number): Promise<CalendarSettings> {
    await this.catalogue.structure(fiscalYear);
    const settings = await this.meetings.calendarSettings(fiscalYear);
    if (!settings) throw new NotFoundException(`${fiscalYearLabel(fiscalYear)}の期限・督促の設定はまだありません`);
    return settings;
  }

  /** New settings apply at once: the calendar and every running analysis re-plan against them. */
  async changeSettings(fiscalYear: number, settings: CalendarSettings, actor: Participant): Promise<CalendarSettings> {
    await this.catalogue.structure(fiscalYear);
    const meetings = await this.meetings.list(fiscalYear);
    const problems = calendarSettingsProblems(settings, meetings.map((meeting) => meeting.id));
    if (problems.length > 0) throw new BadRequestException(`設定に誤りがあります（${problems.join(' / ')}）`);
    await this.meetings.setCalendarSettings(fiscalYear, settings);
    await this.ensureRunning(fiscalYear);
    await this.client.workflow.getHandle(calendarWorkflowId(fiscalYear)).signal(calendarSettingsChanged, { changedBy: actor });
    return settings;
  }

  private async requireAgenda(fiscalYear: number, agenda: readonly AgendaItemDto[]): Promise<void> {
    const settings = await this.catalogueRepository.lifecycleSettings(fiscalYear);
    for (const item of agenda) {
      if (!(await this.catalogueRepository.findCluster(fiscalYear, item.clusterNo))) {
        throw new BadRequestException(`議題の事業群 No.${item.clusterNo} は${fiscalYearLabel(fiscalYear)}にありません`);
      }
      if (!settings?.reportKinds.some((kind) => kind.slug === item.reportKind)) {
        throw new BadRequestException(`議題の報告書の種類「${item.reportKind}」は${fiscalYearLabel(fiscalYear)}にありません`);
      }
    }
  }

  private async views(fiscalYear: number, meetings: readonly Meeting[], settings: CalendarSettings | null): Promise<MeetingView[]> {
    const lifecycle = await this.catalogueRepository.lifecycleSettings(fiscalYear);
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

function toMeetingDate(date: MeetingDateDto): MeetingDate {
  return date.kind === 'exact' ? { kind: 'exact', date: date.date as string } : { kind: 'third', month: date.month as string, third: date.third as MonthThird };
}
