import { NotificationKind } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { PageMeta } from '../common/page.dto';

/** One entry of the caller's inbox. */
export class NotificationView {
  @ApiProperty({ example: 'reminder/2024/27/interim/3d/6f1c2a4e-8d0b-4c1e-9a57-2f4b8c9d0e1f', description: '通知のID（パスに使うときは URL エンコードしてください。"/" を含みます）' })
  id!: string;

  @ApiProperty({ enum: NotificationKind }) kind!: string;
  @ApiProperty({ example: '期限前のお知らせ' }) kindLabel!: string;
  @ApiProperty({ example: '【督促】ごみ処理事業 経過報告の提出期限が近づいています' }) subject!: string;
  @ApiProperty({ example: 'ごみ処理事業（クラスター27）の経過報告を2024年6月4日（火）17:00までに提出してください。' }) body!: string;
  @ApiProperty({ type: String, nullable: true, example: '/api/v1/fiscal-years/2024/clusters/27' }) link!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 2024 }) fiscalYear!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 27 }) clusterNo!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'interim' }) reportKind!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '関係する期限（Asia/Tokyo）', example: '2024-06-04T17:00:00.000+09:00' }) dueAt!: string | null;
  @ApiProperty({ description: '通知の作成時刻（Asia/Tokyo）', example: '2024-06-01T09:00:00.000+09:00' }) createdAt!: string;
  @ApiProperty({ description: '既読か' }) read!: boolean;
}

export class NotificationPage extends PageMeta {
  @ApiProperty({ description: '未読の件数（全ページ）' }) unread!: number;
  @ApiProperty({ type: [NotificationView], description: '未読が先、その中で新しい順' }) items!: NotificationView[];
}

export class MarkAllReadResult {
  @ApiProperty({ description: 'この操作で既読にした件数' }) marked!: number;
  @ApiProperty({ description: '未読の件数（操作後）', example: 0 }) unread!: number;
}
