import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('fiscal_years')
export class FiscalYearEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'int' })
  fiscalYear!: number;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'copied_from', type: 'int', nullable: true })
  copiedFrom!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
