import { CalendarSettings, calendarSettingsProblems, deadlineTargetLabel, KICKOFF_LABEL, KICKOFF_TARGET } from './calendar-settings';
import { FY2024_LIFECYCLE_SETTINGS } from '../../../persistence/src/seed/fy2024-lifecycle-settings';
import { FY2024_CALENDAR_SETTINGS, FY2024_MEETINGS } from '../../../persistence/src/seed/fy2024-calendar';

const MEETING_IDS = FY2024_MEETINGS.map((meeting) => meeting.id);
const REPORT_KINDS = FY2024_LIFECYCLE_SETTINGS.reportKinds;
const withChanges = (changes: Partial<CalendarSettings>): CalendarSettings => ({ ...FY2024_CALENDAR_SETTINGS, ...changes });

describe('FY2024 calendar settings', () => {
  it('can run against the FY2024 meetings', () => {
    expect(calendarSettingsProblems(FY2024_CALENDAR_SETTINGS, MEETING_IDS)).toEqual([]);
  });

  it('give the kickoff and every report kind of the year a deadline', () => {
    const targets = FY2024_CALENDAR_SETTINGS.deadlines.map((rule) => rule.target);
    expect(targets).toEqual([KICKOFF_TARGET, ...FY2024_LIFECYCLE_SETTINGS.reportKinds.map((kind) => kind.slug)]);
  });

  it('peg interim to the 1st meeting, the budget direction to the 3rd, and the system direction and the final report to the 5th', () => {
    const meetingOf = Object.fromEntries(FY2024_CALENDAR_SETTINGS.deadlines.map((rule) => [rule.target, rule.meetingId]));
    expect(meetingOf).toEqual({ kickoff: 'kickoff', interim: 'x1', 'direction-budget': 'x3', 'direction-system': 'x5', final: 'x5' });
  });
});

