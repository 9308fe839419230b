import { BUREAU_CODE_PATTERN, BUREAU_NAME_MAX_LENGTH, NOT_BLANK_PATTERN } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { PageMeta } from '../common/page.dto';

export class CreateBureauRequest {
  @ApiProperty({ example: 'kodomo', description: '局コード（英数字・ハイフン・下線の40文字以内）' })
  @IsString({ message: '局コードは文字列で指定してください' })
  @Matches(BUREAU_CODE_PATTERN, { message: '局コードは英数字・ハイフン・下線の40文字以内で指定してください' })
  code!: string;

  @ApiProperty({ example: '子ども家庭局', description: '局名' })
  @IsString({ message: '局名は文字列で指定してください' })
  @Matches(NOT_BLANK_PATTERN, { message: '局名を入力してください' })
  @MaxLength(BUREAU_NAME_MAX_LENGTH, { message: `局名は${BUREAU_NAME_MAX_LENGTH}文字以内で指定してください` })
  name!: string;
}

export class BureauView {
  @ApiProperty({ example: 'kodomo' }) code!: string;
  @ApiProperty({ example: '子ども家庭局' }) name!: string;
  @ApiProperty({ description: 'デモデータ（DEMO_DATA=true で作成）' }) isDemo!: boolean;
}

export class BureauPage extends PageMeta {
  @ApiProperty({ type: [BureauView] }) items!: BureauView[];
}
