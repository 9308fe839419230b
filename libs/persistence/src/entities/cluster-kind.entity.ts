import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClusterGroupEntity } from './cluster-group.entity';

@Entity('cluster_kinds')
export class ClusterKindEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'int' })
  fiscalYear!: number;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ name: 'group_code', type: 'text' })
  groupCode!: string;

  @ManyToOne(() => ClusterGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'fiscal_year', referencedColumnName: 'fiscalYear', foreignKeyConstraintName: 'cluster_kinds_fiscal_year_group_code_fkey' },
    { name: 'group_code', referencedColumnName: 'code', foreignKeyConstraintName: 'cluster_kinds_fiscal_year_group_code_fkey' },
  ])
  group?: ClusterGroupEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder!: number;
}
