import { ApiProperty } from '@nestjs/swagger';
import { PageMeta } from '../common/page.dto';

export class TaskView {
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ example: 27 }) clusterNo!: number;
  @ApiProperty({ example: 'ごみ処理事業' }) clusterName!: string;
  @ApiProperty({ example: 'INTERIM_REPORT' }) stage!: string;
  @ApiProperty({ example: '経過報告' }) stageLabel!: string;
  @ApiProperty({ example: 'interim' }) reportKind!: string;
  @ApiProperty({ example: '経過報告' }) reportLabel!: string;
  @ApiProperty({ enum: ['write', 'revise', 'decide'] }) action!: string;
  @ApiProperty({ example: '決裁（承認・差戻し）' }) actionLabel!: string;
  @ApiProperty({ type: String, nullable: true, example: '所管課長' }) stepLabel!: string | null;
  @ApiProperty({ description: '代理として回ってきた決裁か' }) delegated!: boolean;
  @ApiProperty({ description: 'この状態になった時刻（Asia/Tokyo）' }) since!: string;
  @ApiProperty({ type: String, nullable: true, description: '期限（Asia/Tokyo）' }) dueAt!: string | null;
  @ApiProperty({ description: 'X会議の日程が未確定のため暫定の期限か' }) provisional!: boolean;
  @ApiProperty({ description: '期限を過ぎているか' }) overdue!: boolean;
  @ApiProperty({ example: '/api/v1/fiscal-years/2024/clusters/27' }) link!: string;
}

export class TaskPage extends PageMeta {
  @ApiProperty({ type: [TaskView] }) items!: TaskView[];
}

/** Something the caller owes in the Platinum project or a bureau's X policy. */
export class ProcessTaskView {
  @ApiProperty({ enum: ['x-policy', 'platinum-proposal'] }) kind!: string;
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ example: '環境局の局区X方針' }) subject!: string;
  @ApiProperty({ example: '「課題と対応策」の決裁（局長）' }) what!: string;
  @ApiProperty({ type: String, nullable: true, description: '期限（Asia/Tokyo）' }) dueAt!: string | null;
  @ApiProperty({ description: 'X会議の日程が未確定のため暫定の期限か' }) provisional!: boolean;
  @ApiProperty({ description: '期限を過ぎているか' }) overdue!: boolean;
  @ApiProperty({ description: '最後に動いた時刻（Asia/Tokyo）' }) since!: string;
  @ApiProperty({ example: '/api/v1/fiscal-years/2024/x-policies/kankyo' }) link!: string;
  @ApiProperty({ example: '/fiscal-years/2024/x-policies/kankyo', description: '画面のパス' }) webPath!: string;
}

export class ProcessTaskPage extends PageMeta {
  @ApiProperty({ type: [ProcessTaskView] }) items!: ProcessTaskView[];
}
