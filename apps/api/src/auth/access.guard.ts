import { refused, Role } from '@app/domain';
import { UserRepository } from '@app/persistence';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ACCESS_RULE, AccessRule } from './access-rule.decorator';
import { AccessTokenClaims, FEED_LINK_AUDIENCE } from './auth.module-options';
import { AuthenticatedRequest } from './current-user.decorator';
import { requireCsrfHeader, sessionTokenOf } from './session-cookie';

export const ACCOUNT_DISABLED_MESSAGE = 'このアカウントは無効化されています。管理者に問い合わせてください';


/** Authenticates the bearer token (or the web app's session cookie), then applies the handler's declared access rule. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UserRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw refused('access.denied', 'この操作にはアクセス規則が定義されていません');
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const feedLink = rule.kind === 'feed-link' && typeof request.query.feed === 'string' ? request.query.feed : null;
    const user = feedLink ? await this.holderOf(feedLink, FEED_LINK_AUDIENCE) : await this.authenticate(request);
    request.user = user;
    if (rule.kind === 'roles' && !rule.roles.some((role) => user.roles.includes(role))) {
      throw refused('access.denied', `この操作には次のいずれかの役割が必要です: ${rule.roles.join(', ')}`);
    }
    return true;
  }

  /** A bearer token wins over the cookie: API clients never depend on what a browser also sends. */
  private tokenOf(request: AuthenticatedRequest): string {
    const [scheme, bearer] = (request.headers.authorization ?? '').split(' ');
    if (scheme === 'Bearer' && bearer) return bearer;
    const session = sessionTokenOf(request);
    if (!session) throw refused('auth.required', 'ログインが必要です（Authorization: Bearer トークン）');
    requireCsrfHeader(request);
    return session;
  }

  private authenticate(request: AuthenticatedRequest) {
    return this.holderOf(this.tokenOf(request));
  }

  /** The user a token speaks for: valid for this audience, the account active, and the token not ended since. */
  private async holderOf(token: string, audience?: string) {
    let payload: AccessTokenClaims;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenClaims>(token, audience ? { audience } : {});
    } catch {
      throw refused('auth.required', 'トークンが無効か期限切れです。再度ログインしてください');
    }
    const user = await this.users.findById(payload.sub);
    if (!user) throw refused('auth.required', 'このトークンの利用者は存在しません');
    // Checked on every request, so deactivating an account cuts off the tokens it already holds.
    if (!user.active) throw refused('auth.required', ACCOUNT_DISABLED_MESSAGE);
    if (payload.ver !== user.tokenVersion) {
      throw refused('auth.required', 'このトークンは無効になりました（ログアウト、パスワードの変更、役割や所属局の変更のため）。再度ログインしてください');
    }
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles as Role[],
      bureauCode: user.bureauCode,
    };
  }
}
