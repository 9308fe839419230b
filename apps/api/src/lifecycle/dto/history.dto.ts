import { ApiProperty } from '@nestjs/swagger';
import { PageMeta } from '../../common/page.dto';
import { ActorView } from './cluster-detail.dto';

export class HistoryEntryView {
  @ApiProperty({ example: 'cluster/2024/27#3' }) eventId!: string;
  @ApiProperty({ description: 'Asia/Tokyo' }) occurredAt!: string;
  @ApiProperty({ type: ActorView }) actor!: ActorView;
  @ApiProperty({ example: 'approve' }) action!: string;
  @ApiProperty({ example: '承認' }) actionLabel!: string;
  @ApiProperty({ type: String, nullable: true }) fromStage!: string | null;
  @ApiProperty({ type: String, nullable: true }) toStage!: string | null;
  @ApiProperty({ type: String, nullable: true }) reportKind!: string | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
  @ApiProperty({ description: '報告書の本文・コメントを閲覧できないため、comment と details の件名を省いたか' }) textsRestricted!: boolean;
}

export class HistoryPage extends PageMeta {
  @ApiProperty({ type: [HistoryEntryView] }) items!: HistoryEntryView[];
}
