import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A bureau, office or ward (局・室・区). */
@Entity('bureaus')
export class BureauEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;
}
