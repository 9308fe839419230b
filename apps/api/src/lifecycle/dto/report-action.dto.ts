import { COMMENT_MAX_LENGTH, NOT_BLANK_PATTERN, REPORT_BODY_MAX_LENGTH, REPORT_TITLE_MAX_LENGTH } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** A comment's limit, told under the name its form gives it. */
const commentLengthMessage = (label: string) => `${label}は${COMMENT_MAX_LENGTH}文字以内で入力してください`;

/** 下書き保存: every save is a new version. */
export class SaveDraftRequest {
  @ApiProperty({ example: 'ごみ処理事業 経過報告', description: '件名' })
  @IsString({ message: '件名は文字列で指定してください' })
  @Matches(NOT_BLANK_PATTERN, { message: '件名を入力してください' })
  @MaxLength(REPORT_TITLE_MAX_LENGTH, { message: `件名は${REPORT_TITLE_MAX_LENGTH}文字以内で入力してください` })
  title!: string;

  @ApiProperty({ example: '収集運搬の委託範囲を他都市と比較した結果……', description: '本文（空の下書きは保存できますが提出できません）' })
  @IsString({ message: '本文は文字列で指定してください' })
  @MaxLength(REPORT_BODY_MAX_LENGTH, { message: `本文は${REPORT_BODY_MAX_LENGTH}文字以内で入力してください` })
  body!: string;
}

/** 承認: an optional comment. */
export class ApproveRequest {
  @ApiPropertyOptional({ description: 'コメント' })
  @IsOptional()
  @IsString({ message: '承認のコメントは文字列で指定してください' })
  @MaxLength(COMMENT_MAX_LENGTH, { message: commentLengthMessage('承認のコメント') })
  comment?: string;
}

/** 差戻し: the reason is required, the drafters see it. */
export class ReturnRequest {
  @ApiProperty({ example: '他都市比較の出典を追記してください', description: '差戻しの理由（必須）' })
  @IsString({ message: '差戻しの理由を文字列で入力してください' })
  @Matches(NOT_BLANK_PATTERN, { message: '差戻しの理由を入力してください' })
  @MaxLength(COMMENT_MAX_LENGTH, { message: commentLengthMessage('差戻しの理由') })
  comment!: string;
}

/** 代理: hand the pending step to another holder of the same role in the same bureau. */
export class DelegateRequest {
  @ApiProperty({ example: 'kankyo.manager2', description: '代理で決裁する利用者のユーザー名' })
  @IsString({ message: '代理決裁者は利用者のユーザー名で指定してください' })
  @MinLength(1, { message: '代理決裁者のユーザー名を入力してください' })
  @MaxLength(100, { message: '代理決裁者のユーザー名は100文字以内です' })
  delegateTo!: string;

  @ApiPropertyOptional({ description: 'コメント' })
  @IsOptional()
  @IsString({ message: 'コメントは文字列で指定してください' })
  @MaxLength(COMMENT_MAX_LENGTH, { message: commentLengthMessage('コメント') })
  comment?: string;
}

/** 取下げ: the reform office drops the cluster from this year's analysis. */
export class WithdrawRequest {
  @ApiProperty({ example: '今年度は制度改正の動向を見て分析を見送る', description: '取下げの理由（必須）' })
  @IsString({ message: '取下げの理由を文字列で入力してください' })
  @Matches(NOT_BLANK_PATTERN, { message: '取下げの理由を入力してください' })
  @MaxLength(COMMENT_MAX_LENGTH, { message: commentLengthMessage('取下げの理由') })
  reason!: string;
}
