import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageMeta, PageQuery } from '../common/page.dto';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatusValue = (typeof DELIVERY_STATUSES)[number];

export class DeliveryListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'この状態の配信だけ（failed: 再送をあきらめたもの、pending: 送信待ち・再試行中）' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: '状態は pending、delivered、failed のいずれかで指定してください' })
  status?: DeliveryStatusValue;
}

/** One e-mail or webhook call of a notification, as it stands. */
export class DeliveryView {
  @ApiProperty({ enum: ['email', 'webhook'] }) channel!: 'email' | 'webhook';
  @ApiProperty({ example: 'reminder/2024/27/interim/3d', description: '通知のキー（X-Reform-Notification-Id）' }) notificationKey!: string;
  @ApiProperty({ type: String, nullable: true, example: 'kodomo.staff', description: 'メールの宛先の利用者（webhook は null）' }) username!: string | null;
  @ApiProperty({ example: 'staff@kodomo.example.jp', description: 'メールアドレス、または webhook の送信先（オリジンのみ）' }) destination!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatusValue;
  @ApiProperty({ description: '送信を試みた回数' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: '最後の失敗の理由（パスワードや URL の秘密の部分は伏せてあります）' }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '最後に試みた時刻（Asia/Tokyo）' }) lastAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '相手のサーバーが受け付けた時刻（Asia/Tokyo）' }) deliveredAt!: string | null;
  @ApiProperty({ description: '配信を記録した時刻（Asia/Tokyo）' }) createdAt!: string;
}

export class DeliveryPage extends PageMeta {
  @ApiProperty({ type: [DeliveryView], description: '最後に試みた（まだなら記録した）時刻の新しい順' }) items!: DeliveryView[];
}
