import { Role } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IDEMPOTENCY_REFUSALS } from '../common/idempotency.interceptor';
import { Refusals } from '../common/refusals.decorator';
import { CreateUserRequest, SetPasswordRequest, UpdateUserRequest, UserListQuery, UserPage, UserView } from './user.dto';
import { UserIdPipe } from './user-id.param';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: '利用者の一覧', description: 'Access: admin. Paged, sorted by username; filter by bureau, role and active (true|false).' })
  @ApiOkResponse({ type: UserPage })
  @Refusals('request.invalid')
  list(@Query() query: UserListQuery): Promise<UserPage> {
    const { page, pageSize, ...filter } = query;
    return this.users.list(filter, page, pageSize);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({
    summary: '利用者の登録',
    description:
      'Access: admin. Creates a user with an initial password. staff, manager and director belong to a bureau (bureauCode required); ' +
      'users who are only admin and/or reform-office belong to none (bureauCode must be absent or null).',
  })
  @ApiCreatedResponse({ type: UserView })
  @Refusals('request.invalid', 'bureau.unknown', 'user.username-taken', ...IDEMPOTENCY_REFUSALS)
  create(@Body() body: CreateUserRequest): Promise<UserView> {
    return this.users.create(body);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiParam({ name: 'id', format: 'uuid', description: '利用者の id' })
  @ApiOperation({
    summary: '利用者の変更（異動・役割・メール・無効化）',
    description:
      'Access: admin. Changes any of displayName, roles, bureauCode (a move to another bureau; null for none), email (null removes it) and active. ' +
      'The resulting roles and bureau follow the same rule as a new user. active=false deactivates the account: it cannot log in, the tokens it ' +
      'holds are refused from the next request on, and it receives no notifications; active=true restores it. An admin cannot deactivate ' +
      'themselves or remove their own admin role, so the city always keeps an administrator.',
  })
  @ApiOkResponse({ type: UserView })
  @Refusals('request.invalid', 'bureau.unknown', 'user.unknown', ...IDEMPOTENCY_REFUSALS)
  update(@Param('id', UserIdPipe) id: string, @Body() body: UpdateUserRequest, @CurrentUser() actor: AuthenticatedUser): Promise<UserView> {
    return this.users.update(id, body, actor);
  }

  @Post(':id/password')
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiParam({ name: 'id', format: 'uuid', description: '利用者の id' })
  @ApiOperation({
    summary: 'パスワードの再設定',
    description: 'Access: admin. Sets a new password for the user; the old one stops working at once. Tokens already issued stay valid until they expire.',
  })
  @ApiNoContentResponse({ description: '再設定しました' })
  @Refusals('request.invalid', 'user.unknown', ...IDEMPOTENCY_REFUSALS)
  async setPassword(@Param('id', UserIdPipe) id: string, @Body() body: SetPasswordRequest): Promise<void> {
    await this.users.setPassword(id, body.password);
  }
}
