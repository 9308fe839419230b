import { ProcessDeadlineRule, SLUG_PATTERN } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** A deadline pegged to an X meeting (business days before its earliest day) or set to a day. */
export class ProcessDeadlineRuleDto {
  @ApiProperty({ example: 'plan', description: '期限の対象' })
  @Matches(SLUG_PATTERN, { message: 'target は英小文字で始まる英小文字・数字・ハイフンの識別子にしてください' })
  target!: string;

  @ApiPropertyOptional({ example: 'x2', description: '基準とする会議（date と一方だけ）' })
  @ValidateIf((rule: ProcessDeadlineRuleDto) => rule.date === undefined)
  @IsString({ message: 'meetingId か date のどちらかを指定してください' })
  @MaxLength(40)
  meetingId?: string;

  @ApiPropertyOptional({ example: 5, description: '会議の何営業日前か（meetingId のとき）' })
  @ValidateIf((rule: ProcessDeadlineRuleDto) => rule.meetingId !== undefined)
  @IsInt({ message: 'leadBusinessDays は0〜60の整数で指定してください' })
  @Min(0, { message: 'leadBusinessDays は0〜60の整数で指定してください' })
  @Max(60, { message: 'leadBusinessDays は0〜60の整数で指定してください' })
  leadBusinessDays?: number;

  @ApiPropertyOptional({ example: '2024-08-09', description: '期限の日（meetingId と一方だけ）' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date は YYYY-MM-DD で指定してください' })
  date?: string;
}

/** The domain's rule for a deadline as the request gave it: a day, or a meeting and a lead. */
export function toDeadlineRule(rule: ProcessDeadlineRuleDto): ProcessDeadlineRule {
  return rule.date !== undefined ? { target: rule.target, date: rule.date } : { target: rule.target, meetingId: rule.meetingId ?? '', leadBusinessDays: rule.leadBusinessDays ?? 0 };
}
