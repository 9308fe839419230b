import { Body, Controller, Delete, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Refusals } from '../common/refusals.decorator';
import { Authenticated, Public } from './access-rule.decorator';
import { AuthenticatedUser } from './authenticated-user';
import { CurrentUser } from './current-user.decorator';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { CalendarFeedLinkResponse, LoginRequest, LoginResponse, SessionResponse } from './login.request.dto';
import { requireCsrfHeader, SESSION_COOKIE, sessionCookieOptions, sessionTokenOf } from './session-cookie';

const CSRF_HEADER_DOC = { name: 'X-Requested-With', required: true, description: '任意の値（例: fetch）。別サイトのフォームからの要求を拒むため' };

/** The peer's address as Express sees it (behind a proxy, the proxy's, unless Express is told to trust it). */
const clientAddressOf = (request: Request) => request.ip ?? request.socket.remoteAddress ?? 'unknown';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: 'ログイン', description: 'Access: public. Exchanges a username and password for a bearer token; deactivated accounts cannot log in. Rate-limited per client address; five consecutive failures lock the username for a while (429 with Retry-After).' })
  @ApiOkResponse({ type: LoginResponse })
  @Refusals('request.invalid', 'auth.login-failed', 'auth.locked', 'request.rate-limited')
  login(@Body() body: LoginRequest, @Req() request: Request): Promise<LoginResponse> {
    return this.auth.login({ ...body, clientAddress: clientAddressOf(request) });
  }

  @Post('session')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({
    summary: 'ログイン（画面用のセッション）',
    description:
      'Access: public. For the web app: the same check as POST /auth/login, but the token goes into an HttpOnly, SameSite=Strict cookie (Secure over https) that scripts cannot read. ' +
      `Requests authenticated by the cookie must send ${CSRF_HEADER_DOC.name} unless they are GET or HEAD.`,
  })
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiOkResponse({ type: SessionResponse })
  @Refusals('request.invalid', 'auth.login-failed', 'auth.locked', 'request.rate-limited', 'auth.csrf-header-missing')
  async openSession(@Body() body: LoginRequest, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    // Checked here too, so another site cannot log a browser into an account of its choosing.
    requireCsrfHeader(request, true);
    const { accessToken, expiresIn } = await this.auth.login({ ...body, clientAddress: clientAddressOf(request) });
    response.cookie(SESSION_COOKIE, accessToken, sessionCookieOptions(request));
    return { expiresIn };
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({
    summary: 'ログアウト（すべての端末）',
    description: 'Access: any logged-in user. Ends every token the caller holds, on every device: each is refused (401) from the next request on.',
  })
  @ApiNoContentResponse({ description: 'これまでに発行されたトークンをすべて無効にしました' })
  @Refusals('auth.required')
  async logOut(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.auth.logOutEverywhere(user.id);
  }

  @Post('calendar-feed-link')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary: 'カレンダー購読用のリンク',
    description:
      "Access: any logged-in user. A token for the caller's own calendar subscription: GET /fiscal-years/{fy}/calendar.ics?feed=<token> answers with their feed without any other credential, as calendar apps need. It opens that feed only, for a year, and ends with the caller's other tokens (logout, a new password, a change of roles or bureau).",
  })
  @ApiOkResponse({ type: CalendarFeedLinkResponse })
  @Refusals('auth.required')
  feedLink(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedLinkResponse> {
    return this.auth.issueFeedLink(user.id);
  }

  @Delete('session')
  @HttpCode(204)
  @Public()
  @ApiOperation({
    summary: 'ログアウト（画面用のセッション）',
    description: 'Access: public. Removes the session cookie and, when it held a valid token, ends every token of its user (as POST /auth/logout); answers the same whether or not one was set.',
  })
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiNoContentResponse({ description: 'セッション Cookie を削除しました' })
  @Refusals('auth.csrf-header-missing')
  async closeSession(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    requireCsrfHeader(request, true);
    const token = sessionTokenOf(request);
    const holder = token ? await this.auth.holderOf(token) : null;
    // A copy of the cookie taken from this browser stops working too.
    if (holder) await this.auth.logOutEverywhere(holder);
    const { maxAge: _maxAge, ...options } = sessionCookieOptions(request);
    response.clearCookie(SESSION_COOKIE, options);
  }
}
