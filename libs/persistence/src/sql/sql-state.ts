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
