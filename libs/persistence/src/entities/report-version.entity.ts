import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClusterEntity } from './cluster.entity';

/** Every saved version of every report, kept so older versions stay readable. */
@Entity('report_versions')
@Check('report_versions_version_check', '"version" >= 1')
export class ReportVersionEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'int' })
  fiscalYear!: number;

  @PrimaryColumn({ name: 'cluster_no', type: 'int' })
  clusterNo!: number;

  @PrimaryColumn({ name: 'report_kind', type: 'text' })
  reportKind!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @ManyToOne(() => ClusterEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'fiscal_year', referencedColumnName: 'fiscalYear', foreignKeyConstraintName: 'report_versions_fiscal_year_cluster_no_fkey' },
    { name: 'cluster_no', referencedColumnName: 'no', foreignKeyConstraintName: 'report_versions_fiscal_year_cluster_no_fkey' },
  ])
  cluster?: ClusterEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'saved_by_id', type: 'uuid', nullable: true })
  savedById!: string | null;

  @Column({ name: 'saved_by_name', type: 'text' })
  savedByName!: string;

  @Column({ name: 'saved_at', type: 'timestamptz' })
  savedAt!: Date;
}
