import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { execute, queryFirst, queryRows } from '../sql/typed-query';

export interface StoredAnswer {
  readonly requestHash: string;
  /** Null while the request holding the key is still being handled (and its lease has not run out). */
  readonly statusCode: number | null;
  readonly response: unknown;
}

/** This request now holds the key, under this claim; or someone else holds it, and this is what is stored. */
export type ClaimResult = { readonly claimId: string; readonly stored?: undefined } | { readonly claimId?: undefined; readonly stored: StoredAnswer };

/**
 * Remembers each user's `Idempotency-Key`s and the first answer given to them, so a repeated
 * request is answered the same way and acts once. A claim is a lease: when the request holding it
 * died without an answer, a repeat of the same request takes the key over once the lease has run out.
 */
export class IdempotentRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims the key for this request (or takes over an abandoned claim of the same request); otherwise returns what is stored. */
  async claim(userId: string, key: string, method: string, path: string, requestHash: string, leaseMs: number): Promise<ClaimResult> {
    const claimId = randomUUID();
    const claimed = await queryRows(
      this.dataSource,
      `INSERT INTO idempotent_requests (user_id, idempotency_key, method, path, request_hash, claim_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING user_id`,
      [userId, key, method, path, requestHash, claimId],
    );
    if (claimed.length > 0) return { claimId };
    // One UPDATE decides: PostgreSQL re-checks the condition on the row a concurrent takeover left, so only one retry wins.
    const takenOver = await queryRows(
      this.dataSource,
      `UPDATE idempotent_requests SET claim_id = $4, claimed_at = now()
       WHERE user_id = $1 AND idempotency_key = $2 AND request_hash = $3 AND status_code IS NULL
         AND claimed_at < now() - make_interval(secs => $5::double precision / 1000)
       RETURNING user_id`,
      [userId, key, requestHash, claimId, leaseMs],
    );
    if (takenOver.length > 0) return { claimId };
    const stored = await queryFirst<{ request_hash: string; status_code: number | null; response: unknown }>(
      this.dataSource,
      `SELECT request_hash, status_code, response FROM idempotent_requests WHERE user_id = $1 AND idempotency_key = $2`,
      [userId, key],
    );
    if (!stored) return this.claim(userId, key, method, path, requestHash, leaseMs);
    return { stored: { requestHash: stored.request_hash, statusCode: stored.status_code, response: stored.response } };
  }

  /** Keeps the answer, if this claim still holds the key (a request that lost its lease answers its caller only). */
  async complete(userId: string, key: string, claimId: string, statusCode: number, response: unknown): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE idempotent_requests SET status_code = $4, response = $5 WHERE user_id = $1 AND idempotency_key = $2 AND claim_id = $3 AND status_code IS NULL`,
      [userId, key, claimId, statusCode, JSON.stringify(response ?? null)],
    );
  }

  /** Lets a retry try again after a failure that was not the client's doing. */
  async release(userId: string, key: string, claimId: string): Promise<void> {
    await execute(
      this.dataSource,
      `DELETE FROM idempotent_requests WHERE user_id = $1 AND idempotency_key = $2 AND claim_id = $3 AND status_code IS NULL`,
      [userId, key, claimId],
    );
  }

  /** Retention: deletes at most `limit` keys first used before `cutoff`, oldest first; returns how many. */
  async pruneCreatedBefore(cutoff: Date, limit: number): Promise<number> {
    const { affected } = await execute(
      this.dataSource,
      `DELETE FROM idempotent_requests WHERE (user_id, idempotency_key) IN (
         SELECT user_id, idempotency_key FROM idempotent_requests WHERE created_at < $1 ORDER BY created_at LIMIT $2)`,
      [cutoff, limit],
    );
    return affected;
  }
}
