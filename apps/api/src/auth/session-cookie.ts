import { refused } from '@app/domain';
import { CookieOptions, Request } from 'express';
import { ACCESS_TOKEN_TTL_SECONDS } from './auth.module-options';

/** The web app's session: the same JWT as the bearer token, in a cookie no script can read. */
export const SESSION_COOKIE = 'reform_session';

/**
 * A header a cross-site form or image cannot send (a script on another origin would need a CORS
 * preflight, which this API never grants): its presence proves a cookie-authenticated change comes
 * from a page of our own origin.
 */
export const CSRF_HEADER = 'x-requested-with';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** The session token sent by the browser, if any. */
export function sessionTokenOf(request: Request): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === SESSION_COOKIE) return cookieValue(pair.slice(separator + 1).trim());
  }
  return undefined;
}

/** A value whose percent-encoding does not decode is kept as sent: no token looks like it, so it is refused as any wrong token is. */
function cookieValue(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Refuses a request that changes something with the cookie's authority but without the CSRF header. */
export function requireCsrfHeader(request: Request, always = false): void {
  if (!always && SAFE_METHODS.includes(request.method)) return;
  if (!request.headers[CSRF_HEADER]) {
    throw refused('auth.csrf-header-missing', 'X-Requested-With ヘッダーのない要求はセッション Cookie では受け付けません。画面を再読み込みしてから操作してください');
  }
}

/** `Secure` whenever the browser reached us over https (directly or through a TLS-terminating proxy). */
export function sessionCookieOptions(request: Request): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secure || request.headers['x-forwarded-proto'] === 'https',
    path: '/api',
    maxAge: ACCESS_TOKEN_TTL_SECONDS * 1000,
  };
}
