import { lockoutSeconds } from '@app/domain';
import { DataSource } from 'typeorm';
import { execute, queryFirst } from '../sql/typed-query';

/** Failed logins per username, for the lockout the domain's rule sets. */
export class LoginAttemptRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Until when logins as this username are refused, or null. */
  async lockedUntil(username: string, now: Date): Promise<Date | null> {
    const row = await queryFirst<{ locked_until: Date | null }>(
      this.dataSource,
      `SELECT locked_until FROM login_attempts WHERE username = $1 AND locked_until > $2`,
      [username, now],
    );
    return row?.locked_until ?? null;
  }

  /** Counts one more consecutive failure (atomically, so parallel guesses all count) and locks when the rule says so. */
  async recordFailure(username: string, now: Date): Promise<{ consecutiveFailures: number; lockedUntil: Date | null }> {
    const row = await queryFirst<{ consecutive_failures: number }>(
      this.dataSource,
      `INSERT INTO login_attempts (username, consecutive_failures, last_failure_at) VALUES ($1, 1, $2)
       ON CONFLICT (username) DO UPDATE SET consecutive_failures = login_attempts.consecutive_failures + 1, last_failure_at = $2
       RETURNING consecutive_failures`,
      [username, now],
    );
    const consecutiveFailures = row?.consecutive_failures ?? 1;
    const seconds = lockoutSeconds(consecutiveFailures);
    if (seconds === 0) return { consecutiveFailures, lockedUntil: null };
    const lockedUntil = new Date(now.getTime() + seconds * 1000);
    await execute(this.dataSource, `UPDATE login_attempts SET locked_until = $2 WHERE username = $1`, [username, lockedUntil]);
    return { consecutiveFailures, lockedUntil };
  }

  async clearFailures(username: string): Promise<void> {
    await execute(this.dataSource, `DELETE FROM login_attempts WHERE username = $1`, [username]);
  }
}
