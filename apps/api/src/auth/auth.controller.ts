// eslint-disable-next-line no-restricted-imports -- repository injection predates the rule; moving it into a service is under way
import { UserRepository } from '@app/persistence';
import { verifyPassword } from '@app/security';
import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from './access-rule.decorator';
import { ACCESS_TOKEN_TTL_SECONDS } from './auth.module-options';
import { LoginRequest, LoginResponse } from './login.request.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'ログイン', description: 'Access: public. Exchanges a username and password for a bearer token; deactivated accounts cannot log in.' })
  @ApiUnauthorizedResponse({ description: 'ユーザー名またはパスワードが違います（無効化されたアカウントも同じ答えです）' })
  async login(@Body() body: LoginRequest): Promise<LoginResponse> {
    const user = await this.users.findByUsername(body.username);
    // A deactivated account gets the same answer as a wrong password, after the same work, so the
    // answer does not tell whether the account exists or is deactivated.
    if (!user || !(await verifyPassword(user.passwordHash, body.password)) || !user.active) {
      throw new UnauthorizedException('ユーザー名またはパスワードが違います');
    }
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username });
    return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }
}
