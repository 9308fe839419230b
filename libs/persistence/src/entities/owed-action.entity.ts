import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClusterEntity } from './cluster.entity';

/** What someone owes on a cluster now (write, revise or decide a report), replaced with every lifecycle event. */
@Entity('owed_actions')
@Index('owed_actions_owner_idx', ['role', 'bureauCode'])
@Index('owed_actions_assignee_idx', ['assigneeId'], { where: 'assignee_id IS NOT NULL' })
@Index('owed_actions_due_idx', ['dueAt'])
export class OwedActionEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'int' })
  fiscalYear!: number;

  @PrimaryColumn({ name: 'cluster_no', type: 'int' })
  clusterNo!: number;

  @PrimaryColumn({ name: 'report_kind', type: 'text' })
  reportKind!: string;

  @ManyToOne(() => ClusterEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'fiscal_year', referencedColumnName: 'fiscalYear', foreignKeyConstraintName: 'owed_actions_fiscal_year_cluster_no_fkey' },
    { name: 'cluster_no', referencedColumnName: 'no', foreignKeyConstraintName: 'owed_actions_fiscal_year_cluster_no_fkey' },
  ])
  cluster?: ClusterEntity;

  @Column({ name: 'report_label', type: 'text' })
  reportLabel!: string;

  /** write, revise or decide. */
  @Column({ type: 'text' })
  action!: string;

  /** Every holder of this role (in the bureau, when set) owes it, unless it was delegated to one person. */
  @Column({ type: 'text' })
  role!: string;

  @Column({ name: 'bureau_code', type: 'text', nullable: true })
  bureauCode!: string | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName!: string | null;

  /** The report's authors, who may not decide it. */
  @Column({ name: 'excluded_user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  excludedUserIds!: string[];

  @Column({ name: 'step_label', type: 'text', nullable: true })
  stepLabel!: string | null;

  @Column({ type: 'timestamptz' })
  since!: Date;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  provisional!: boolean;
}
