import { DataSource } from 'typeorm';
import { execute, queryFirst, queryRows } from '../sql/typed-query';

export interface StoredAnswer {
  readonly requestHash: string;
  /** Null while the first request is still being handled. */
  readonly statusCode: number | null;
  readonly response: unknown;
}

/**
 * Remembers each user's `Idempotency-Key`s and the first answer given to them, so a repeated
 * request is answered the same way and acts once.
 */
export class IdempotentRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims the key for this request; when someone already holds it, returns what is stored instead. */
  async claim(userId: string, key: string, method: string, path: string, requestHash: string): Promise<StoredAnswer | null> {
    const claimed = await queryRows(
      this.dataSource,
      `INSERT INTO idempotent_requests (user_id, idempotency_key, method, path, request_hash)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING user_id`,
      [userId, key, method, path, requestHash],
    );
    if (claimed.length > 0) return null;
    const stored = await queryFirst<{ request_hash: string; status_code: number | null; response: unknown }>(
      this.dataSource,
      `SELECT request_hash, status_code, response FROM idempotent_requests WHERE user_id = $1 AND idempotency_key = $2`,
      [userId, key],
    );
    if (!stored) return this.claim(userId, key, method, path, requestHash);
    return { requestHash: stored.request_hash, statusCode: stored.status_code, response: stored.response };
  }

  async complete(userId: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE idempotent_requests SET status_code = $3, response = $4 WHERE user_id = $1 AND idempotency_key = $2`,
      [userId, key, statusCode, JSON.stringify(response ?? null)],
    );
  }

  /** Lets a retry try again after a failure that was not the client's doing. */
  async release(userId: string, key: string): Promise<void> {
    await execute(
      this.dataSource,
      `DELETE FROM idempotent_requests WHERE user_id = $1 AND idempotency_key = $2 AND status_code IS NULL`,
      [userId, key],
    );
  }
}
