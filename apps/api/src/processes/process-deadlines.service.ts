import { ProcessDeadline, processDeadlines, ProcessKind } from '@app/domain';
import { FiscalYearSettingsRepository, MeetingRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';

/** A year's deadlines of the Platinum project or the X policies under the meetings as they stand: what the workflows plan by, too. */
@Injectable()
export class ProcessDeadlinesService {
  constructor(
    private readonly fiscalYearSettings: FiscalYearSettingsRepository,
    private readonly meetings: MeetingRepository,
  ) {}

  async of(kind: ProcessKind, fiscalYear: number): Promise<ProcessDeadline[]> {
    const [rules, calendar] = await Promise.all([this.rules(kind, fiscalYear), this.fiscalYearSettings.calendarSettings(fiscalYear)]);
    if (rules.length === 0 || !calendar) return [];
    return processDeadlines(rules, await this.meetings.list(fiscalYear), calendar.dueTime);
  }

  private async rules(kind: ProcessKind, fiscalYear: number) {
    if (kind === ProcessKind.XPolicy) return (await this.fiscalYearSettings.xPolicySettings(fiscalYear))?.deadlines ?? [];
    return (await this.fiscalYearSettings.platinumSettings(fiscalYear))?.deadlines ?? [];
  }
}
