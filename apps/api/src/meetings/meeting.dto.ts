import { CLUSTER_NO_MAX, ISO_DATE_PATTERN, ISO_MONTH_PATTERN, MEETING_ID_PATTERN, MEETING_NAME_MAX_LENGTH, MonthThird, NOT_BLANK_PATTERN, SLUG_PATTERN } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

/** Exact (`{kind: "exact", date}`) or a third of a month (`{kind: "third", month, third}`: 上旬/中旬/下旬). */
export class MeetingDateDto {
  @ApiProperty({ enum: ['exact', 'third'] })
  @IsIn(['exact', 'third'], { message: '日程は exact（日付が確定）か third（上旬・中旬・下旬）で指定してください' })
  kind!: 'exact' | 'third';

  @ApiPropertyOptional({ example: '2024-10-07', description: 'kind が exact のとき' })
  @ValidateIf((date: MeetingDateDto) => date.kind === 'exact')
  @Matches(ISO_DATE_PATTERN, { message: '開催日は YYYY-MM-DD 形式で指定してください' })
  date?: string;

  @ApiPropertyOptional({ example: '2024-10', description: 'kind が third のとき' })
  @ValidateIf((date: MeetingDateDto) => date.kind === 'third')
  @Matches(ISO_MONTH_PATTERN, { message: '開催月は YYYY-MM 形式で指定してください' })
  month?: string;

  @ApiPropertyOptional({ enum: MonthThird, description: 'early（上旬）/ mid（中旬）/ late（下旬）' })
  @ValidateIf((date: MeetingDateDto) => date.kind === 'third')
  @IsIn(Object.values(MonthThird), { message: '旬は early（上旬）/ mid（中旬）/ late（下旬）のいずれかで指定してください' })
  third?: MonthThird;
}

export class AgendaItemDto {
  @ApiProperty({ example: 22 })
  @IsInt({ message: '議題の事業群番号は整数で指定してください' })
  @Min(1, { message: '議題の事業群番号は1以上です' })
  @Max(CLUSTER_NO_MAX, { message: `議題の事業群番号は${CLUSTER_NO_MAX}以下です` })
  clusterNo!: number;

  @ApiProperty({ example: 'interim' })
  @Matches(SLUG_PATTERN, { message: '議題の報告書は種類（例: interim）で指定してください' })
  reportKind!: string;
}

export class ChangeMeetingRequest {
  @ApiPropertyOptional({ example: '第3回X会議' })
  @IsOptional()
  @IsString({ message: '会議の名称は文字列で指定してください' })
  @Matches(NOT_BLANK_PATTERN, { message: '会議の名称を入力してください' })
  @MaxLength(MEETING_NAME_MAX_LENGTH, { message: `会議の名称は${MEETING_NAME_MAX_LENGTH}文字以内です` })
  name?: string;

  @ApiPropertyOptional({ type: MeetingDateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingDateDto)
  date?: MeetingDateDto;

  @ApiPropertyOptional({ type: [AgendaItemDto], description: '議題（報告する事業群と報告書）。指定すると置き換えます' })
  @IsOptional()
  @IsArray({ message: '議題は配列で指定してください' })
  @ArrayMaxSize(200, { message: '議題は200件までです' })
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];
}

export class CreateMeetingRequest extends ChangeMeetingRequest {
  @ApiProperty({ example: 'x6', description: '年度内で一意な識別子' })
  @Matches(MEETING_ID_PATTERN, { message: '会議の識別子は英小文字・数字・ハイフンの40文字以内で指定してください' })
  id!: string;
}

export class AgendaItemView {
  @ApiProperty() clusterNo!: number;
  @ApiProperty({ example: '保育所・幼稚園' }) clusterName!: string;
  @ApiProperty({ example: 'interim' }) reportKind!: string;
  @ApiProperty({ example: '経過報告' }) reportLabel!: string;
}

export class MeetingView {
  @ApiProperty({ example: 'x3' }) id!: string;
  @ApiProperty({ example: '第3回X会議' }) name!: string;
  @ApiProperty({ type: MeetingDateDto }) date!: MeetingDateDto;
  @ApiProperty({ example: '2024年10月上旬' }) dateLabel!: string;
  @ApiProperty({ example: '2024-10-01', description: '会議が開かれうる最も早い日（期限の基準）' }) earliestDay!: string;
  @ApiProperty({ description: '日付が上旬・中旬・下旬までしか決まっていないか' }) provisional!: boolean;
  @ApiProperty({ type: String, nullable: true, description: '報告者への案内を送る時刻（Asia/Tokyo）' }) digestAt!: string | null;
  @ApiProperty({ type: [AgendaItemView] }) agenda!: AgendaItemView[];
}

export class CalendarSettingsDto {
  @ApiProperty({ type: () => DeadlineRuleDto, isArray: true, description: 'kickoff と報告書の種類ごとの期限の基準' })
  @IsArray({ message: '期限は配列で指定してください' })
  @ValidateNested({ each: true })
  @Type(() => DeadlineRuleDto)
  deadlines!: DeadlineRuleDto[];

  @ApiProperty({ example: ['P7D', 'P3D', 'P1D'], description: '期限の何日前に督促するか（ISO 8601 の期間）' })
  @IsArray({ message: '督促する時期は配列で指定してください' })
  @ArrayMaxSize(10, { message: '督促する時期は10件までです' })
  @IsString({ each: true, message: '督促する時期はそれぞれ P7D のような期間で指定してください' })
  reminderOffsets!: string[];

  @ApiProperty({ example: 3, description: '会議の何営業日前に報告者へ案内するか' })
  @IsInt({ message: '報告者への案内は整数で指定してください' })
  digestLeadBusinessDays!: number;

  @ApiProperty({ example: '17:00', description: '期限の時刻（Asia/Tokyo）' })
  @IsString({ message: '期限の時刻は HH:MM 形式で指定してください' })
  dueTime!: string;
}

export class DeadlineRuleDto {
  @ApiProperty({ example: 'interim', description: 'kickoff または報告書の種類' })
  @Matches(SLUG_PATTERN, { message: '期限の対象は kickoff か報告書の種類で指定してください' })
  target!: string;

  @ApiProperty({ example: 'x1' })
  @IsString({ message: '基準の会議は識別子（例: x1）で指定してください' })
  meetingId!: string;

  @ApiProperty({ example: 5, description: '会議の何営業日前が期限か' })
  @IsInt({ message: '会議の何営業日前かを整数で指定してください' })
  leadBusinessDays!: number;
}
