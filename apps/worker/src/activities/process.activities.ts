import { pinnedHolidays, holidaysOfFiscalYear, ProcessDeadlineRule, processDeadlines, ProcessEvent, ProcessKind, ProcessSubject } from '@app/domain';
import { FiscalYearSettingsRepository, MeetingRepository, ProcessEventRepository } from '@app/persistence';
import { ProcessActivities, ProcessDeadlinesLoad } from '@app/temporal';
import { Injectable, Logger } from '@nestjs/common';
import { projectEvent } from './event-projection';

const NO_DEADLINES: ProcessDeadlinesLoad = { deadlines: [], reminderOffsets: [] };

/** The Platinum and X-policy workflows' view of the database: their read model and their deadlines. */
@Injectable()
export class ProcessActivitiesFactory {
  private readonly logger = new Logger('ProcessActivities');

  constructor(
    private readonly events: ProcessEventRepository,
    private readonly fiscalYearSettings: FiscalYearSettingsRepository,
    private readonly meetings: MeetingRepository,
  ) {}

  create(): ProcessActivities {
    return {
      recordProcessEvent: async (event: ProcessEvent) => {
        const refusal = await projectEvent(this.events, event, this.logger);
        if (refusal) throw refusal;
      },
      loadProcessDeadlines: async (subject) => {
        const rules = await this.deadlineRules(subject);
        const calendar = await this.fiscalYearSettings.calendarSettings(subject.fiscalYear);
        if (rules.length === 0 || !calendar) return NO_DEADLINES;
        const meetings = await this.meetings.list(subject.fiscalYear);
        return {
          deadlines: processDeadlines(rules, meetings, calendar.dueTime, pinnedHolidays(holidaysOfFiscalYear(subject.fiscalYear))),
          reminderOffsets: calendar.reminderOffsets,
        };
      },
    };
  }

  private async deadlineRules(subject: ProcessSubject): Promise<readonly ProcessDeadlineRule[]> {
    switch (subject.kind) {
      case ProcessKind.XPolicy:
        return (await this.fiscalYearSettings.xPolicySettings(subject.fiscalYear))?.deadlines ?? [];
      case ProcessKind.PlatinumProject:
      case ProcessKind.PlatinumProposal:
        return (await this.fiscalYearSettings.platinumSettings(subject.fiscalYear))?.deadlines ?? [];
    }
  }
}
