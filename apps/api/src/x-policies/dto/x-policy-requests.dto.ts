import {
  NOT_BLANK_PATTERN,
  SELF_INSPECTION_ITEM_MAX,
  SELF_INSPECTION_QUESTION_MAX_LENGTH,
  SLUG_PATTERN,
  X_POLICY_ISSUE_MAX,
  X_POLICY_ISSUE_TITLE_MAX_LENGTH,
  X_POLICY_TEXT_MAX_LENGTH,
} from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ClusterNumbers } from '../../common/cluster-numbers';
import { ProcessDeadlineRuleDto } from '../../processes/process-requests.dto';

/** Follows the identifier's name: 課題の識別子は…, 項目の識別子は…. */
const ID_RULE = 'は英小文字で始まる英小文字・数字・ハイフンにしてください';

export class SelfInspectionItemDto {
  @ApiProperty({ example: 'rules' })
  @Matches(SLUG_PATTERN, { message: `項目の識別子${ID_RULE}` })
  id!: string;

  @ApiProperty({ example: '市民や事業者に押印・書面・来庁を求める手続はいくつありますか' })
  @IsString({ message: '問いは文字列で指定してください' })
  @Matches(NOT_BLANK_PATTERN, { message: '問いを入力してください' })
  @MaxLength(SELF_INSPECTION_QUESTION_MAX_LENGTH, { message: `問いは${SELF_INSPECTION_QUESTION_MAX_LENGTH}文字以内で入力してください` })
  question!: string;
}

/** The year's self-inspection items and the plan's deadline, set by the reform office. */
export class XPolicySettingsRequest {
  @ApiProperty({ type: [SelfInspectionItemDto] })
  @IsArray({ message: '自己点検の項目は配列で指定してください' })
  @ArrayMaxSize(SELF_INSPECTION_ITEM_MAX, { message: `自己点検の項目は${SELF_INSPECTION_ITEM_MAX}件までです` })
  @ValidateNested({ each: true })
  @Type(() => SelfInspectionItemDto)
  items!: SelfInspectionItemDto[];

  @ApiProperty({ type: [ProcessDeadlineRuleDto] })
  @IsArray({ message: '期限は配列で指定してください' })
  @ArrayMaxSize(5, { message: '期限は5件までです' })
  @ValidateNested({ each: true })
  @Type(() => ProcessDeadlineRuleDto)
  deadlines!: ProcessDeadlineRuleDto[];
}

export class SelfInspectionAnswerDto {
  @ApiProperty({ example: 'rules' })
  @Matches(SLUG_PATTERN, { message: `項目の識別子${ID_RULE}` })
  itemId!: string;

  @ApiProperty({ example: '押印を求める手続が12件あり、うち9件は法令上の根拠がない' })
  @IsString({ message: '回答は文字列で指定してください' })
  @MaxLength(X_POLICY_TEXT_MAX_LENGTH, { message: `回答は${X_POLICY_TEXT_MAX_LENGTH}文字以内で入力してください` })
  answer!: string;
}

/** 自己点検: the bureau's answers to the year's items (a blank answer counts as not answered). */
export class SelfInspectionRequest {
  @ApiProperty({ type: [SelfInspectionAnswerDto] })
  @IsArray({ message: '自己点検の回答は配列で指定してください' })
  @ArrayMaxSize(SELF_INSPECTION_ITEM_MAX, { message: `自己点検の回答は${SELF_INSPECTION_ITEM_MAX}件までです` })
  @ValidateNested({ each: true })
  @Type(() => SelfInspectionAnswerDto)
  answers!: SelfInspectionAnswerDto[];
}

export class XPolicyIssueDto {
  @ApiProperty({ example: 'seal-free', description: '課題の識別子（進捗はこれで指す）' })
  @Matches(SLUG_PATTERN, { message: `課題の識別子${ID_RULE}` })
  id!: string;

  @ApiProperty({ example: '押印を求める手続の見直し', description: '変革課題' })
  @IsString({ message: '課題は文字列で指定してください' })
  @Matches(NOT_BLANK_PATTERN, { message: '課題を入力してください' })
  @MaxLength(X_POLICY_ISSUE_TITLE_MAX_LENGTH, { message: `課題は${X_POLICY_ISSUE_TITLE_MAX_LENGTH}文字以内で入力してください` })
  title!: string;

  @ApiProperty({ example: '法令上の根拠がない9件は規則を改正して押印を廃止する', description: '対応策' })
  @IsString({ message: '対応策は文字列で指定してください' })
  @MaxLength(X_POLICY_TEXT_MAX_LENGTH, { message: `対応策は${X_POLICY_TEXT_MAX_LENGTH}文字以内で入力してください` })
  response!: string;

  @ApiProperty({ example: '令和6年12月までに規則改正', description: 'スケジュール' })
  @IsString({ message: 'スケジュールは文字列で指定してください' })
  @MaxLength(X_POLICY_TEXT_MAX_LENGTH, { message: `スケジュールは${X_POLICY_TEXT_MAX_LENGTH}文字以内で入力してください` })
  schedule!: string;

  @ApiProperty({ type: [Number], example: [27], description: '関係する事業群の番号' })
  @ClusterNumbers('関係する事業群の番号')
  clusterNos!: number[];
}

/** 課題と対応策: the whole list of the bureau's reform issues as it now stands. */
export class XPolicyIssuesRequest {
  @ApiProperty({ type: [XPolicyIssueDto] })
  @IsArray({ message: '課題は配列で指定してください' })
  @ArrayMaxSize(X_POLICY_ISSUE_MAX, { message: `課題は${X_POLICY_ISSUE_MAX}件までです` })
  @ValidateNested({ each: true })
  @Type(() => XPolicyIssueDto)
  issues!: XPolicyIssueDto[];
}

/** 進捗: what has happened on a published issue, to be published once the director approves it. */
export class ProgressRequest {
  @ApiProperty({ example: '9件のうち6件の規則改正を終えた', description: '進捗の内容' })
  @IsString({ message: '進捗の内容は文字列で指定してください' })
  @Matches(NOT_BLANK_PATTERN, { message: '進捗の内容を入力してください' })
  @MaxLength(X_POLICY_TEXT_MAX_LENGTH, { message: `進捗の内容は${X_POLICY_TEXT_MAX_LENGTH}文字以内で入力してください` })
  text!: string;
}

/** Which bureaus to start; all of them when omitted. */
export class StartXPoliciesRequest {
  @ApiPropertyOptional({ type: [String], example: ['kankyo'], description: '開始する局の一覧（省略時は全局）' })
  @IsOptional()
  @IsArray({ message: '開始する局は配列で指定してください' })
  @ArrayMaxSize(200, { message: '開始する局は200局までです' })
  @IsString({ each: true, message: '開始する局は局のコードで指定してください' })
  @MaxLength(40, { each: true, message: '開始する局のコードは40文字以内です' })
  bureauCodes?: string[];
}
