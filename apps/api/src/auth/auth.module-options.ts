/** A working day; staff log in again the next morning. */
export const ACCESS_TOKEN_TTL_SECONDS = 8 * 60 * 60;

/**
 * What every access token is signed and checked with: one algorithm, and who issued it for whom, so
 * a token of another system signed with a shared key, or one claiming `alg: none`, is refused.
 */
export const TOKEN_ALGORITHM = 'HS256';
export const TOKEN_ISSUER = 'kitakyushu-reform';
export const TOKEN_AUDIENCE = 'kitakyushu-reform-api';

/** The claims of an access token: whose, and which of their token versions it belongs to. */
export interface AccessTokenClaims {
  readonly sub: string;
  readonly username: string;
  readonly ver: number;
}

/** A calendar subscription link's token: for that feed only (another audience), valid a year, ended like access tokens. */
export const FEED_LINK_AUDIENCE = 'kitakyushu-reform-calendar-feed';
export const FEED_LINK_TTL_SECONDS = 365 * 24 * 60 * 60;
