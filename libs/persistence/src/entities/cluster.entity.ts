import type { ClusterCase, Deadline } from '@app/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { BureauEntity } from './bureau.entity';
import { ClusterGroupEntity } from './cluster-group.entity';
import { ClusterKindEntity } from './cluster-kind.entity';

/** One cluster of one fiscal year: catalogue data plus the read model of its lifecycle. */
@Entity('clusters')
@Index('clusters_filter_idx', ['fiscalYear', 'groupCode', 'kindCode', 'stage'])
@Index('clusters_bureau_idx', ['fiscalYear', 'owningBureauCode'])
@Check('clusters_no_check', '"no" >= 1')
export class ClusterEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'int' })
  fiscalYear!: number;

  @PrimaryColumn({ type: 'int' })
  no!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'group_code', type: 'text' })
  groupCode!: string;

  @ManyToOne(() => ClusterGroupEntity)
  @JoinColumn([
    { name: 'fiscal_year', referencedColumnName: 'fiscalYear', foreignKeyConstraintName: 'clusters_fiscal_year_group_code_fkey' },
    { name: 'group_code', referencedColumnName: 'code', foreignKeyConstraintName: 'clusters_fiscal_year_group_code_fkey' },
  ])
  group?: ClusterGroupEntity;

  @Column({ name: 'kind_code', type: 'text', nullable: true })
  kindCode!: string | null;

  @ManyToOne(() => ClusterKindEntity, { nullable: true })
  @JoinColumn([
    { name: 'fiscal_year', referencedColumnName: 'fiscalYear', foreignKeyConstraintName: 'clusters_fiscal_year_kind_code_fkey' },
    { name: 'kind_code', referencedColumnName: 'code', foreignKeyConstraintName: 'clusters_fiscal_year_kind_code_fkey' },
  ])
  kind?: ClusterKindEntity | null;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder!: number;

  @Column({ name: 'analysed_this_year', type: 'boolean', default: false })
  analysedThisYear!: boolean;

  @Column({ name: 'owning_bureau_code', type: 'text', nullable: true })
  owningBureauCode!: string | null;

  @ManyToOne(() => BureauEntity, { nullable: true })
  @JoinColumn({ name: 'owning_bureau_code', referencedColumnName: 'code', foreignKeyConstraintName: 'clusters_owning_bureau_code_fkey' })
  owningBureau?: BureauEntity | null;

  @Column({ type: 'text', default: 'NOT_STARTED' })
  stage!: string;

  @Column({ name: 'stage_changed_at', type: 'timestamptz', nullable: true })
  stageChangedAt!: Date | null;

  /** Highest workflow event applied, so that replays and retries never move the read model back. */
  @Column({ name: 'last_event_seq', type: 'int', default: 0 })
  lastEventSeq!: number;

  /** The lifecycle workflow's case after its latest event: the read model's source for details. */
  @Column({ name: 'case_state', type: 'jsonb', nullable: true })
  caseState!: ClusterCase | null;

  @Column({ type: 'jsonb', default: [] })
  deadlines!: Deadline[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
