import { ApiProperty } from '@nestjs/swagger';

export class StageCounts {
  @ApiProperty({ example: { NOT_STARTED: 3, KICKOFF: 2, COMPLETED: 1 }, description: '段階ごとの事業群の数（0 の段階も含む）' })
  byStage!: Record<string, number>;
  @ApiProperty() total!: number;
  @ApiProperty({ description: '期限を過ぎて未完了の報告書・決裁の数' }) overdue!: number;
}

export class CategoryProgressView extends StageCounts {
  @ApiProperty({ example: 'policy-programme' }) groupCode!: string;
  @ApiProperty({ example: '施策・事業グループ' }) groupName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'operations' }) kindCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'オペレーション系施策' }) kindName!: string | null;
}

export class BureauProgressView extends StageCounts {
  @ApiProperty({ type: String, nullable: true, description: '所管局（未設定は null）' }) bureauCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) bureauName!: string | null;
}

export class OpenItemView {
  @ApiProperty({ example: 27 }) clusterNo!: number;
  @ApiProperty({ example: 'ごみ処理事業' }) clusterName!: string;
  @ApiProperty({ example: 'interim' }) reportKind!: string;
  @ApiProperty({ example: '経過報告' }) reportLabel!: string;
  @ApiProperty({ enum: ['write', 'revise', 'decide'] }) action!: string;
  @ApiProperty({ example: '報告書の作成・提出' }) actionLabel!: string;
  @ApiProperty({ example: 'staff', description: '対応する役割' }) role!: string;
  @ApiProperty({ type: String, nullable: true, example: 'kankyo' }) bureauCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '期限（Asia/Tokyo）' }) dueAt!: string | null;
  @ApiProperty() provisional!: boolean;
  @ApiProperty() overdue!: boolean;
}

export class ProgressView {
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ type: StageCounts, description: '全体' }) overall!: StageCounts;
  @ApiProperty({ type: [CategoryProgressView], description: 'グループ × 種別 × 段階' }) byCategory!: CategoryProgressView[];
  @ApiProperty({ type: [BureauProgressView], description: '所管局 × 段階' }) byBureau!: BureauProgressView[];
  @ApiProperty({ type: [OpenItemView], description: '未了の報告書・決裁の全件（期限の近い順）' }) openItems!: OpenItemView[];
}
