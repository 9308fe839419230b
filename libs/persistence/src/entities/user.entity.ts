import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BureauEntity } from './bureau.entity';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', array: true })
  roles!: string[];

  @Column({ name: 'bureau_code', type: 'text', nullable: true })
  bureauCode!: string | null;

  @ManyToOne(() => BureauEntity, { nullable: true })
  @JoinColumn({ name: 'bureau_code', referencedColumnName: 'code', foreignKeyConstraintName: 'users_bureau_code_fkey' })
  bureau?: BureauEntity | null;

  /** Where notification e-mails go; null = the inbox only. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** false: cannot log in, their tokens are refused and notifications skip them. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
