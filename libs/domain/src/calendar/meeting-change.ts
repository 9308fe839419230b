import { isBlank, MEETING_ID_PATTERN, MEETING_NAME_MAX_LENGTH } from '../fields/field-limits';
import type { Participant } from '../approval/approval-document';
import { Refusal, refusal } from '../refusals/refusal';
import { Role } from '../roles';
import { AgendaItem, Meeting } from './meeting';
import { MeetingDate, meetingDateProblems, sameMeetingDate } from './meeting-date';

/** Creates a meeting, or changes the given fields of an existing one. */
export interface MeetingChange {
  readonly meetingId: string;
  readonly create: boolean;
  readonly name?: string;
  readonly date?: MeetingDate;
  readonly agenda?: readonly AgendaItem[];
  readonly actor: Participant;
}

export type MeetingField = 'name' | 'date' | 'agenda';

export type MeetingChangeDecision =
  | {
      readonly accepted: true;
      /** The meeting after the change. */
      readonly meeting: Meeting;
      /** null when the change creates it. */
      readonly before: Meeting | null;
      /** Fields whose value differs from before (all given ones for a new meeting). */
      readonly changed: readonly MeetingField[];
      /** Whether its date moved, which moves every deadline pegged to it. */
      readonly moved: boolean;
    }
  | { readonly accepted: false; readonly refusal: Refusal };

const refuse = (...args: Parameters<typeof refusal>): MeetingChangeDecision => ({ accepted: false, refusal: refusal(...args) });

const invalidField = (field: MeetingField | 'id', problem: string): MeetingChangeDecision =>
  refuse('request.invalid', problem, { fields: [{ field, problems: [problem] }] });

/**
 * Decides a change of a year's X meetings: only the reform office changes them, an existing meeting
 * must be named and a new one must not exist yet, and what is given must be sound.
 */
export function decideMeetingChange(meetings: readonly Meeting[], change: MeetingChange): MeetingChangeDecision {
  const before = meetings.find((meeting) => meeting.id === change.meetingId) ?? null;
  if (!change.actor.roles.includes(Role.ReformOffice)) return refuse('reform-office.only', 'X会議の日程と議題は市政変革室だけが変更できます');
  if (!change.create && change.name === undefined && !change.date && !change.agenda) {
    return refuse('request.invalid', '変更する項目（会議の名称・日付・議題のどれか）を指定してください');
  }
  if (change.create && before) return refuse('meeting.exists', `会議 ${change.meetingId} は既にあります`);
  if (!change.create && !before) return refuse('meeting.unknown', `会議 ${change.meetingId} はありません`);
  if (change.create && (!change.name || !change.date)) return refuse('request.invalid', '新しい会議には名称と日付が必要です');
  if (change.create && !MEETING_ID_PATTERN.test(change.meetingId)) return invalidField('id', '会議の識別子は英小文字・数字・ハイフンの40文字以内で指定してください');
  if (change.name !== undefined && isBlank(change.name)) return invalidField('name', '会議の名称を入力してください');
  if (change.name !== undefined && change.name.length > MEETING_NAME_MAX_LENGTH) return invalidField('name', `会議の名称は${MEETING_NAME_MAX_LENGTH}文字以内です`);
  const problems = change.date ? meetingDateProblems(change.date) : [];
  if (problems.length > 0) return refuse('request.invalid', problems.join(' / '), { fields: [{ field: 'date', problems }] });

  const meeting: Meeting = {
    id: change.meetingId,
    name: change.name ?? before?.name ?? change.meetingId,
    date: change.date ?? (before?.date as MeetingDate),
    agenda: change.agenda ?? before?.agenda ?? [],
  };
  const moved = before !== null && !sameMeetingDate(before.date, meeting.date);
  const changed: MeetingField[] = before
    ? [
        ...(meeting.name !== before.name ? (['name'] as const) : []),
        ...(moved ? (['date'] as const) : []),
        ...(JSON.stringify(meeting.agenda) !== JSON.stringify(before.agenda) ? (['agenda'] as const) : []),
      ]
    : (['name', 'date', 'agenda'] as const).filter((field) => change[field] !== undefined);
  return { accepted: true, meeting, before, changed, moved };
}
