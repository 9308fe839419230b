import { Role, ROLE_LABELS } from '../roles';

/** Usernames are typed at the login prompt and shown in the audit trail, so they stay short and ASCII. */
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const DISPLAY_NAME_MAX_LENGTH = 100;

/** The longest address SMTP can carry (RFC 5321's path limit less its angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

/** Roles that act for one bureau: their approvals and drafts are always on behalf of it. */
export const BUREAU_MEMBER_ROLES: readonly Role[] = [Role.Staff, Role.Manager, Role.Director];

/** Whether a user holding these roles belongs to a bureau (admins and the reform office serve the whole city). */
export function belongsToBureau(roles: readonly Role[]): boolean {
  return roles.some((role) => BUREAU_MEMBER_ROLES.includes(role));
}

/**
 * What is wrong with giving a user with these roles this bureau, as a message for the person
 * entering it, or null when it fits: bureau members need one, everyone else must have none.
 */
export function bureauAssignmentProblem(roles: readonly Role[], bureauCode: string | null): string | null {
  if (belongsToBureau(roles)) {
    return bureauCode === null ? `${BUREAU_MEMBER_ROLES.map((role) => ROLE_LABELS[role]).join('・')}の役割を持つ利用者には所属局を指定してください` : null;
  }
  return bureauCode === null ? null : `${ROLE_LABELS[Role.Admin]}・${ROLE_LABELS[Role.ReformOffice]}の役割だけの利用者には所属局を指定できません`;
}

/** What an administrator's change leaves of an account, as far as who may administer is concerned. */
export interface AccountStanding {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly active: boolean;
}

/**
 * Why an administrator may not leave their own account like this, as a field and a message, or null:
 * nobody deactivates themselves or gives up their own admin role, so whoever makes a change remains
 * an active administrator and the city is never locked out of user administration.
 */
export function selfLockoutProblem(actorId: string, after: AccountStanding): { field: 'active' | 'roles'; problem: string } | null {
  if (after.id !== actorId) return null;
  if (!after.active) return { field: 'active', problem: '自分自身のアカウントは無効化できません（管理者がいなくなることを防ぐため）' };
  if (!after.roles.includes(Role.Admin)) {
    return { field: 'roles', problem: `自分自身から${ROLE_LABELS[Role.Admin]}の役割は外せません（管理者がいなくなることを防ぐため）` };
  }
  return null;
}
