import { QueryFailedError } from 'typeorm';

/** PostgreSQL error codes the repositories turn into refusals (SQLSTATE, PostgreSQL manual appendix A). */
export const SQL_STATE = {
  foreignKeyViolation: '23503',
} as const;

/** Whether a statement failed with the given SQLSTATE. */
export function failedWith(error: unknown, sqlState: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError: unknown = error.driverError;
  return typeof driverError === 'object' && driverError !== null && 'code' in driverError && driverError.code === sqlState;
}

/** Socket errors of a server that is down or went away mid-statement. */
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);

/**
 * Whether an error says PostgreSQL cannot be reached now, rather than that the statement was wrong:
 * SQLSTATE class 08 (connection exception) or 57P01–57P03 (shutting down, cannot connect now), a
 * refused or broken socket, or the driver's "connection terminated".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && depth < 4; depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (code.startsWith('08') || /^57P0[123]$/.test(code) || CONNECTION_ERROR_CODES.has(code))) return true;
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect/.test(message)) return true;
    const inner = cause as { driverError?: unknown; cause?: unknown; errors?: unknown[] };
    cause = inner.driverError ?? inner.cause ?? (Array.isArray(inner.errors) ? inner.errors[0] : undefined);
  }
  return false;
}

/**
 * Whether a statement failed because of what it was given rather than the state of the server:
 * SQLSTATE class 22 (data exception: text PostgreSQL cannot store, a number out of range) or 23
 * (integrity constraint). Repeating it would fail the same way.
 */
export function isDeterministicSqlFailure(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code: unknown = (error.driverError as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}
