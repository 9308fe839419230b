import { Role } from '@app/domain';

export interface CreateUserCommand {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly bureauCode?: string | null;
  readonly email?: string | null;
}

/** The fields to change; absent ones stay as they are. */
export interface UpdateUserCommand {
  readonly displayName?: string;
  readonly roles?: readonly Role[];
  readonly bureauCode?: string | null;
  readonly email?: string | null;
  readonly active?: boolean;
}

export interface UserAdminEventFilter {
  readonly userId?: string;
}

export interface UserListFilter {
  readonly bureau?: string;
  readonly role?: Role;
  readonly active?: boolean;
}
