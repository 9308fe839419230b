import { meetingDateWithIso, type MonthThird } from '@app/domain';
import type { MeetingView } from './meetings.queries';

/** The meeting's date as the city writes it (和暦 with 西暦, 上旬/中旬/下旬 kept), from the API's view of it. */
export function meetingDateText(meeting: Pick<MeetingView, 'date' | 'earliestDay'>): string {
  const { date } = meeting;
  return meetingDateWithIso(
    date.kind === 'exact' ? { kind: 'exact', date: date.date ?? meeting.earliestDay } : { kind: 'third', month: date.month ?? '', third: date.third as MonthThird },
  );
}
