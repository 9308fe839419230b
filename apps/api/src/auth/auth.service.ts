import { refused } from '@app/domain';
import { LoginAttemptRepository, UserRepository } from '@app/persistence';
import { verifyAgainstNoAccount, verifyPassword } from '@app/security';
import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokenClaims, FEED_LINK_AUDIENCE, FEED_LINK_TTL_SECONDS } from './auth.module-options';

export interface LoginCommand {
  readonly username: string;
  readonly password: string;
  /** Where the attempt came from, for the log. */
  readonly clientAddress: string;
}

const LOGIN_FAILED = 'ユーザー名またはパスワードが違います';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Login');

  constructor(
    private readonly users: UserRepository,
    private readonly attempts: LoginAttemptRepository,
    private readonly jwt: JwtService,
  ) {}

  async login({ username, password, clientAddress }: LoginCommand): Promise<{ accessToken: string; expiresIn: number }> {
    const now = new Date();
    const lockedUntil = await this.attempts.lockedUntil(username, now);
    if (lockedUntil) {
      this.logger.warn({ username, clientAddress, lockedUntil }, 'login refused: the username is locked after repeated failures');
      throw this.lockedOut(lockedUntil, now);
    }
    const user = await this.users.findByUsername(username);
    // Unknown, wrong and deactivated get one answer after the same work, so it tells nothing of
    // whether the account exists or is deactivated.
    const passwordMatches = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNoAccount(password);
    if (!user || !passwordMatches || !user.active) {
      const failure = await this.attempts.recordFailure(username, now);
      const reason = !user ? 'unknown username' : !passwordMatches ? 'wrong password' : 'deactivated account';
      this.logger.warn({ username, clientAddress, reason, consecutiveFailures: failure.consecutiveFailures }, 'login failed');
      if (failure.lockedUntil) throw this.lockedOut(failure.lockedUntil, now);
      throw refused('auth.login-failed', LOGIN_FAILED);
    }
    await this.attempts.clearFailures(username);
    const claims: AccessTokenClaims = { sub: user.id, username: user.username, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /**
   * A token for the user's calendar subscription link: it opens their calendar.ics feed and nothing
   * else (another audience), for a year, and ends with their access tokens (logout, new password, …).
   */
  async issueFeedLink(userId: string): Promise<{ feedToken: string; expiresAt: string }> {
    const user = await this.users.findById(userId);
    if (!user) throw refused('auth.required', 'このトークンの利用者は存在しません');
    const claims: AccessTokenClaims = { sub: user.id, username: user.username, ver: user.tokenVersion };
    const feedToken = await this.jwt.signAsync(claims, { audience: FEED_LINK_AUDIENCE, expiresIn: FEED_LINK_TTL_SECONDS });
    return { feedToken, expiresAt: new Date(Date.now() + FEED_LINK_TTL_SECONDS * 1000).toISOString() };
  }

  /** Logout everywhere: every token the user holds, on any device, is refused from now on. */
  async logOutEverywhere(userId: string): Promise<void> {
    await this.users.revokeTokens(userId);
  }

  /** The user a token speaks for, if it is a valid one (for logging out a session whose cookie is all we have). */
  async holderOf(token: string): Promise<string | null> {
    try {
      return (await this.jwt.verifyAsync<AccessTokenClaims>(token)).sub;
    } catch {
      return null;
    }
  }

  private lockedOut(until: Date, now: Date) {
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)}分` : `${seconds}秒`;
    return refused('auth.locked', `ログインに続けて失敗したため、このユーザー名では${wait}ほどログインできません。時間をおいてから再度お試しください`, {
      retryAfterSeconds: seconds,
    });
  }
}
