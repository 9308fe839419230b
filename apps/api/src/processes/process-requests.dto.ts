import { ProcessDeadlineRule, SLUG_PATTERN } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** A deadline pegged to an X meeting (business days before its earliest day) or set to a day. */
export class ProcessDeadlineRuleDto {
  @ApiProperty({ example: 'plan', description: '期限の対象' })
  @Matches(SLUG_PATTERN, { message: '期限の対象は英小文字で始まる英小文字・数字・ハイフンの識別子にしてください' })
  target!: string;

  @ApiPropertyOptional({ example: 'x2', description: '基準とする会議（date と一方だけ）' })
  @ValidateIf((rule: ProcessDeadlineRuleDto) => rule.date === undefined)
  @IsString({ message: '基準の会議か期限の日のどちらかを指定してください' })
  @MaxLength(40, { message: '基準の会議の識別子は40文字以内です' })
  meetingId?: string;

  @ApiPropertyOptional({ example: 5, description: '会議の何営業日前か（meetingId のとき）' })
  @ValidateIf((rule: ProcessDeadlineRuleDto) => rule.meetingId !== undefined)
  @IsInt({ message: '会議の何営業日前かを0〜60の整数で指定してください' })
  @Min(0, { message: '会議の何営業日前かを0〜60の整数で指定してください' })
  @Max(60, { message: '会議の何営業日前かを0〜60の整数で指定してください' })
  leadBusinessDays?: number;

  @ApiPropertyOptional({ example: '2024-08-09', description: '期限の日（meetingId と一方だけ）' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '期限の日は YYYY-MM-DD で指定してください' })
  date?: string;
}

/** The domain's rule for a deadline as the request gave it: a day, or a meeting and a lead. */
export function toDeadlineRule(rule: ProcessDeadlineRuleDto): ProcessDeadlineRule {
  return rule.date !== undefined ? { target: rule.target, date: rule.date } : { target: rule.target, meetingId: rule.meetingId ?? '', leadBusinessDays: rule.leadBusinessDays ?? 0 };
}
