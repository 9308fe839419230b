/**
 * A key for one intent of the person (one click of 承認, one 既読にする). Made when they act and
 * carried in the mutation's variables, so TanStack Query's retries resend the same key and the API
 * acts once however often the request is repeated.
 */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export const idempotencyHeader = (key: string) => ({ 'Idempotency-Key': key });
