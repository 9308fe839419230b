import { accountChanges, AuditedAccount, refused, RefusedError, updateActionOf, UserAdminAction } from '@app/domain';
import { DataSource } from 'typeorm';
import { Page, PageRequest, queryPage } from '../sql/paging';
import { failedWith, SQL_STATE } from '../sql/sql-state';
import { execute, queryFirst, queryRows } from '../sql/typed-query';
import { NamedCode } from './catalogue.repository';
import { appendUserAdminEvent } from './user-admin-event.repository';

export interface NewUser {
  readonly username: string;
  readonly passwordHash: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly bureauCode: string | null;
  readonly isDemo?: boolean;
  /** Where notification e-mails go; absent or null = the inbox only. */
  readonly email?: string | null;
}

/** A user as others may see it: everything but the password hash. */
export interface UserRow {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: string[];
  readonly bureau: NamedCode | null;
  /** Where notification e-mails go; null = the inbox only. */
  readonly email: string | null;
  /** false: cannot log in, their tokens are refused and notifications skip them. */
  readonly active: boolean;
  readonly isDemo: boolean;
  readonly createdAt: Date;
}

/** A user with what logging in and acting need: their password hash, roles and bureau. */
export interface UserAccountRow {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly displayName: string;
  readonly roles: string[];
  readonly bureauCode: string | null;
  /** Where notification e-mails go; null = the inbox only. */
  readonly email: string | null;
  /** false: cannot log in, their tokens are refused and notifications skip them. */
  readonly active: boolean;
  readonly isDemo: boolean;
  readonly createdAt: Date;
  /** Tokens carry it; a token with an older one is refused. */
  readonly tokenVersion: number;
}

export interface UserFilter {
  readonly bureau?: string;
  readonly role?: string;
  readonly active?: boolean;
}

/** What an administrator changes of a user; absent (undefined) fields stay as they are. */
export interface UserChanges {
  readonly displayName?: string;
  readonly roles?: readonly string[];
  readonly bureauCode?: string | null;
  readonly email?: string | null;
  readonly active?: boolean;
}

/** Who a user is for the rules of a change: their roles, bureau and whether they are active. */
export interface UserStanding {
  readonly id: string;
  readonly roles: readonly string[];
  readonly bureauCode: string | null;
  readonly active: boolean;
}

/**
 * Sees a change while it is being made: the user before and after it, and the acting user as they
 * are at that moment (null when they no longer exist). Throws to refuse the change.
 */
export type UserChangeCheck = (change: { readonly before: UserStanding; readonly after: UserStanding; readonly actor: UserStanding | null }) => void;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every change to an existing user takes this transaction-level advisory lock, so changes happen one at a time. */
const USER_CHANGE_LOCK = 1_732_800_000;

interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly display_name: string;
  readonly roles: string[];
  readonly bureau_code: string | null;
  readonly bureau_name: string | null;
  readonly email: string | null;
  readonly active: boolean;
  readonly is_demo: boolean;
  readonly created_at: Date;
}

interface UserAccountRecord {
  readonly id: string;
  readonly username: string;
  readonly password_hash: string;
  readonly display_name: string;
  readonly roles: string[];
  readonly bureau_code: string | null;
  readonly email: string | null;
  readonly active: boolean;
  readonly is_demo: boolean;
  readonly created_at: Date;
  readonly token_version: number;
}

interface StandingRecord {
  readonly id: string;
  readonly username: string;
  readonly display_name: string;
  readonly roles: string[];
  readonly bureau_code: string | null;
  readonly email: string | null;
  readonly active: boolean;
}

const ACCOUNT_COLUMNS = `id, username, password_hash, display_name, roles, bureau_code, email, active, is_demo, created_at, token_version`;

const USER_COLUMNS = `u.id, u.username, u.display_name, u.roles, u.bureau_code, b.name AS bureau_name, u.email, u.active, u.is_demo, u.created_at`;

