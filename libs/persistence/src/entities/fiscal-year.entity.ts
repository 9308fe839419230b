import type { CalendarSettings, LifecycleSettings } from '@app/domain';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

@Entity('fiscal_years')
export class FiscalYearEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'int' })
  fiscalYear!: number;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'copied_from', type: 'int', nullable: true })
  copiedFrom!: number | null;

  @ManyToOne(() => FiscalYearEntity, { nullable: true })
  @JoinColumn({ name: 'copied_from', referencedColumnName: 'fiscalYear', foreignKeyConstraintName: 'fiscal_years_copied_from_fkey' })
  copiedFromYear?: FiscalYearEntity | null;

  /** Report kinds and the approval chain; analyses keep the settings they were kicked off with. */
  @Column({ name: 'lifecycle_settings', type: 'jsonb', nullable: true })
  lifecycleSettings!: LifecycleSettings | null;

  /** Deadline pegs, reminder offsets, digest lead and due time. */
  @Column({ name: 'calendar_settings', type: 'jsonb', nullable: true })
  calendarSettings!: CalendarSettings | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
