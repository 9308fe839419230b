/**
 * Limits of what people type, shared by the API's request validation and the domain's own checks,
 * so that a request the API lets through is never refused by a workflow for the same field.
 */

/** A report kind's slug and a deadline's target: they appear in URLs, so lower-case ASCII. */
export const SLUG_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

/** A meeting's id within its year (kickoff, x1, …): part of URLs as well. */
export const MEETING_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const REPORT_TITLE_MAX_LENGTH = 200;
export const REPORT_BODY_MAX_LENGTH = 100_000;
/** Approval and return comments, and the reason of a withdrawal. */
export const COMMENT_MAX_LENGTH = 5_000;
export const MEETING_NAME_MAX_LENGTH = 100;
export const REPORT_KIND_LABEL_MAX_LENGTH = 100;
export const APPROVAL_STEP_LABEL_MAX_LENGTH = 50;
export const KICKOFF_NOTES_MAX_LENGTH = 10_000;
export const ATTENDEE_NAME_MAX_LENGTH = 200;

/** Matches any text with something other than white space in it: a field that must not be blank. */
export const NOT_BLANK_PATTERN = /\S/;

/** True for text that is empty or white space only, which counts as not entered. */
export function isBlank(text: string): boolean {
  return !NOT_BLANK_PATTERN.test(text);
}

/** Cluster numbers run 1…N within a year; no catalogue comes near this. */
export const CLUSTER_NO_MAX = 99_999;
/** Clusters one proposal or X policy issue names, and one list request asks for by number, at most. */
export const CLUSTERS_NAMED_MAX = 100;
/** Clusters one change of the analysed flag names at most: a thousand, several years of any city's analyses. */
export const CLUSTERS_FLAGGED_AT_ONCE_MAX = 1_000;
/** Report versions, and any other counter stored in a 32-bit integer column. */
export const STORED_INTEGER_MAX = 2_147_483_647;
/** A list page number: far beyond any list, and small enough that page × size stays an exact offset. */
export const PAGE_MAX = 1_000_000;
