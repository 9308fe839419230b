/**
 * Guessing passwords gets slower with every miss: after a few consecutive failures a username is
 * locked for a while, twice as long each further failure, up to a ceiling. Counted per username as
 * typed (login matches it exactly), whether or not such an account exists, so a lockout tells nothing about which accounts do.
 */
export const LOGIN_FAILURES_BEFORE_LOCKOUT = 5;
export const FIRST_LOCKOUT_SECONDS = 30;
export const MAX_LOCKOUT_SECONDS = 15 * 60;

/** How long a username is locked after this many consecutive failed logins (0: not locked). */
export function lockoutSeconds(consecutiveFailures: number): number {
  if (consecutiveFailures < LOGIN_FAILURES_BEFORE_LOCKOUT) return 0;
  const doublings = consecutiveFailures - LOGIN_FAILURES_BEFORE_LOCKOUT;
  return doublings >= 10 ? MAX_LOCKOUT_SECONDS : Math.min(MAX_LOCKOUT_SECONDS, FIRST_LOCKOUT_SECONDS * 2 ** doublings);
}