export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<UserAccountRow | null> {
    const row = await queryFirst<UserAccountRecord>(this.dataSource, `SELECT ${ACCOUNT_COLUMNS} FROM users WHERE username = $1`, [username]);
    return row ? toAccountRow(row) : null;
  }

  async findById(id: string): Promise<UserAccountRow | null> {
    const row = await queryFirst<UserAccountRecord>(this.dataSource, `SELECT ${ACCOUNT_COLUMNS} FROM users WHERE id = $1`, [id]);
    return row ? toAccountRow(row) : null;
  }

  /** Creates the user unless the username is taken; returns whether it was created. */
  async createIfAbsent(user: NewUser): Promise<boolean> {
    const rows = await queryRows(
      this.dataSource,
      `INSERT INTO users (username, password_hash, display_name, roles, bureau_code, is_demo, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [user.username, user.passwordHash, user.displayName, user.roles, user.bureauCode, user.isDemo ?? false, user.email ?? null],
    );
    return rows.length > 0;
  }

  /**
   * Refuses with `user.username-taken` or `bureau.unknown`. Both are decided by the
   * database's constraints, so two concurrent requests cannot both get past a check. The act is
   * written to the user-administration trail in the same transaction, as done by `actorId`.
   */
  async create(user: NewUser, actorId: string): Promise<UserRow> {
    let rows: UserRecord[];
    try {
      rows = await this.dataSource.transaction(async (manager) => {
        const created = await queryRows<UserRecord>(
        manager,
        `WITH u AS (
           INSERT INTO users (username, password_hash, display_name, roles, bureau_code, is_demo, email)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING *
         )
         SELECT ${USER_COLUMNS} FROM u LEFT JOIN bureaus b ON b.code = u.bureau_code`,
        [user.username, user.passwordHash, user.displayName, user.roles, user.bureauCode, user.isDemo ?? false, user.email ?? null],
        );
        if (created.length > 0) {
          const none: AuditedAccount = { displayName: '', roles: [], bureauCode: null, email: null, active: false };
          const account = toStanding(toAuditRecord(created[0]));
          await appendUserAdminEvent(manager, { actorId: uuidOrNull(actorId), userId: account.id, username: user.username, action: UserAdminAction.Create, changes: accountChanges(none, account) });
        }
        return created;
      });
    } catch (error) {
      if (failedWith(error, SQL_STATE.foreignKeyViolation)) {
        throw unknownBureau(user.bureauCode);
      }
      throw error;
    }
    if (rows.length === 0) throw refused('user.username-taken', `ユーザー名「${user.username}」は既に使われています`, { fields: [{ field: 'username', problems: ['既に使われています'] }] });
    return toUserRow(rows[0]);
  }

  /**
   * Changes the user; null when there is no such user (or the id is not a UUID). Changes are made one
   * at a time, and `check` sees the user and the actor as they are while the change is made, so a rule
   * spanning users (whoever changes accounts stays an active admin) holds even for simultaneous
   * requests. Refuses with `bureau.unknown` for a bureau that is not registered, and throws whatever
   * `check` throws; either way nothing is changed.
   */
  async update(id: string, changes: UserChanges, actorId: string, check: UserChangeCheck): Promise<UserRow | null> {
    if (!UUID_PATTERN.test(id)) return null;
    try {
      return await this.dataSource.transaction(async (manager) => {
        await execute(manager, `SELECT pg_advisory_xact_lock($1)`, [USER_CHANGE_LOCK]);
        const standing = async (userId: string): Promise<AccountStanding | null> => {
          const row = await queryFirst<StandingRecord>(
            manager,
            `SELECT id, username, display_name, roles, bureau_code, email, active FROM users WHERE id = $1 FOR UPDATE`,
            [userId],
          );
          return row ? toStanding(row) : null;
        };
        const before = await standing(id);
        if (!before) return null;
        const after: AccountStanding = {
          ...before,
          displayName: changes.displayName ?? before.displayName,
          roles: changes.roles ?? before.roles,
          bureauCode: changes.bureauCode !== undefined ? changes.bureauCode : before.bureauCode,
          email: changes.email !== undefined ? changes.email : before.email,
          active: changes.active ?? before.active,
        };
        check({ before, after, actor: UUID_PATTERN.test(actorId) ? await standing(actorId) : null });

        const params: unknown[] = [id];
        const assignments: string[] = [];
        const assign = (column: string, value: unknown) => {
          params.push(value);
          assignments.push(`${column} = $${params.length}`);
        };
        if (changes.displayName !== undefined) assign('display_name', changes.displayName);
        if (changes.roles !== undefined) assign('roles', changes.roles);
        if (changes.bureauCode !== undefined) assign('bureau_code', changes.bureauCode);
        if (changes.email !== undefined) assign('email', changes.email);
        if (changes.active !== undefined) assign('active', changes.active);
        // What a token lets its holder do changed: the tokens issued before no longer speak for them.
        const standingChanged =
          after.active !== before.active || after.bureauCode !== before.bureauCode || [...after.roles].sort().join() !== [...before.roles].sort().join();
        if (standingChanged) assignments.push('token_version = token_version + 1');
        if (assignments.length > 0) await execute(manager, `UPDATE users SET ${assignments.join(', ')} WHERE id = $1`, params);
        const changed = accountChanges(before, after);
        if (Object.keys(changed).length > 0) {
          await appendUserAdminEvent(manager, { actorId: uuidOrNull(actorId), userId: id, username: before.username, action: updateActionOf(changed), changes: changed });
        }
        const [row] = await queryRows<UserRecord>(
          manager,
          `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN bureaus b ON b.code = u.bureau_code WHERE u.id = $1`,
          [id],
        );
        return toUserRow(row);
      });
    } catch (error) {
      if (failedWith(error, SQL_STATE.foreignKeyViolation)) {
        throw unknownBureau(changes.bureauCode ?? null);
      }
      throw error;
    }
  }

  /**
   * Replaces the user's password hash, ending the tokens issued with the old one, and records the act
   * (not the password) in the same transaction; false when there is no such user (or the id is not a UUID).
   */
  async setPasswordHash(id: string, passwordHash: string, actorId: string): Promise<boolean> {
    if (!UUID_PATTERN.test(id)) return false;
    return this.dataSource.transaction(async (manager) => {
      const [changed] = await queryRows<{ username: string }>(
        manager,
        `UPDATE users SET password_hash = $2, token_version = token_version + 1 WHERE id = $1 RETURNING username`,
        [id, passwordHash],
      );
      if (!changed) return false;
      await appendUserAdminEvent(manager, { actorId: uuidOrNull(actorId), userId: id, username: changed.username, action: UserAdminAction.PasswordReset, changes: {} });
      return true;
    });
  }

  /** Makes every token issued to the user so far invalid (logout everywhere). */
  async revokeTokens(id: string): Promise<void> {
    if (!UUID_PATTERN.test(id)) return;
    await execute(this.dataSource, `UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [id]);
  }

  async findWithBureau(id: string): Promise<UserRow | null> {
    const row = await queryFirst<UserRecord>(
      this.dataSource,
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN bureaus b ON b.code = u.bureau_code WHERE u.id = $1`,
      [id],
    );
    return row ? toUserRow(row) : null;
  }

  /** Ordered by username in byte order ("C"), so the order does not depend on the database's locale. */
  async list(filter: UserFilter, page: PageRequest): Promise<Page<UserRow>> {
    const conditions = ['true'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.bureau !== undefined) add('u.bureau_code = ?', filter.bureau);
    if (filter.role !== undefined) add('? = ANY (u.roles)', filter.role);
    if (filter.active !== undefined) add('u.active = ?', filter.active);
    const where = conditions.join(' AND ');
    return queryPage(
      this.dataSource,
      {
        count: `SELECT count(*)::int AS total FROM users u WHERE ${where}`,
        rows: `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN bureaus b ON b.code = u.bureau_code WHERE ${where} ORDER BY u.username COLLATE "C"`,
        params,
      },
      page,
      toUserRow,
    );
  }
}

function toUserRow(row: UserRecord): UserRow {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    bureau: row.bureau_code === null ? null : { code: row.bureau_code, name: row.bureau_name ?? row.bureau_code },
    email: row.email,
    active: row.active,
    isDemo: row.is_demo,
    createdAt: row.created_at,
  };
}

function toAccountRow(row: UserAccountRecord): UserAccountRow {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    displayName: row.display_name,
    roles: row.roles,
    bureauCode: row.bureau_code,
    email: row.email,
    active: row.active,
    isDemo: row.is_demo,
    createdAt: row.created_at,
    tokenVersion: row.token_version,
  };
}

/** A user's standing with what the audit trail records of them. */
interface AccountStanding extends UserStanding, AuditedAccount {
  readonly username: string;
  readonly roles: readonly string[];
}

function toStanding(row: StandingRecord): AccountStanding {
  return { id: row.id, username: row.username, displayName: row.display_name, roles: row.roles, bureauCode: row.bureau_code, email: row.email, active: row.active };
}

function toAuditRecord(row: UserRecord): StandingRecord {
  return { id: row.id, username: row.username, display_name: row.display_name, roles: row.roles, bureau_code: row.bureau_code, email: row.email, active: row.active };
}

const uuidOrNull = (id: string): string | null => (UUID_PATTERN.test(id) ? id : null);

/** The bureau a user was to belong to is not registered: a mistake in the request's `bureauCode`. */
function unknownBureau(code: string | null): RefusedError {
  const problem = `局コード「${code}」は登録されていません`;
  return refused('bureau.unknown', `入力内容に誤りがあります（bureauCode: ${problem}）`, { fields: [{ field: 'bureauCode', problems: [problem] }] });
}
