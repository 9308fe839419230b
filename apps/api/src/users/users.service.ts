import { bureauAssignmentProblem, Role } from '@app/domain';
import { BureauNotFoundError, UsernameTakenError, UserRepository, UserRow } from '@app/persistence';
import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { hashPassword } from '../auth/password-hasher';
import { invalidFields } from '../common/validation.pipe';
import { ProfileView } from './profile.dto';
import { CreateUserRequest, UserPage, UserView } from './user.dto';

/** User administration and the caller's own profile; password hashes never leave this service. */
@Injectable()
export class UsersService {
  constructor(private readonly users: UserRepository) {}

  async create(request: CreateUserRequest): Promise<UserView> {
    const bureauCode = request.bureauCode ?? null;
    const problem = bureauAssignmentProblem(request.roles, bureauCode);
    if (problem) throw invalidFields([{ field: 'bureauCode', problems: [problem] }]);
    try {
      const created = await this.users.create({
        username: request.username,
        passwordHash: await hashPassword(request.password),
        displayName: request.displayName,
        roles: request.roles,
        bureauCode,
        email: request.email ?? null,
      });
      return toUserView(created);
    } catch (error) {
      if (error instanceof UsernameTakenError) throw new ConflictException(`ユーザー名「${request.username}」は既に使われています`);
      if (error instanceof BureauNotFoundError) {
        throw invalidFields([{ field: 'bureauCode', problems: [`局コード「${bureauCode}」は登録されていません`] }]);
      }
      throw error;
    }
  }

  async list(filter: { bureau?: string; role?: Role }, page: number, pageSize: number): Promise<UserPage> {
    const result = await this.users.list(filter, { page, pageSize });
    return { ...result, items: result.items.map(toUserView) };
  }

  async profile(userId: string): Promise<ProfileView> {
    const user = await this.users.findWithBureau(userId);
    // The guard found the user a moment ago; only a deletion in between ends up here.
    if (!user) throw new UnauthorizedException('このトークンの利用者は存在しません');
    return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles as Role[], bureau: user.bureau };
  }
}

function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles as Role[],
    bureau: row.bureau,
    isDemo: row.isDemo,
    createdAt: row.createdAt.toISOString(),
  };
}
