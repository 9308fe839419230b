import type { AgendaItem, MeetingDate } from '@app/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { FiscalYearEntity } from './fiscal-year.entity';

/** An X meeting of a fiscal year, as its calendar workflow last recorded it. */
@Entity('meetings')
export class MeetingEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'int' })
  fiscalYear!: number;

  @PrimaryColumn({ type: 'text' })
  id!: string;

  @ManyToOne(() => FiscalYearEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fiscal_year', referencedColumnName: 'fiscalYear', foreignKeyConstraintName: 'meetings_fiscal_year_fkey' })
  year?: FiscalYearEntity;

  @Column({ type: 'text' })
  name!: string;

  /** Exact, or a third of a month (上旬/中旬/下旬). */
  @Column({ type: 'jsonb' })
  date!: MeetingDate;

  /** The first day the meeting can fall on: the calendar's sort order and the base of its deadlines. */
  @Column({ name: 'earliest_day', type: 'date' })
  earliestDay!: string;

  @Column({ type: 'jsonb', default: [] })
  agenda!: AgendaItem[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
