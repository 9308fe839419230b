/** What an administrator did to a user account; the user-administration audit trail names acts by these. */
export enum UserAdminAction {
  Create = 'create',
  Update = 'update',
  Deactivate = 'deactivate',
  Reactivate = 'reactivate',
  PasswordReset = 'password-reset',
}

export const USER_ADMIN_ACTION_LABELS: Readonly<Record<UserAdminAction, string>> = {
  [UserAdminAction.Create]: '登録',
  [UserAdminAction.Update]: '変更',
  [UserAdminAction.Deactivate]: '無効化',
  [UserAdminAction.Reactivate]: '再有効化',
  [UserAdminAction.PasswordReset]: 'パスワードの再設定',
};

/** The fields of an account the trail records; never a password or its hash. */
export interface AuditedAccount {
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly bureauCode: string | null;
  readonly email: string | null;
  readonly active: boolean;
}

export type AccountField = keyof AuditedAccount;

/** One field before and after an act. */
export interface FieldChange {
  readonly from: unknown;
  readonly to: unknown;
}

export const ACCOUNT_FIELD_LABELS: Readonly<Record<AccountField, string>> = {
  displayName: '表示名',
  roles: '役割',
  bureauCode: '所属局',
  email: '通知メールの宛先',
  active: '有効',
};

const sameRoles = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

/** What an act changed, field by field (roles compared as a set); empty when it changed nothing. */
export function accountChanges(before: AuditedAccount, after: AuditedAccount): Partial<Record<AccountField, FieldChange>> {
  const changes: Partial<Record<AccountField, FieldChange>> = {};
  for (const field of Object.keys(ACCOUNT_FIELD_LABELS) as AccountField[]) {
    const [from, to] = [before[field], after[field]];
    const same = field === 'roles' ? sameRoles(from as readonly string[], to as readonly string[]) : from === to;
    if (!same) changes[field] = { from, to };
  }
  return changes;
}

/** How the trail names a change: deactivating or reactivating says so, anything else is a change. */
export function updateActionOf(changes: Partial<Record<AccountField, FieldChange>>): UserAdminAction {
  if (changes.active) return changes.active.to ? UserAdminAction.Reactivate : UserAdminAction.Deactivate;
  return UserAdminAction.Update;
}
