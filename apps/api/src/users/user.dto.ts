import {
  BUREAU_CODE_PATTERN,
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  NOT_BLANK_PATTERN,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  Role,
  ROLES,
  USERNAME_PATTERN,
} from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { NamedCodeView, toBoolean } from '../catalogue/cluster.dto';
import { PageMeta, PageQuery } from '../common/page.dto';

const ROLE_CHOICES = ROLES.join(' / ');
const PASSWORD_LENGTH_MESSAGE = `パスワードは${PASSWORD_MIN_LENGTH}〜${PASSWORD_MAX_LENGTH}文字で指定してください`;

// The rules of each field, shared by creating a user and changing one, so both refuse alike.
const PasswordRules = () =>
  applyDecorators(
    IsString({ message: 'パスワードは文字列で指定してください' }),
    MinLength(PASSWORD_MIN_LENGTH, { message: PASSWORD_LENGTH_MESSAGE }),
    MaxLength(PASSWORD_MAX_LENGTH, { message: PASSWORD_LENGTH_MESSAGE }),
  );
const DisplayNameRules = () =>
  applyDecorators(
    IsString({ message: '表示名は文字列で指定してください' }),
    Matches(NOT_BLANK_PATTERN, { message: '表示名を入力してください' }),
    MaxLength(DISPLAY_NAME_MAX_LENGTH, { message: `表示名は${DISPLAY_NAME_MAX_LENGTH}文字以内で指定してください` }),
  );
const RolesRules = () =>
  applyDecorators(
    IsArray({ message: '役割は配列で指定してください' }),
    ArrayNotEmpty({ message: '役割を1つ以上指定してください' }),
    ArrayUnique({ message: '同じ役割が重複しています' }),
    IsEnum(Role, { each: true, message: `役割はそれぞれ ${ROLE_CHOICES} のいずれかで指定してください` }),
  );
/** Absent or null passes (null: no bureau). */
const BureauCodeRules = () =>
  applyDecorators(
    IsOptional(),
    IsString({ message: '所属局は局のコード（文字列）か null で指定してください' }),
    Matches(BUREAU_CODE_PATTERN, { message: '所属局は英数字・ハイフン・下線の40文字以内の局のコードで指定してください' }),
  );
/** Absent or null passes (null: no e-mail). */
const EmailRules = () =>
  applyDecorators(
    IsOptional(),
    IsEmail({}, { message: '通知メールの宛先はメールアドレスの形式で指定してください' }),
    MaxLength(EMAIL_MAX_LENGTH, { message: `通知メールの宛先は${EMAIL_MAX_LENGTH}文字以内で指定してください` }),
  );
/** For a field a change may leave out but never set to null: only an absent field skips the rules. */
const UnlessAbsent = () => ValidateIf((_object, value) => value !== undefined);

export class CreateUserRequest {
  @ApiProperty({ example: 'kodomo.tanaka', description: 'ログインに使う名前（英数字・ピリオド・ハイフン・下線の3〜64文字）' })
  @IsString({ message: 'ユーザー名は文字列で指定してください' })
  @Matches(USERNAME_PATTERN, { message: 'ユーザー名は英数字・ピリオド・ハイフン・下線の3〜64文字で指定してください' })
  username!: string;

  @ApiProperty({ example: 'correct-horse-battery', description: `初期パスワード（${PASSWORD_MIN_LENGTH}〜${PASSWORD_MAX_LENGTH}文字）` })
  @PasswordRules()
  password!: string;

  @ApiProperty({ example: '田中 太郎', description: '表示名（承認の記録にも使われます）' })
  @DisplayNameRules()
  displayName!: string;

  @ApiProperty({ enum: Role, isArray: true, example: [Role.Staff], description: '役割（1つ以上、重複なし）' })
  @RolesRules()
  roles!: Role[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'kodomo',
    description: '所属局のコード: staff / manager / director の役割を持つ利用者には必須、admin / reform-office だけの利用者には指定不可',
  })
  @BureauCodeRules()
  bureauCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'tanaka-taro@city.kitakyushu.lg.jp', description: '通知メールの宛先（省略時はメールを送らず、通知一覧だけに届きます）' })
  @EmailRules()
  email?: string | null;
}

/** The fields an administrator may change; {@link UPDATABLE_USER_FIELDS} names them for the answer to an empty change. */
export class UpdateUserRequest {
  @ApiPropertyOptional({ example: '田中 太郎', description: '表示名' })
  @UnlessAbsent()
  @DisplayNameRules()
  displayName?: string;

