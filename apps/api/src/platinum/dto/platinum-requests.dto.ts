import {
  BUREAU_CODE_PATTERN,
  CLUSTER_NO_MAX,
  CONCERNED_BUREAU_MAX,
  DECISION_OUTCOMES,
  DecisionOutcome,
  NOT_BLANK_PATTERN,
  PROPOSAL_PHASES,
  PROPOSAL_TEXT_MAX_LENGTH,
  PROPOSAL_TITLE_MAX_LENGTH,
  ProposalPhase,
  PT_MEMBER_MAX,
} from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ClusterNumbers } from '../../common/cluster-numbers';
import { StrictInteger } from '../../common/integer-input';
import { PageQuery } from '../../common/page.dto';
import { ProcessDeadlineRuleDto } from '../../processes/process-requests.dto';

const USERNAME_MESSAGE = '利用者のユーザー名で指定してください';

/** The PT: its members and leader (a member), named by username. */
export class PlatinumMembersRequest {
  @ApiProperty({ type: [String], example: ['kankyo.staff', 'somu.manager'], description: 'PTメンバーのユーザー名' })
  @IsArray({ message: 'PTのメンバーは配列で指定してください' })
  @ArrayMinSize(1, { message: 'PTのメンバーを一人以上指定してください' })
  @ArrayMaxSize(PT_MEMBER_MAX, { message: `PTのメンバーは${PT_MEMBER_MAX}人までです` })
  @IsString({ each: true, message: `PTのメンバーは${USERNAME_MESSAGE}` })
  @MaxLength(100, { each: true, message: 'PTのメンバーのユーザー名は100文字以内です' })
  members!: string[];

  @ApiProperty({ example: 'somu.manager', description: 'PTリーダー（メンバーの一人）のユーザー名' })
  @IsString({ message: `PTリーダーは${USERNAME_MESSAGE}` })
  @MinLength(1, { message: 'PTリーダーを指定してください' })
  @MaxLength(100, { message: 'PTリーダーのユーザー名は100文字以内です' })
  leader!: string;
}

export class FormationRequest {
  @ApiProperty({ example: '2024-06-20', description: '結成日' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '結成日は YYYY-MM-DD で指定してください' })
  date!: string;
}

export class PlatinumSettingsRequest {
  @ApiProperty({ type: [ProcessDeadlineRuleDto], description: 'proposals（PTの提案）, decisions（制度所管局の結論）, policies（関係局長の対応方針）の期限' })
  @IsArray({ message: '期限は配列で指定してください' })
  @ArrayMaxSize(3, { message: '期限は3件までです' })
  @ValidateNested({ each: true })
  @Type(() => ProcessDeadlineRuleDto)
  deadlines!: ProcessDeadlineRuleDto[];
}

/** One of a proposal's or a decision's texts, refused naming it by `label`: may be empty while drafted, never beyond the limit. */
const ProposalText = (label: string) =>
  applyDecorators(
    IsString({ message: `${label}は文字列で指定してください` }),
    MaxLength(PROPOSAL_TEXT_MAX_LENGTH, { message: `${label}は${PROPOSAL_TEXT_MAX_LENGTH}文字以内で入力してください` }),
  );

/** 提案: the rule or practice at issue and what the PT proposes. */
export class ProposalRequest {
  @ApiProperty({ example: '補助金交付申請の押印の廃止', description: '件名' })
  @IsString({ message: '件名は文字列で指定してください' })
  @Matches(NOT_BLANK_PATTERN, { message: '件名を入力してください' })
  @MaxLength(PROPOSAL_TITLE_MAX_LENGTH, { message: `件名は${PROPOSAL_TITLE_MAX_LENGTH}文字以内で入力してください` })
  title!: string;

  @ApiProperty({ example: '補助金の交付申請に押印を求めており、電子申請ができない', description: '課題' })
  @ProposalText('課題')
  issue!: string;

  @ApiProperty({ example: '北九州市補助金等交付規則 第5条', description: '対象の制度・規程' })
  @ProposalText('対象の制度・規程')
  rules!: string;

