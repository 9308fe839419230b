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

export class ProgressView {
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ type: StageCounts, description: '全体' }) overall!: StageCounts;
  @ApiProperty({ type: [CategoryProgressView], description: 'グループ × 種別 × 段階' }) byCategory!: CategoryProgressView[];
  @ApiProperty({ type: [BureauProgressView], description: '所管局 × 段階' }) byBureau!: BureauProgressView[];
}
