import { ATTENDEE_NAME_MAX_LENGTH, ISO_DATE_PATTERN, KICKOFF_NOTES_MAX_LENGTH, NOT_BLANK_PATTERN } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The owning department's meeting with the reform office that opens the analysis (着手). */
export class KickoffRequest {
  @ApiProperty({ example: '2024-06-04', description: '着手会議の日付（YYYY-MM-DD）' })
  @Matches(ISO_DATE_PATTERN, { message: '着手会議の日付は YYYY-MM-DD 形式で指定してください' })
  @IsISO8601({ strict: true }, { message: '着手会議の日付は存在する日で指定してください' })
  meetingDate!: string;

  @ApiProperty({ type: [String], example: ['子ども家庭局 総務課長', '市政変革推進室 担当係長'], description: '出席者' })
  @IsArray({ message: '出席者は名前の配列で指定してください' })
  @ArrayMaxSize(100, { message: '出席者は100名までです' })
  @IsString({ each: true, message: '出席者はそれぞれ名前（文字列）で指定してください' })
  @Matches(NOT_BLANK_PATTERN, { each: true, message: '出席者に空の名前があります' })
  @MaxLength(ATTENDEE_NAME_MAX_LENGTH, { each: true, message: `出席者の名前は${ATTENDEE_NAME_MAX_LENGTH}文字以内です` })
  attendees!: string[];

  @ApiPropertyOptional({ type: String, description: 'メモ' })
  @IsOptional()
  @IsString({ message: 'メモは文字列で指定してください' })
  @MaxLength(KICKOFF_NOTES_MAX_LENGTH, { message: `メモは${KICKOFF_NOTES_MAX_LENGTH}文字以内です` })
  notes?: string;
}

export class KickoffResponse {
  @ApiProperty({ example: 'cluster/2024/27' }) workflowId!: string;
  @ApiProperty({ description: 'true: this request started the analysis (a cluster already running answers 409 instead)' }) started!: boolean;
}

export class SkippedCluster {
  @ApiProperty({ example: 27 }) no!: number;
  @ApiProperty({ example: 'ごみ処理事業' }) name!: string;
  @ApiProperty({ example: '所管局が設定されていません' }) reason!: string;
}

export class BulkKickoffResponse {
  @ApiProperty({ description: 'この要求で着手した事業群の数' }) started!: number;
  @ApiProperty({ description: '既に着手済みだった事業群の数' }) alreadyRunning!: number;
  @ApiProperty({ type: [SkippedCluster], description: '着手できなかった事業群と理由' }) skipped!: SkippedCluster[];
  @ApiProperty({ description: '今年度の経営分析の対象として指定された事業群の数' }) flagged!: number;
}
