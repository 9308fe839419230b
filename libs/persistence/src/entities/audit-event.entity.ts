import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: who did what, when, from which state to which. Never updated or deleted. */
@Entity('audit_events')
@Index('audit_events_cluster_idx', ['fiscalYear', 'clusterNo', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** Stable per effect, so a retried activity records it once. */
  @Column({ name: 'event_id', type: 'text', unique: true })
  eventId!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'fiscal_year', type: 'int', nullable: true })
  fiscalYear!: number | null;

  @Column({ name: 'cluster_no', type: 'int', nullable: true })
  clusterNo!: number | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState!: string | null;

  @Column({ name: 'to_state', type: 'text', nullable: true })
  toState!: string | null;

  @Column({ name: 'report_kind', type: 'text', nullable: true })
  reportKind!: string | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'jsonb', default: {} })
  details!: Record<string, unknown>;
}
