import { Role } from '@app/domain';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access-rule.decorator';
import { CreateUserRequest, UserListQuery, UserPage, UserView } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: '利用者の一覧', description: 'Access: admin. Paged, sorted by username; filter by bureau and role.' })
  @ApiOkResponse({ type: UserPage })
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
  @ApiBadRequestResponse({ description: '入力内容に誤りがあります（未登録の局コード、役割と所属局の組み合わせを含む）' })
  @ApiConflictResponse({ description: 'ユーザー名は既に使われています' })
  create(@Body() body: CreateUserRequest): Promise<UserView> {
    return this.users.create(body);
  }
}
