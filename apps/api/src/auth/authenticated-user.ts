import { Role } from '@app/domain';

/** The caller, as established from the bearer token and the users table, never from the request body. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly bureauCode: string | null;
}
