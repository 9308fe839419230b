import { Role } from '@app/domain';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Refusals } from '../common/refusals.decorator';
import { CreateUserRequest, SetPasswordRequest, UpdateUserRequest, UserAdminEventPage, UserAdminEventQuery, UserListQuery, UserPage, UserView } from './user.dto';
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

  @Get('history')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: '利用者管理の履歴（監査証跡）',
    description:
      'Access: admin. Every act of user administration (登録, 変更 of roles / bureau / name / e-mail, 無効化, 再有効化, パスワードの再設定): who did it, when, and what changed (never a password); newest first, paged; userId narrows it to one user.',
  })
  @ApiOkResponse({ type: UserAdminEventPage })
  @Refusals('request.invalid')
  history(@Query() query: UserAdminEventQuery): Promise<UserAdminEventPage> {
    const { page, pageSize, userId } = query;
    return this.users.adminHistory({ userId }, page, pageSize);
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
  @Refusals('request.invalid', 'bureau.unknown', 'user.username-taken')
  create(@Body() body: CreateUserRequest, @CurrentUser() actor: AuthenticatedUser): Promise<UserView> {
    return this.users.create(body, actor);
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
      'themselves or remove their own admin role, so the city always keeps an administrator. A step delegated to the user (代理) that they no longer hold ' +
      'after the change (another role, another bureau, deactivated) returns to the holders of its role. Every change is written to the user-administration history.',
  })
  @ApiOkResponse({ type: UserView })
  @Refusals('request.invalid', 'bureau.unknown', 'user.unknown')
  update(@Param('id', UserIdPipe) id: string, @Body() body: UpdateUserRequest, @CurrentUser() actor: AuthenticatedUser): Promise<UserView> {
    return this.users.update(id, body, actor);
  }

  @Post(':id/password')
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiParam({ name: 'id', format: 'uuid', description: '利用者の id' })
  @ApiOperation({
    summary: 'パスワードの再設定',
    description: 'Access: admin. Sets a new password for the user; the old one stops working at once, and so do the tokens already issued. Written to the user-administration history (without the password).',
  })
  @ApiNoContentResponse({ description: '再設定しました' })
  @Refusals('request.invalid', 'user.unknown')
  async setPassword(@Param('id', UserIdPipe) id: string, @Body() body: SetPasswordRequest, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.users.setPassword(id, body.password, actor);
  }
}
