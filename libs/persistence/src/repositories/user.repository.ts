import { DataSource, QueryFailedError } from 'typeorm';
import { UserEntity } from '../entities';
import { BureauNotFoundError, NamedCode, Page, PageRequest } from './catalogue.repository';

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
  readonly isDemo: boolean;
  readonly createdAt: Date;
}

export interface UserFilter {
  readonly bureau?: string;
  readonly role?: string;
}

export class UsernameTakenError extends Error {}

const FOREIGN_KEY_VIOLATION = '23503';

const USER_COLUMNS = `u.id, u.username, u.display_name, u.roles, u.bureau_code, b.name AS bureau_name, u.is_demo, u.created_at`;

export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ username });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  /** Creates the user unless the username is taken; returns whether it was created. */
  async createIfAbsent(user: NewUser): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO users (username, password_hash, display_name, roles, bureau_code, is_demo, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [user.username, user.passwordHash, user.displayName, user.roles, user.bureauCode, user.isDemo ?? false, user.email ?? null],
    );
    return rows.length > 0;
  }

  /**
   * Throws {@link UsernameTakenError} or {@link BureauNotFoundError}. Both are decided by the
   * database's constraints, so two concurrent requests cannot both get past a check.
   */
  async create(user: NewUser): Promise<UserRow> {
    let rows: Record<string, unknown>[];
    try {
      rows = await this.dataSource.query(
        `WITH u AS (
           INSERT INTO users (username, password_hash, display_name, roles, bureau_code, is_demo, email)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING *
         )
         SELECT ${USER_COLUMNS} FROM u LEFT JOIN bureaus b ON b.code = u.bureau_code`,
        [user.username, user.passwordHash, user.displayName, user.roles, user.bureauCode, user.isDemo ?? false, user.email ?? null],
      );
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === FOREIGN_KEY_VIOLATION) {
        throw new BureauNotFoundError(String(user.bureauCode));
      }
      throw error;
    }
    if (rows.length === 0) throw new UsernameTakenError(user.username);
    return toUserRow(rows[0]);
  }

  async findWithBureau(id: string): Promise<UserRow | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN bureaus b ON b.code = u.bureau_code WHERE u.id = $1`,
      [id],
    );
    return rows.length > 0 ? toUserRow(rows[0]) : null;
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
    const where = conditions.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM users u WHERE ${where}`, params);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN bureaus b ON b.code = u.bureau_code
       WHERE ${where} ORDER BY u.username COLLATE "C"
       LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
      params,
    );
    return { items: rows.map(toUserRow), total: Number(total), page: page.page, pageSize: page.pageSize };
  }
}

function toUserRow(row: Record<string, unknown>): UserRow {
  return {
    id: String(row.id),
    username: String(row.username),
    displayName: String(row.display_name),
    roles: row.roles as string[],
    bureau: row.bureau_code === null ? null : { code: String(row.bureau_code), name: String(row.bureau_name) },
    isDemo: Boolean(row.is_demo),
    createdAt: row.created_at as Date,
  };
}
