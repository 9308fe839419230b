import { PASSWORD_MAX_LENGTH } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString({ message: 'ユーザー名を文字列で指定してください' })
  @MinLength(1, { message: 'ユーザー名を入力してください' })
  @MaxLength(100, { message: 'ユーザー名は100文字以内です' })
  username!: string;

  @ApiProperty({ example: 'reform-admin' })
  @IsString({ message: 'パスワードを文字列で指定してください' })
  @MinLength(1, { message: 'パスワードを入力してください' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `パスワードは${PASSWORD_MAX_LENGTH}文字以内です` })
  password!: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Bearer token for the Authorization header' })
  accessToken!: string;

  @ApiProperty({ example: 28800, description: 'seconds until the token expires' })
  expiresIn!: number;
}

export class SessionResponse {
  @ApiProperty({ example: 28800, description: 'seconds until the session ends' })
  expiresIn!: number;
}

export class CalendarFeedLinkResponse {
  @ApiProperty({ description: 'calendar.ics の URL に ?feed= として付ける値。カレンダーアプリの購読用で、ほかの API には使えない' }) feedToken!: string;
  @ApiProperty({ description: '有効期限（ログアウトやパスワードの変更でも無効になる）' }) expiresAt!: string;
}
