/** A working day; staff log in again the next morning. */
export const ACCESS_TOKEN_TTL_SECONDS = 8 * 60 * 60;
