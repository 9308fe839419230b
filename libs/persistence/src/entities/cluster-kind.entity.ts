import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('cluster_kinds')
export class ClusterKindEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'int' })
  fiscalYear!: number;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ name: 'group_code', type: 'text' })
  groupCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder!: number;
}