  @ApiPropertyOptional({
    enum: Role,
    isArray: true,
    example: [Role.Manager],
    description: '役割（1つ以上、重複なし）。全部を置き換えます。変更後の役割と所属局の組み合わせは登録時と同じ規則に従います',
  })
  @UnlessAbsent()
  @RolesRules()
  roles?: Role[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'kankyo',
    description: '所属局のコード（異動）。null で所属なし。staff / manager / director の役割を持つ利用者には必須、admin / reform-office だけの利用者には指定不可',
  })
  @BureauCodeRules()
  bureauCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'tanaka-taro@city.kitakyushu.lg.jp', description: '通知メールの宛先（null で削除し、通知一覧だけに届くようにします）' })
  @EmailRules()
  email?: string | null;

  @ApiPropertyOptional({ description: 'false で無効化（ログインできず、発行済みのトークンも拒否され、通知も届きません）、true で再び有効に' })
  @UnlessAbsent()
  @IsBoolean({ message: '有効・無効は true か false で指定してください' })
  active?: boolean;
}

export const UPDATABLE_USER_FIELDS: readonly (keyof UpdateUserRequest)[] = ['displayName', 'roles', 'bureauCode', 'email', 'active'];

export class SetPasswordRequest {
  @ApiProperty({ example: 'correct-horse-battery', description: `新しいパスワード（${PASSWORD_MIN_LENGTH}〜${PASSWORD_MAX_LENGTH}文字）` })
  @PasswordRules()
  password!: string;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ description: '所属局のコード' })
  @IsOptional()
  @IsString({ message: '所属局は局のコード（文字列）で指定してください' })
  bureau?: string;

  @ApiPropertyOptional({ enum: Role, description: 'この役割を持つ利用者だけ' })
  @IsOptional()
  @IsEnum(Role, { message: `役割は ${ROLE_CHOICES} のいずれかで指定してください` })
  role?: Role;

  @ApiPropertyOptional({ description: 'true: 有効な利用者だけ、false: 無効化された利用者だけ（省略時は両方）' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: '状態は true（有効）か false（無効化済み）で指定してください' })
  active?: boolean;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'kodomo.staff' }) username!: string;
  @ApiProperty({ example: '山田 花子' }) displayName!: string;
  @ApiProperty({ enum: Role, isArray: true }) roles!: Role[];
  @ApiProperty({ type: NamedCodeView, nullable: true, description: '所属局' }) bureau!: NamedCodeView | null;
  @ApiProperty({ type: String, nullable: true, description: '通知メールの宛先（null: 通知一覧だけ）' }) email!: string | null;
  @ApiProperty({ description: 'false: 無効化されている（ログインできず、通知も届かない）' }) active!: boolean;
  @ApiProperty({ description: 'デモデータ（DEMO_DATA=true で作成）' }) isDemo!: boolean;
  @ApiProperty({ description: 'ISO 8601 (UTC)' }) createdAt!: string;
}

export class UserPage extends PageMeta {
  @ApiProperty({ type: [UserView] }) items!: UserView[];
}

export class UserAdminEventQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'この利用者についての操作だけ' })
  @IsOptional()
  @IsUUID('all', { message: '利用者は id（UUID）で指定してください' })
  userId?: string;
}

export class UserAdminActorView {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: '操作した管理者（null: システム）' }) id!: string | null;
  @ApiProperty({ example: 'システム管理者' }) name!: string;
}

export class UserAdminSubjectView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'kodomo.staff', description: '操作の時点のユーザー名' }) username!: string;
}

/** One field an act changed; a password or its hash never appears here. */
export class UserAdminFieldChangeView {
  @ApiProperty({ example: 'roles' }) field!: string;
  @ApiProperty({ example: '役割' }) fieldLabel!: string;
  @ApiProperty({ description: '変更前の値（登録では null）', nullable: true }) from!: unknown;
  @ApiProperty({ description: '変更後の値', nullable: true }) to!: unknown;
}

export class UserAdminEventView {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ description: 'Asia/Tokyo' }) occurredAt!: string;
  @ApiProperty({ type: UserAdminActorView }) actor!: UserAdminActorView;
  @ApiProperty({ type: UserAdminSubjectView, description: '操作された利用者' }) user!: UserAdminSubjectView;
  @ApiProperty({ enum: ['create', 'update', 'deactivate', 'reactivate', 'password-reset'] }) action!: string;
  @ApiProperty({ example: '無効化' }) actionLabel!: string;
  @ApiProperty({ type: [UserAdminFieldChangeView], description: '変わった項目（パスワードの再設定では空）' }) changes!: UserAdminFieldChangeView[];
}

export class UserAdminEventPage extends PageMeta {
  @ApiProperty({ type: [UserAdminEventView] }) items!: UserAdminEventView[];
}
