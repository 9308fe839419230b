import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** One notification in one person's inbox; its id is the notification's key and the person's id. */
@Entity('notifications')
@Index('notifications_inbox_idx', ['userId', 'readAt', 'createdAt'])
@Check('notifications_check', `id = notification_key || '/' || user_id::text`)
export class NotificationEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'notification_key', type: 'text' })
  notificationKey!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'notifications_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', nullable: true })
  link!: string | null;

  @Column({ name: 'fiscal_year', type: 'int', nullable: true })
  fiscalYear!: number | null;

  @Column({ name: 'cluster_no', type: 'int', nullable: true })
  clusterNo!: number | null;

  @Column({ name: 'report_kind', type: 'text', nullable: true })
  reportKind!: string | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
