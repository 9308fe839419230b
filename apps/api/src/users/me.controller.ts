import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/access-rule.decorator';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ProfileView } from './profile.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '自分のプロフィール', description: 'Access: any logged-in user. The caller\'s own account: name, roles and bureau.' })
  @ApiOkResponse({ type: ProfileView })
  get(@CurrentUser() user: AuthenticatedUser): Promise<ProfileView> {
    return this.users.profile(user.id);
  }
}
