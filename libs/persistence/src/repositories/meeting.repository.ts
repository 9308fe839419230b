import { AgendaItem, earliestMeetingDay, Meeting, MeetingDate } from '@app/domain';
import { DataSource } from 'typeorm';
import { execute, queryFirst, queryRows, SqlExecutor } from '../sql/typed-query';

interface MeetingRecord {
  readonly id: string;
  readonly name: string;
  readonly date: MeetingDate;
  readonly agenda: AgendaItem[] | null;
}

/** Each fiscal year's X meetings. */
export class MeetingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(fiscalYear: number): Promise<Meeting[]> {
    const rows = await queryRows<MeetingRecord>(
      this.dataSource,
      `SELECT id, name, date, agenda FROM meetings WHERE fiscal_year = $1 ORDER BY earliest_day, id`,
      [fiscalYear],
    );
    return rows.map(toMeeting);
  }

  async find(fiscalYear: number, id: string): Promise<Meeting | null> {
    const row = await queryFirst<MeetingRecord>(this.dataSource, `SELECT id, name, date, agenda FROM meetings WHERE fiscal_year = $1 AND id = $2`, [fiscalYear, id]);
    return row ? toMeeting(row) : null;
  }

  /** Clusters whose analysis is running, which must hear of a calendar change. */
  async runningClusterNos(fiscalYear: number): Promise<number[]> {
    const rows = await queryRows<{ no: number }>(
      this.dataSource,
      `SELECT no FROM clusters WHERE fiscal_year = $1 AND stage NOT IN ('NOT_STARTED', 'COMPLETED', 'WITHDRAWN') ORDER BY no`,
      [fiscalYear],
    );
    return rows.map((row) => row.no);
  }
}

/** Inserts or replaces a meeting; a meeting changes only together with its audit entry (ClusterEventRepository). */
export async function saveMeeting(executor: SqlExecutor, fiscalYear: number, meeting: Meeting): Promise<void> {
  await execute(
    executor,
    `INSERT INTO meetings (fiscal_year, id, name, date, earliest_day, agenda) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (fiscal_year, id) DO UPDATE SET name = EXCLUDED.name, date = EXCLUDED.date, earliest_day = EXCLUDED.earliest_day,
       agenda = EXCLUDED.agenda, updated_at = now()`,
    [fiscalYear, meeting.id, meeting.name, JSON.stringify(meeting.date), earliestMeetingDay(meeting.date), JSON.stringify(meeting.agenda)],
  );
}

function toMeeting(row: MeetingRecord): Meeting {
  return { id: row.id, name: row.name, date: row.date, agenda: row.agenda ?? [] };
}
