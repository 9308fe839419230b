import {
  APPROVAL_STEP_LABEL_MAX_LENGTH,
  ClusterStage,
  NOT_BLANK_PATTERN,
  REPORT_KIND_LABEL_MAX_LENGTH,
  REPORT_STAGES,
  Role,
  SLUG_PATTERN,
} from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export class ReportKindSettingDto {
  @ApiProperty({ example: 'direction-budget' })
  @Matches(SLUG_PATTERN, { message: '報告書の識別子は英小文字で始まる英小文字・数字・ハイフンにしてください' })
  slug!: string;

  @ApiProperty({ example: '改革の方向性の報告（予算関連）' })
  @IsString({ message: '報告書の名称は文字列で指定してください' })
  @Matches(NOT_BLANK_PATTERN, { message: '報告書の名称を入力してください' })
  @MaxLength(REPORT_KIND_LABEL_MAX_LENGTH, { message: `報告書の名称は${REPORT_KIND_LABEL_MAX_LENGTH}文字以内です` })
  label!: string;

  @ApiProperty({ enum: REPORT_STAGES })
  @IsIn(REPORT_STAGES, { message: `報告書の段階は ${REPORT_STAGES.join(' / ')} のいずれかで指定してください` })
  stage!: ClusterStage;
}

export class ApprovalStepRuleDto {
  @ApiProperty({ enum: [Role.Manager, Role.Director, Role.ReformOffice] })
  @IsIn([Role.Manager, Role.Director, Role.ReformOffice], { message: '決裁者は manager / director / reform-office のいずれかで指定してください' })
  role!: Role;

  @ApiProperty({ enum: ['owning-bureau', 'programme'] })
  @IsIn(['owning-bureau', 'programme'], { message: '決裁の範囲は owning-bureau か programme で指定してください' })
  scope!: 'owning-bureau' | 'programme';

  @ApiProperty({ example: '所管課長' })
  @IsString({ message: '決裁の段の名称は文字列で指定してください' })
  @Matches(NOT_BLANK_PATTERN, { message: '決裁の段の名称を入力してください' })
  @MaxLength(APPROVAL_STEP_LABEL_MAX_LENGTH, { message: `決裁の段の名称は${APPROVAL_STEP_LABEL_MAX_LENGTH}文字以内です` })
  label!: string;
}

/** A fiscal year's reports and approval chain; clusters kicked off afterwards follow them. */
export class LifecycleSettingsDto {
  @ApiProperty({ type: [ReportKindSettingDto] })
  @IsArray({ message: '報告書の種類は配列で指定してください' })
  @ArrayMinSize(1, { message: '報告書の種類を1つ以上指定してください' })
  @ArrayMaxSize(20, { message: '報告書の種類は20までです' })
  @ValidateNested({ each: true })
  @Type(() => ReportKindSettingDto)
  reportKinds!: ReportKindSettingDto[];

  @ApiProperty({ type: [ApprovalStepRuleDto] })
  @IsArray({ message: '決裁経路は配列で指定してください' })
  @ArrayMinSize(1, { message: '決裁経路を1段階以上指定してください' })
  @ArrayMaxSize(10, { message: '決裁経路は10段階までです' })
  @ValidateNested({ each: true })
  @Type(() => ApprovalStepRuleDto)
  approvalChain!: ApprovalStepRuleDto[];

  @ApiProperty({
    required: false,
    default: false,
    description:
      '承認済みの報告書の本文・コメントをログインした全ての利用者に公開するか（既定は公開しない: 所管局、決裁者、市政変革室だけ）。変更はこの年度の全ての事業群に直ちに及びます',
  })
  @IsOptional()
  @IsBoolean({ message: '承認済みの報告書の閲覧は true か false で指定してください' })
  approvedReportsReadableByAll?: boolean;
}
