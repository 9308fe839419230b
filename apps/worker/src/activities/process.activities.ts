import { pinnedHolidays, holidaysOfFiscalYear, PROJECTION_FAILED_FAILURE_TYPE, ProcessDeadlineRule, processDeadlines, ProcessEvent, ProcessKind, ProcessSubject } from '@app/domain';
import { FiscalYearSettingsRepository, isDeterministicSqlFailure, MeetingRepository, ProcessEventRepository, UnprojectableEventError } from '@app/persistence';
import { ProcessActivities, ProcessDeadlinesLoad } from '@app/temporal';
import { Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';

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
        try {
          await this.events.apply(event);
        } catch (error) {
          if (!(error instanceof UnprojectableEventError) && !isDeterministicSqlFailure(error)) throw error;
          // Retrying would fail the same way and hold up the process's later actions: report it, keep it, move on.
          const problem = error instanceof Error ? error.message : String(error);
          this.logger.error(`read model could not take event ${event.eventId} (${event.action}): ${problem}`);
          await this.events.recordFailure(event, problem);
          throw ApplicationFailure.nonRetryable(`読み取りモデルに反映できない事象です（${event.eventId}）: ${problem}`, PROJECTION_FAILED_FAILURE_TYPE);
        }
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
