import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One cluster of one fiscal year: catalogue data plus the read model of its lifecycle. */
@Entity('clusters')
export class ClusterEntity {
  @PrimaryColumn({ name: 'fiscal_year', type: 'int' })
  fiscalYear!: number;

  @PrimaryColumn({ type: 'int' })
  no!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'group_code', type: 'text' })
  groupCode!: string;

  @Column({ name: 'kind_code', type: 'text', nullable: true })
  kindCode!: string | null;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder!: number;

  @Column({ name: 'analysed_this_year', type: 'boolean', default: false })
  analysedThisYear!: boolean;

  @Column({ name: 'owning_bureau_code', type: 'text', nullable: true })
  owningBureauCode!: string | null;

  @Column({ type: 'text', default: 'NOT_STARTED' })
  stage!: string;

  @Column({ name: 'stage_changed_at', type: 'timestamptz', nullable: true })
  stageChangedAt!: Date | null;

  /** Highest workflow event applied, so that replays and retries never move the read model back. */
  @Column({ name: 'last_event_seq', type: 'int', default: 0 })
  lastEventSeq!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
