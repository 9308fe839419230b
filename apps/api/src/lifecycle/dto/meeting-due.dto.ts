import { ApiProperty } from '@nestjs/swagger';
import { DeadlineView } from '../../catalogue/cluster.dto';

/** One running analysis's deadline pegged to a meeting: which cluster owes what, by when, and whether it is done. */
export class MeetingDueItemView extends DeadlineView {
  @ApiProperty({ example: 27 }) clusterNo!: number;
  @ApiProperty({ example: 'ごみ処理事業' }) clusterName!: string;
  @ApiProperty({ type: String, nullable: true, example: '環境局', description: '所管局' }) bureauName!: string | null;
}
