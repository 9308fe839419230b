import { MeetingDate } from './meeting-date';

/** A cluster's report presented at a meeting. */
export interface AgendaItem {
  readonly clusterNo: number;
  readonly reportKind: string;
}

/** One X会議 of a fiscal year. */
export interface Meeting {
  /** Stable within the year, used in URLs: kickoff, x1, x2, … */
  readonly id: string;
  readonly name: string;
  readonly date: MeetingDate;
  readonly agenda: readonly AgendaItem[];
}
