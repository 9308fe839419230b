import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FiscalYearEntity } from './fiscal-year.entity';

/** A catalogue group as one fiscal year describes it; groupings are revised year by year. */
@Entity('cluster_groups')
export class ClusterGroupEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'int' })
  fiscalYear!: number;

  @ManyToOne(() => FiscalYearEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fiscal_year', referencedColumnName: 'fiscalYear', foreignKeyConstraintName: 'cluster_groups_fiscal_year_fkey' })
  year?: FiscalYearEntity;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  reform!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder!: number;
}
