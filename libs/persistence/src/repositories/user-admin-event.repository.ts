import { AccountField, FieldChange, UserAdminAction } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageRequest, queryPage } from '../sql/paging';
import { execute, queryFirst } from '../sql/typed-query';

/** One act of user administration as it is written. */
export interface NewUserAdminEvent {
  /** The administrator; null for the system itself. */
  readonly actorId: string | null;
  readonly userId: string;
  readonly username: string;
  readonly action: UserAdminAction;
  readonly changes: Partial<Record<AccountField, FieldChange>>;
}

export interface UserAdminEventRow {
  readonly id: string;
  readonly occurredAt: Date;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly userId: string;
  readonly username: string;
  readonly action: string;
  readonly changes: Record<string, FieldChange>;
}

interface UserAdminEventRecord {
  readonly id: string;
  readonly occurred_at: Date;
  readonly actor_id: string | null;
  readonly actor_name: string;
  readonly user_id: string;
  readonly username: string;
  readonly action: string;
  readonly changes: Record<string, FieldChange>;
}

/**
 * The only writer of user_admin_events, called inside the transaction of the change it records; the
 * actor's name is taken as it stands at that moment.
 */
export async function appendUserAdminEvent(manager: EntityManager, event: NewUserAdminEvent): Promise<void> {
  const actor = event.actorId ? await queryFirst<{ display_name: string }>(manager, `SELECT display_name FROM users WHERE id = $1`, [event.actorId]) : null;
  await execute(
    manager,
    `INSERT INTO user_admin_events (actor_id, actor_name, user_id, username, action, changes) VALUES ($1, $2, $3, $4, $5, $6)`,
    [actor ? event.actorId : null, actor?.display_name ?? 'system', event.userId, event.username, event.action, JSON.stringify(event.changes)],
  );
}

/** Reads of the user-administration audit trail, newest first. */
export class UserAdminEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(filter: { readonly userId?: string }, page: PageRequest): Promise<Page<UserAdminEventRow>> {
    const where = filter.userId ? 'WHERE user_id = $1' : '';
    const params = filter.userId ? [filter.userId] : [];
    return queryPage(
      this.dataSource,
      {
        count: `SELECT count(*)::int AS total FROM user_admin_events ${where}`,
        rows: `SELECT id::text AS id, occurred_at, actor_id, actor_name, user_id, username, action, changes FROM user_admin_events ${where} ORDER BY id DESC`,
        params,
      },
      page,
      (row: UserAdminEventRecord) => ({
        id: row.id,
        occurredAt: row.occurred_at,
        actorId: row.actor_id,
        actorName: row.actor_name,
        userId: row.user_id,
        username: row.username,
        action: row.action,
        changes: row.changes,
      }),
    );
  }
}
