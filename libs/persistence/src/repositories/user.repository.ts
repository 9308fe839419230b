import { DataSource } from 'typeorm';
import { UserEntity } from '../entities';

export interface NewUser {
  readonly username: string;
  readonly passwordHash: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly bureauCode: string | null;
  readonly isDemo?: boolean;
}

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
      `INSERT INTO users (username, password_hash, display_name, roles, bureau_code, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [user.username, user.passwordHash, user.displayName, user.roles, user.bureauCode, user.isDemo ?? false],
    );
    return rows.length > 0;
  }
}
