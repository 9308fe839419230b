import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Refusals } from '../common/refusals.decorator';
import { Public } from './access-rule.decorator';
import { AuthService } from './auth.service';
import { LoginRequest, LoginResponse } from './login.request.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'ログイン', description: 'Access: public. Exchanges a username and password for a bearer token; deactivated accounts cannot log in.' })
  @ApiOkResponse({ type: LoginResponse })
  @Refusals('request.invalid', 'auth.login-failed')
  login(@Body() body: LoginRequest): Promise<LoginResponse> {
    return this.auth.login(body);
  }
}
