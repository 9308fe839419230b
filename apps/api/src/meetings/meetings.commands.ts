import { MonthThird, Participant } from '@app/domain';

/** A meeting's date as requested: exact, or a third of a month (上旬/中旬/下旬). */
export interface RequestedMeetingDate {
  readonly kind: 'exact' | 'third';
  readonly date?: string;
  readonly month?: string;
  readonly third?: MonthThird;
}

/** Adds a meeting (`create`), or changes the given fields of one. */
export interface MeetingChangeCommand {
  readonly fiscalYear: number;
  readonly meetingId: string;
  readonly create: boolean;
  readonly name?: string;
  readonly date?: RequestedMeetingDate;
  readonly agenda?: readonly { readonly clusterNo: number; readonly reportKind: string }[];
  readonly actor: Participant;
  /** The Workflow Update's id: a retry with the same Idempotency-Key attaches to the same change. */
  readonly requestKey?: string;
}