describe('calendarSettingsProblems', () => {
  it('names a deadline pegged to a meeting that does not exist by its report kind, under the field that chose the meeting', () => {
    const settings = withChanges({ deadlines: [{ target: 'interim', meetingId: 'x9', leadBusinessDays: 5 }] });
    expect(calendarSettingsProblems(settings, MEETING_IDS, REPORT_KINDS)).toEqual([
      { field: 'deadlines.0.meetingId', problems: ['経過報告の期限の基準となる会議（x9）がありません。会議を選び直してください'] },
    ]);
  });

  it.each([-1, 61, 2.5, Number.NaN])('refuses a lead time of %s business days', (leadBusinessDays) => {
    const settings = withChanges({ deadlines: [{ target: 'kickoff', meetingId: 'kickoff', leadBusinessDays: 5 }, { target: 'final', meetingId: 'x5', leadBusinessDays }] });
    expect(calendarSettingsProblems(settings, MEETING_IDS, REPORT_KINDS)).toEqual([
      { field: 'deadlines.1.leadBusinessDays', problems: ['最終報告の期限は会議の0〜60営業日前で指定してください'] },
    ]);
  });

  it.each([0, 60])('accepts a lead time of %s business days', (leadBusinessDays) => {
    const settings = withChanges({ deadlines: [{ target: 'final', meetingId: 'x5', leadBusinessDays }] });
    expect(calendarSettingsProblems(settings, MEETING_IDS)).toEqual([]);
  });

  it('reports both problems of one rule, each under its own field', () => {
    const settings = withChanges({ deadlines: [{ target: 'final', meetingId: 'x6', leadBusinessDays: -3 }] });
    expect(calendarSettingsProblems(settings, MEETING_IDS).map((problem) => problem.field)).toEqual(['deadlines.0.meetingId', 'deadlines.0.leadBusinessDays']);
  });

  it('names a target the year has no report kind for by its slug', () => {
    const settings = withChanges({ deadlines: [{ target: 'audit', meetingId: 'x5', leadBusinessDays: 99 }] });
    expect(calendarSettingsProblems(settings, MEETING_IDS, REPORT_KINDS)[0]?.problems).toEqual(['auditの期限は会議の0〜60営業日前で指定してください']);
  });

  it.each(['P7D', 'PT12H', 'P90D', 'PT30S'])('accepts the reminder offset %s', (offset) => {
    expect(calendarSettingsProblems(withChanges({ reminderOffsets: [offset] }), MEETING_IDS)).toEqual([]);
  });

  it.each(['7 days', 'P0D', 'P91D', 'PT2161H', 'P1W', ''])('refuses the reminder offset %s', (offset) => {
    expect(calendarSettingsProblems(withChanges({ reminderOffsets: ['P7D', offset] }), MEETING_IDS)).toEqual([
      { field: 'reminderOffsets', problems: [`督促する時期「${offset}」は P7D や PT12H のような90日以内の期間で指定してください`] },
    ]);
  });

  it('accepts no reminders at all', () => {
    expect(calendarSettingsProblems(withChanges({ reminderOffsets: [] }), MEETING_IDS)).toEqual([]);
  });

  it.each(['17:00', '09:30', '00:00', '23:59', '17:00:30'])('accepts the due time %s', (dueTime) => {
    expect(calendarSettingsProblems(withChanges({ dueTime }), MEETING_IDS)).toEqual([]);
  });

  it.each(['24:00', '9:00', '17:60', '17', '17:00:60', '午後5時', '17:00Z'])('refuses the due time %s', (dueTime) => {
    expect(calendarSettingsProblems(withChanges({ dueTime }), MEETING_IDS)).toEqual([{ field: 'dueTime', problems: [`期限の時刻「${dueTime}」は HH:MM 形式で指定してください`] }]);
  });

  it.each([-1, 31, 1.5])('refuses a digest lead of %s business days', (digestLeadBusinessDays) => {
    expect(calendarSettingsProblems(withChanges({ digestLeadBusinessDays }), MEETING_IDS)).toEqual([
      { field: 'digestLeadBusinessDays', problems: ['報告者への案内は会議の0〜30営業日前で指定してください'] },
    ]);
  });

  it.each([0, 30])('accepts a digest lead of %s business days', (digestLeadBusinessDays) => {
    expect(calendarSettingsProblems(withChanges({ digestLeadBusinessDays }), MEETING_IDS)).toEqual([]);
  });

  it('lists every problem at once', () => {
    const settings: CalendarSettings = {
      deadlines: [{ target: 'interim', meetingId: 'nope', leadBusinessDays: 5 }],
      reminderOffsets: ['soon'],
      digestLeadBusinessDays: 99,
      dueTime: '5pm',
    };
    expect(calendarSettingsProblems(settings, MEETING_IDS).map((problem) => problem.field)).toEqual(['deadlines.0.meetingId', 'reminderOffsets', 'dueTime', 'digestLeadBusinessDays']);
  });

  it('refuses two deadlines for one target and the same reminder twice, however it is written', () => {
    const duplicated = {
      ...FY2024_CALENDAR_SETTINGS,
      deadlines: [...FY2024_CALENDAR_SETTINGS.deadlines, { target: 'interim', meetingId: 'x2', leadBusinessDays: 3 }],
      reminderOffsets: ['P1D', 'PT24H'],
    };
    expect(calendarSettingsProblems(duplicated, MEETING_IDS, REPORT_KINDS)).toEqual([
      { field: 'deadlines', problems: ['経過報告の期限が重複して設定されています'] },
      { field: 'reminderOffsets', problems: ['督促する時期が重複しています'] },
    ]);
  });
});

describe('deadlineTargetLabel', () => {
  it('calls the kickoff by its name and a report kind by its label', () => {
    expect(deadlineTargetLabel(KICKOFF_TARGET, REPORT_KINDS)).toBe(KICKOFF_LABEL);
    expect(deadlineTargetLabel('direction-budget', REPORT_KINDS)).toBe(REPORT_KINDS.find((kind) => kind.slug === 'direction-budget')?.label);
  });
});
