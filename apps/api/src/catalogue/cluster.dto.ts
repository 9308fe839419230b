import { BUREAU_CODE_PATTERN, CLUSTER_STAGES, ClusterGroup, ClusterKind, ClusterStage } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { PageMeta, PageQuery } from '../common/page.dto';

/** `?flag=true|false` in a query string arrives as text; anything else is left for @IsBoolean to refuse. */
export const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ClusterListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ClusterGroup, description: '区分: policy-programme（政策・施策）/ cross-cutting（横断的な仕組み）/ organisation（組織力強化）' })
  @IsOptional()
  @IsEnum(ClusterGroup, { message: `group は ${Object.values(ClusterGroup).join(' / ')} のいずれかで指定してください` })
  group?: ClusterGroup;

  @ApiPropertyOptional({ enum: ClusterKind, description: '政策・施策の種別: operations（事業運営）/ city-specific（市独自施策）/ national-system（国の制度）' })
  @IsOptional()
  @IsEnum(ClusterKind, { message: `kind は ${Object.values(ClusterKind).join(' / ')} のいずれかで指定してください` })
  kind?: ClusterKind;

  @ApiPropertyOptional({ enum: ClusterStage })
  @IsOptional()
  @IsIn(CLUSTER_STAGES, { message: `stage は ${CLUSTER_STAGES.join(' / ')} のいずれかで指定してください` })
  stage?: ClusterStage;

  @ApiPropertyOptional({ description: '所管局のコード' })
  @IsOptional()
  @IsString()
  bureau?: string;

  @ApiPropertyOptional({ description: '今年度の経営分析の対象か' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'analysed は true か false で指定してください' })
  analysed?: boolean;
}

export class NamedCodeView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

/** Something owed on the cluster now, and by whom. */
export class PendingActionView {
  @ApiProperty({ example: 'interim' }) reportKind!: string;
  @ApiProperty({ example: '経過報告' }) reportLabel!: string;
  @ApiProperty({ enum: ['write', 'revise', 'decide'] }) action!: string;
  @ApiProperty({ example: '決裁（承認・差戻し）' }) actionLabel!: string;
  @ApiProperty({ example: 'manager', description: 'この役割の保持者が行う' }) role!: string;
  @ApiProperty({ example: '課長' }) roleLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: '局の範囲（市政変革室の段階は null）' }) bureauCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '代理決裁者（代理に回された場合）' }) assigneeName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '所管課長' }) stepLabel!: string | null;
  @ApiProperty({ description: 'この状態になった時刻（Asia/Tokyo）' }) since!: string;
  @ApiProperty({ type: String, nullable: true, description: '期限（Asia/Tokyo）' }) dueAt!: string | null;
  @ApiProperty({ description: 'X会議の日程が上旬・中旬・下旬までしか決まっておらず、その初日を基準にした暫定の期限か' }) provisional!: boolean;
  @ApiProperty({ description: '期限を過ぎているか' }) overdue!: boolean;
}

export class ClusterView {
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ example: 27 }) no!: number;
  @ApiProperty({ example: '保育所・幼稚園' }) name!: string;
  @ApiProperty({ type: NamedCodeView }) group!: NamedCodeView;
  @ApiProperty({ type: NamedCodeView, nullable: true }) kind!: NamedCodeView | null;
  @ApiProperty({ description: '今年度の経営分析の対象' }) analysedThisYear!: boolean;
  @ApiProperty({ type: NamedCodeView, nullable: true, description: '所管局' }) owningBureau!: NamedCodeView | null;
  @ApiProperty({ enum: ClusterStage }) stage!: ClusterStage;
  @ApiProperty({ description: '段階の日本語表記', example: '未着手' }) stageLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601, Asia/Tokyo (+09:00)' }) stageChangedAt!: string | null;
  @ApiProperty({ type: [PendingActionView], description: '今、誰が何をする番か' }) pendingActions!: PendingActionView[];
}

export class ClusterPage extends PageMeta {
  @ApiProperty({ type: [ClusterView] }) items!: ClusterView[];
}

export class UpdateClusterRequest {
  @ApiPropertyOptional({ description: '今年度の経営分析の対象とするか' })
  @IsOptional()
  @IsBoolean({ message: 'analysedThisYear は true か false で指定してください' })
  analysedThisYear?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: '所管局のコード（null で未設定に戻す）' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsString({ message: 'owningBureauCode は局のコード（文字列）か null で指定してください' })
  @Matches(BUREAU_CODE_PATTERN, { message: 'owningBureauCode は英数字・ハイフン・下線の40文字以内で指定してください' })
  owningBureauCode?: string | null;
}
