/** The owning department's meeting with the reform office that opens the analysis. */
export interface KickoffRecord {
  /** ISO date (YYYY-MM-DD) of the meeting. */
  readonly meetingDate: string;
  readonly attendees: readonly string[];
  readonly notes: string | null;
}