  @ApiProperty({ example: '押印欄を削除し、電子申請を可能にする', description: '提案内容' })
  @ProposalText('提案内容')
  proposal!: string;

  @ApiProperty({ example: '申請者の来庁が年約3,000件減る', description: '期待される効果' })
  @ProposalText('期待される効果')
  effects!: string;

  @ApiProperty({ type: [Number], example: [27], description: '関係する事業群の番号' })
  @ClusterNumbers('関連する事業群の番号')
  relatedClusterNos!: number[];
}

export class AssignRequest {
  @ApiProperty({ example: 'somu', description: '制度所管局のコード' })
  @Matches(BUREAU_CODE_PATTERN, { message: '制度所管局は局のコードで指定してください' })
  owningBureau!: string;

  @ApiProperty({ type: [String], example: ['somu', 'kankyo'], description: '関係局のコード（対応方針を述べる局）' })
  @IsArray({ message: '関係局は配列で指定してください' })
  @ArrayMinSize(1, { message: '関係局を一つ以上指定してください' })
  @ArrayMaxSize(CONCERNED_BUREAU_MAX, { message: `関係局は${CONCERNED_BUREAU_MAX}局までです` })
  @Matches(BUREAU_CODE_PATTERN, { each: true, message: '関係局は局のコードで指定してください' })
  concernedBureaus!: string[];
}

/** 制度所管局の結論: adopt, adopt in part or not, with the reasons and, when adopted, what changes by when. */
export class DecisionRequest {
  @ApiProperty({ enum: DECISION_OUTCOMES, description: 'adopt（採用） / adopt-in-part（一部採用） / reject（不採用）' })
  @IsIn(DECISION_OUTCOMES, { message: '結論は adopt / adopt-in-part / reject のいずれかで指定してください' })
  outcome!: DecisionOutcome;

  @ApiProperty({ example: '法令上の根拠がなく、廃止による支障もない', description: '理由' })
  @ProposalText('理由')
  reasons!: string;

  @ApiProperty({ example: '規則第5条の押印欄を削る', description: '採用するとき: 何を変えるか' })
  @ProposalText('「何を変えるか」')
  changes!: string;

  @ApiProperty({ example: '令和7年4月1日', description: '採用するとき: いつまでに' })
  @ProposalText('「いつまでに」')
  changeBy!: string;
}

export class PolicyRequest {
  @ApiProperty({ example: '当局所管の申請様式も同時に押印を廃止する', description: '対応方針' })
  @IsString({ message: '対応方針は文字列で指定してください' })
  @Matches(NOT_BLANK_PATTERN, { message: '対応方針を入力してください' })
  @MaxLength(PROPOSAL_TEXT_MAX_LENGTH, { message: `対応方針は${PROPOSAL_TEXT_MAX_LENGTH}文字以内で入力してください` })
  text!: string;
}

export class ProposalListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROPOSAL_PHASES })
  @IsOptional()
  @IsIn(PROPOSAL_PHASES, { message: `段階は ${PROPOSAL_PHASES.join(' / ')} のいずれかで指定してください` })
  phase?: ProposalPhase;

  @ApiPropertyOptional({ enum: DECISION_OUTCOMES })
  @IsOptional()
  @IsIn(DECISION_OUTCOMES, { message: '結論は adopt / adopt-in-part / reject のいずれかで指定してください' })
  decision?: DecisionOutcome;

  @ApiPropertyOptional({ description: '制度所管局のコード' })
  @IsOptional()
  @Matches(BUREAU_CODE_PATTERN, { message: '制度所管局は局のコードで指定してください' })
  bureau?: string;

  @ApiPropertyOptional({ description: '関係する事業群の番号' })
  @IsOptional()
  @StrictInteger()
  @IsInt({ message: `関連する事業群の番号は1〜${CLUSTER_NO_MAX}の整数で指定してください` })
  @Min(1, { message: `関連する事業群の番号は1〜${CLUSTER_NO_MAX}の整数で指定してください` })
  @Max(CLUSTER_NO_MAX, { message: `関連する事業群の番号は1〜${CLUSTER_NO_MAX}の整数で指定してください` })
  cluster?: number;
}
