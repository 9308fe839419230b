import { ACCOUNT_FIELD_LABELS, AccountField, bureauAssignmentProblem, refused, Role, selfLockoutProblem, toTokyoIsoString, USER_ADMIN_ACTION_LABELS, UserAdminAction } from '@app/domain';
import { UserAdminEventRepository, UserAdminEventRow, UserChangeCheck, UserRepository, UserRow } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { ACCOUNT_DISABLED_MESSAGE } from '../auth/access.guard';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { hashPassword } from '@app/security';
import { participantOf } from '../auth/participant';
import { invalidFields } from '../common/validation.pipe';
import { DelegationReleaseService } from '../lifecycle/delegation-release.service';
import { ProfileView } from './profile.dto';
import { UPDATABLE_USER_FIELDS, UserAdminEventPage, UserAdminEventView, UserPage, UserView } from './user.dto';
import { CreateUserCommand, UpdateUserCommand, UserAdminEventFilter, UserListFilter } from './users.commands';

export const USER_NOT_FOUND_MESSAGE = '指定された利用者は登録されていません';

/** User administration and the caller's own profile; password hashes never leave this service. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly adminEvents: UserAdminEventRepository,
    private readonly delegations: DelegationReleaseService,
  ) {}

  async create(request: CreateUserCommand, actor: AuthenticatedUser): Promise<UserView> {
    const bureauCode = request.bureauCode ?? null;
    const problem = bureauAssignmentProblem(request.roles, bureauCode);
    if (problem) throw invalidFields([{ field: 'bureauCode', problems: [problem] }]);
    const created = await this.users.create({
      username: request.username,
      passwordHash: await hashPassword(request.password),
      displayName: request.displayName,
      roles: request.roles,
      bureauCode,
      email: request.email ?? null,
    }, actor.id);
    return toUserView(created);
  }

  /**
   * Moves, renames, re-roles, (de)activates a user or changes their e-mail address. The result must
   * satisfy the same role/bureau rule as a new user, and the admin making the change must remain an
   * active admin; both are checked while the change is made, one change at a time.
   */
  async update(id: string, request: UpdateUserCommand, actor: AuthenticatedUser): Promise<UserView> {
    if (UPDATABLE_USER_FIELDS.every((field) => request[field] === undefined)) {
      throw refused('request.invalid', `変更する項目（${UPDATABLE_USER_FIELDS.join(', ')}）を1つ以上指定してください`);
    }
    const check: UserChangeCheck = ({ after, actor: acting }) => {
      // The guard let the actor in a moment ago; a change made to them since (by another admin) counts.
      if (!acting?.active) throw refused('auth.required', ACCOUNT_DISABLED_MESSAGE);
      if (!acting.roles.includes(Role.Admin)) throw refused('access.denied', `この操作には次のいずれかの役割が必要です: ${Role.Admin}`);
      const lockout = selfLockoutProblem(actor.id, { id: after.id, roles: after.roles as Role[], active: after.active });
      if (lockout) throw invalidFields([{ field: lockout.field, problems: [lockout.problem] }]);
      const problem = bureauAssignmentProblem(after.roles as Role[], after.bureauCode);
      if (problem) throw invalidFields([{ field: 'bureauCode', problems: [problem] }]);
    };
    const updated = await this.users.update(
      id,
      { displayName: request.displayName, roles: request.roles, bureauCode: request.bureauCode, email: request.email, active: request.active },
      actor.id,
      check,
    );
    if (!updated) throw refused('user.unknown', USER_NOT_FOUND_MESSAGE);
    if (request.roles !== undefined || request.bureauCode !== undefined || request.active === false) {
      // Steps delegated to them that they no longer hold go back to the role's holders.
      const delegate = { id: updated.id, name: updated.displayName, roles: updated.roles as Role[], bureauCode: updated.bureau?.code ?? null, active: updated.active };
      await this.delegations.afterChangeOf(delegate, participantOf(actor));
    }
    return toUserView(updated);
  }

  /** Sets a new password, hashed like every other; the tokens the user holds end with it. */
  async setPassword(id: string, password: string, actor: AuthenticatedUser): Promise<void> {
    if (!(await this.users.setPasswordHash(id, await hashPassword(password), actor.id))) throw refused('user.unknown', USER_NOT_FOUND_MESSAGE);
  }

  /** The user-administration audit trail, newest first. */
  async adminHistory(filter: UserAdminEventFilter, page: number, pageSize: number): Promise<UserAdminEventPage> {
    const result = await this.adminEvents.list(filter, { page, pageSize });
    return { ...result, items: result.items.map(toAdminEventView) };
  }

  async list(filter: UserListFilter, page: number, pageSize: number): Promise<UserPage> {
    const result = await this.users.list(filter, { page, pageSize });
    return { ...result, items: result.items.map(toUserView) };
  }

  async profile(userId: string): Promise<ProfileView> {
    const user = await this.users.findWithBureau(userId);
    // The guard found the user a moment ago; only a deletion in between ends up here.
    if (!user) throw refused('auth.required', 'このトークンの利用者は存在しません');
    return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles as Role[], bureau: user.bureau };
  }
}

function toAdminEventView(row: UserAdminEventRow): UserAdminEventView {
  return {
    id: row.id,
    occurredAt: toTokyoIsoString(row.occurredAt.toISOString()),
    actor: { id: row.actorId, name: row.actorName },
    user: { id: row.userId, username: row.username },
    action: row.action,
    actionLabel: USER_ADMIN_ACTION_LABELS[row.action as UserAdminAction] ?? row.action,
    changes: Object.entries(row.changes).map(([field, change]) => ({
      field,
      fieldLabel: ACCOUNT_FIELD_LABELS[field as AccountField] ?? field,
      from: change.from,
      to: change.to,
    })),
  };
}

function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles as Role[],
    bureau: row.bureau,
    email: row.email,
    active: row.active,
    isDemo: row.isDemo,
    createdAt: row.createdAt.toISOString(),
  };
}
