import { ApiProperty } from '@nestjs/swagger';
import { PageMeta } from '../common/page.dto';

export class ProjectionFailureView {
  @ApiProperty({ example: 'cluster/2024/27/2f0c…#12', description: '事象 ID（ワークフロー ID / 経営分析 / 連番）' }) eventId!: string;
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ example: 27 }) clusterNo!: number;
  @ApiProperty({ example: 12 }) seq!: number;
  @ApiProperty({ example: 'save-draft' }) action!: string;
  @ApiProperty({ example: '操作名（下書き保存）' }) actionLabel!: string;
  @ApiProperty({ description: '反映できなかった理由（ログにも同じものがあります）' }) problem!: string;
  @ApiProperty({ description: 'Asia/Tokyo' }) failedAt!: string;
}

export class ProjectionFailurePage extends PageMeta {
  @ApiProperty({ type: [ProjectionFailureView] }) items!: ProjectionFailureView[];
}
