import { durationMs } from './durations';

/** What the kickoff or a report kind is due for: material due `leadBusinessDays` business days before the meeting. */
export interface DeadlineRule {
  /** `kickoff` or a report kind's slug. */
  readonly target: string;
  readonly meetingId: string;
  readonly leadBusinessDays: number;
}

/** Per fiscal year: deadlines, and when the engine reminds, escalates and sends meeting digests. */
export interface CalendarSettings {
  readonly deadlines: readonly DeadlineRule[];
  /** ISO 8601 durations before a deadline at which whoever owes the action is reminded. */
  readonly reminderOffsets: readonly string[];
  /** Business days before a meeting at which its presenters get a digest. */
  readonly digestLeadBusinessDays: number;
  /** Tokyo time of day at which a deadline falls due and digests go out (HH:MM or HH:MM:SS). */
  readonly dueTime: string;
}

export const KICKOFF_TARGET = 'kickoff';

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/** Problems in Japanese; empty when the settings can run. */
export function calendarSettingsProblems(settings: CalendarSettings, meetingIds: readonly string[]): string[] {
  const problems: string[] = [];
  for (const rule of settings.deadlines) {
    if (!meetingIds.includes(rule.meetingId)) problems.push(`${rule.target} の期限の基準となる会議 ${rule.meetingId} がありません`);
    if (!Number.isInteger(rule.leadBusinessDays) || rule.leadBusinessDays < 0 || rule.leadBusinessDays > 60) {
      problems.push(`${rule.target} の期限は会議の0〜60営業日前で指定してください`);
    }
  }
  const targets = settings.deadlines.map((rule) => rule.target);
  for (const duplicate of new Set(targets.filter((target, index) => targets.indexOf(target) !== index))) {
    problems.push(`${duplicate} の期限が重複して設定されています`);
  }
  const offsets = settings.reminderOffsets.map(durationMs);
  if (new Set(offsets).size !== offsets.length) problems.push('督促のタイミングが重複しています');
  for (const offset of settings.reminderOffsets) {
    const ms = durationMs(offset);
    if (ms === undefined || ms > 90 * 24 * 3600 * 1000) problems.push(`督促のタイミング ${offset} は P7D や PT12H のような90日以内の期間で指定してください`);
  }
  if (!TIME.test(settings.dueTime)) problems.push(`期限の時刻 ${settings.dueTime} は HH:MM 形式で指定してください`);
  if (!Number.isInteger(settings.digestLeadBusinessDays) || settings.digestLeadBusinessDays < 0 || settings.digestLeadBusinessDays > 30) {
    problems.push('会議案内は会議の0〜30営業日前で指定してください');
  }
  return problems;
}
