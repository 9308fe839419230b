import { type FieldProblem, fieldProblemList } from '../refusals/refusal';
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

/** What people call the kickoff's deadline, beside the report kinds' own labels. */
export const KICKOFF_LABEL = '経営分析の着手';

/** A report kind as a deadline names it. */
export interface ReportKindName {
  readonly slug: string;
  readonly label: string;
}

/** A deadline's target as people know it: the kickoff, or its report kind's label (the slug if the year has no such kind). */
export function deadlineTargetLabel(target: string, reportKinds: readonly ReportKindName[]): string {
  return target === KICKOFF_TARGET ? KICKOFF_LABEL : (reportKinds.find((kind) => kind.slug === target)?.label ?? target);
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/**
 * What can be wrong with a deadline pegged to a meeting, the year's calendar's or a process's: the
 * meeting is not the year's, or the lead is not 0–60 business days. `field` is the rule's path
 * (`deadlines.1`), `name` what people call the deadline.
 */
export function peggedDeadlineProblems(
  rule: { readonly meetingId: string; readonly leadBusinessDays: number },
  field: string,
  name: string,
  meetingIds: readonly string[],
  add: (field: string, problem: string) => void,
): void {
  if (!meetingIds.includes(rule.meetingId)) add(`${field}.meetingId`, `${name}の期限の基準となる会議（${rule.meetingId}）がありません。会議を選び直してください`);
  if (!Number.isInteger(rule.leadBusinessDays) || rule.leadBusinessDays < 0 || rule.leadBusinessDays > 60) {
    add(`${field}.leadBusinessDays`, `${name}の期限は会議の0〜60営業日前で指定してください`);
  }
}

/**
 * Problems in Japanese, each under the request field it concerns (`deadlines.0.leadBusinessDays`), so
 * a form can show it beside that field; empty when the settings can run. A deadline is named as people
 * know it: the kickoff, or its report kind's label from the year's `reportKinds`.
 */
export function calendarSettingsProblems(
  settings: CalendarSettings,
  meetingIds: readonly string[],
  reportKinds: readonly ReportKindName[] = [],
): FieldProblem[] {
  const problems = fieldProblemList();
  const add = problems.add;
  const nameOf = (target: string) => deadlineTargetLabel(target, reportKinds);
  for (const [index, rule] of settings.deadlines.entries()) peggedDeadlineProblems(rule, `deadlines.${index}`, nameOf(rule.target), meetingIds, add);
  const targets = settings.deadlines.map((rule) => rule.target);
  for (const duplicate of new Set(targets.filter((target, index) => targets.indexOf(target) !== index))) {
    add('deadlines', `${nameOf(duplicate)}の期限が重複して設定されています`);
  }
  const offsets = settings.reminderOffsets.map(durationMs);
  if (new Set(offsets).size !== offsets.length) add('reminderOffsets', '督促する時期が重複しています');
  for (const offset of settings.reminderOffsets) {
    const ms = durationMs(offset);
    if (ms === undefined || ms > 90 * 24 * 3600 * 1000) add('reminderOffsets', `督促する時期「${offset}」は P7D や PT12H のような90日以内の期間で指定してください`);
  }
  if (!TIME.test(settings.dueTime)) add('dueTime', `期限の時刻「${settings.dueTime}」は HH:MM 形式で指定してください`);
  if (!Number.isInteger(settings.digestLeadBusinessDays) || settings.digestLeadBusinessDays < 0 || settings.digestLeadBusinessDays > 30) {
    add('digestLeadBusinessDays', '報告者への案内は会議の0〜30営業日前で指定してください');
  }
  return problems.list();
}
