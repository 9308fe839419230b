import { BUREAU_CODE_PATTERN, CLUSTER_STAGES, CLUSTERS_FLAGGED_AT_ONCE_MAX, CLUSTERS_NAMED_MAX, ClusterGroup, ClusterKind, ClusterStage, DeadlineRisk, ReportProgressState } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, IsBoolean, IsDefined, IsEnum, IsIn, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { ClusterNumbers } from '../common/cluster-numbers';
import { strictInteger } from '../common/integer-input';
import { PageMeta, PageNumber, PageQuery, PageSize } from '../common/page.dto';

/** `?flag=true|false` in a query string arrives as text; anything else is left for @IsBoolean to refuse. */
export const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ClusterListQuery extends PageQuery {
  @ApiPropertyOptional({
    type: [Number],
    example: [27, 31],
    description: `事業群の番号（繰り返し可、${CLUSTERS_NAMED_MAX}件まで）: その番号の事業群だけ。番号から名前を引くときに`,
  })
  @IsOptional()
  // One `no` arrives as text, several as a list of texts.
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value : [value]).map(strictInteger))
  @ClusterNumbers('事業群番号')
  no?: number[];

  @ApiPropertyOptional({ enum: ClusterGroup, description: '区分: policy-programme（政策・施策）/ cross-cutting（横断的な仕組み）/ organisation（組織力強化）' })
  @IsOptional()
  @IsEnum(ClusterGroup, { message: `グループは ${Object.values(ClusterGroup).join(' / ')} のいずれかで指定してください` })
  group?: ClusterGroup;

  @ApiPropertyOptional({ enum: ClusterKind, description: '政策・施策の種別: operations（事業運営）/ city-specific（市独自施策）/ national-system（国の制度）' })
  @IsOptional()
  @IsEnum(ClusterKind, { message: `種別は ${Object.values(ClusterKind).join(' / ')} のいずれかで指定してください` })
  kind?: ClusterKind;

  @ApiPropertyOptional({ enum: ClusterStage })
  @IsOptional()
  @IsIn(CLUSTER_STAGES, { message: `段階は ${CLUSTER_STAGES.join(' / ')} のいずれかで指定してください` })
  stage?: ClusterStage;

  @ApiPropertyOptional({ description: '所管局のコード' })
  @IsOptional()
  @IsString({ message: '所管局は局のコード（文字列）で指定してください' })
  bureau?: string;

  @ApiPropertyOptional({ description: '今年度の経営分析の対象か' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: '今年度分析対象の絞り込みは true か false で指定してください' })
  analysed?: boolean;

  @ApiPropertyOptional({ description: '期限を過ぎて未了の期限（着手・報告書）があるか。全件で判定してから頁に分ける' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: '期限超過の絞り込みは true か false で指定してください' })
  overdue?: boolean;
}

export class NamedCodeView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

/** Something owed on the cluster now, and by whom. */
export class PendingActionView {
  @ApiProperty({ example: 'interim' }) reportKind!: string;
  @ApiProperty({ example: '経過報告' }) reportLabel!: string;
  @ApiProperty({ enum: ['write', 'revise', 'decide'] }) action!: string;
  @ApiProperty({ example: '決裁（承認・差戻し）' }) actionLabel!: string;
  @ApiProperty({ example: 'manager', description: 'この役割の保持者が行う' }) role!: string;
  @ApiProperty({ example: '課長' }) roleLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: '局の範囲（市政変革室の段階は null）' }) bureauCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '代理決裁者（代理に回された場合）' }) assigneeName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '所管課長' }) stepLabel!: string | null;
  @ApiProperty({ description: 'この状態になった時刻（Asia/Tokyo）' }) since!: string;
  @ApiProperty({ type: String, nullable: true, description: '期限（Asia/Tokyo）' }) dueAt!: string | null;
  @ApiProperty({ description: 'X会議の日程が上旬・中旬・下旬までしか決まっておらず、その初日を基準にした暫定の期限か' }) provisional!: boolean;
  @ApiProperty({ description: '期限を過ぎているか' }) overdue!: boolean;
}

export class ClusterView {
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ example: 27 }) no!: number;
  @ApiProperty({ example: '保育所・幼稚園' }) name!: string;
  @ApiProperty({ type: NamedCodeView }) group!: NamedCodeView;
  @ApiProperty({ type: NamedCodeView, nullable: true }) kind!: NamedCodeView | null;
  @ApiProperty({ description: '今年度の経営分析の対象' }) analysedThisYear!: boolean;
  @ApiProperty({ type: NamedCodeView, nullable: true, description: '所管局' }) owningBureau!: NamedCodeView | null;
  @ApiProperty({ enum: ClusterStage }) stage!: ClusterStage;
  @ApiProperty({ description: '段階の日本語表記', example: '未着手' }) stageLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 8601, Asia/Tokyo (+09:00)' }) stageChangedAt!: string | null;
  @ApiProperty({ type: [PendingActionView], description: '今、誰が何をする番か' }) pendingActions!: PendingActionView[];
}

export class ReportProgressView {
  @ApiProperty({ example: 'interim' }) kind!: string;
  @ApiProperty({ example: '経過報告' }) label!: string;
  @ApiProperty({ enum: ReportProgressState, example: '決裁中' }) state!: ReportProgressState;
  @ApiProperty({ type: String, nullable: true, example: '所管課長', description: '決裁中のとき、決裁を待っている段階' }) stepLabel!: string | null;
}

/** The next deadline a cluster still owes, and the meeting it is for. */
/** A deadline of a cluster, with the meeting it is pegged to and whether it is done or overdue. */
export class DeadlineView {
  @ApiProperty({ example: 'interim', description: 'kickoff または報告書の種類' }) target!: string;
  @ApiProperty({ example: '経過報告' }) label!: string;
  @ApiProperty({ example: 'x1' }) meetingId!: string;
  @ApiProperty({ example: '第1回X会議' }) meetingName!: string;
  @ApiProperty({ example: '2024年7月22日' }) meetingDateLabel!: string;
  @ApiProperty({ example: '2024-07-12', description: '期限日（Asia/Tokyo）' }) dueDate!: string;
  @ApiProperty({ example: '2024-07-12T17:00:00.000+09:00' }) dueAt!: string;
  @ApiProperty({ description: '会議の日程が上旬・中旬・下旬までしか決まっておらず、その初日を基準にした暫定の期限か' }) provisional!: boolean;
  @ApiProperty({ description: '済んだか（着手済み・承認済み）' }) done!: boolean;
  @ApiProperty({ description: '期限を過ぎて未了か' }) overdue!: boolean;
}

/** A row of the progress board. */
export class BoardRowView extends ClusterView {
  @ApiProperty({ type: [ReportProgressView], description: '報告書ごとの状態（未着手 / 作成中 / 決裁中 / 差戻し / 承認済）' }) reports!: ReportProgressView[];
  @ApiProperty({ type: DeadlineView, nullable: true, description: '次の未了の期限（着手前でも今年度分析対象なら着手の期限）' }) nextDeadline!: DeadlineView | null;
  @ApiProperty({ description: '期限を過ぎて未了の期限があるか' }) overdue!: boolean;
}

export class ClusterPage extends PageMeta {
  @ApiProperty({ type: [BoardRowView] }) items!: BoardRowView[];
}

/** Enough to see at a glance on the board; the rest is a page away. */
export const NEXT_MEETING_PAGE_SIZE = 20;

export class NextMeetingSummaryView {
  @ApiProperty({ example: 'x1' }) id!: string;
  @ApiProperty({ example: '第1回X会議' }) name!: string;
  @ApiProperty({ example: '2024年7月22日' }) dateLabel!: string;
  @ApiProperty({ example: '2024-07-22', description: '会議が開かれうる最も早い日' }) earliestDay!: string;
  @ApiProperty({ description: '日付が上旬・中旬・下旬までしか決まっていないか' }) provisional!: boolean;
}

/** One thing owed for the meeting. */
export class NextMeetingItemView {
  @ApiProperty({ example: 27 }) clusterNo!: number;
  @ApiProperty({ example: '保育所・幼稚園' }) clusterName!: string;
  @ApiProperty({ type: NamedCodeView, nullable: true, description: '所管局' }) owningBureau!: NamedCodeView | null;
  @ApiProperty({ type: DeadlineView }) deadline!: DeadlineView;
  @ApiProperty({ enum: ReportProgressState, description: '報告書の状態（着手の期限なら未着手）' }) state!: ReportProgressState;
  @ApiProperty({ type: String, nullable: true, example: '所管課長' }) stepLabel!: string | null;
  @ApiProperty({ enum: DeadlineRisk, nullable: true, description: 'overdue: 期限超過 / due-soon: 期限まで3営業日以内で未提出（未着手・作成中・差戻し）/ kickoff-late: 着手が期限を過ぎても済んでいない事業群の報告書' }) risk!: DeadlineRisk | null;
  @ApiProperty({ type: String, nullable: true, example: '期限超過' }) riskLabel!: string | null;
}

/** One page of what is owed for the meeting. */
export class NextMeetingItemPage extends PageMeta {
  @ApiProperty({ type: [NextMeetingItemView] }) items!: NextMeetingItemView[];
}

/** A year of a hundred cities can owe thousands of things for one meeting: each list comes a page at a time. */
export class NextMeetingQuery {
  @PageNumber('期限が近い一覧のページ')
  atRiskPage = 1;

  @PageNumber('そのほか未了の一覧のページ')
  onTrackPage = 1;

  @PageSize(NEXT_MEETING_PAGE_SIZE)
  pageSize = NEXT_MEETING_PAGE_SIZE;
}

export class NextMeetingPanelView {
  @ApiProperty({ type: NextMeetingSummaryView, nullable: true, description: '今日以降で最初のX会議（なければ null）' }) meeting!: NextMeetingSummaryView | null;
  @ApiProperty({ type: NextMeetingItemPage, description: 'その会議に向けて未了のもののうち危険（期限超過・期限間近で未提出・着手が期限超過）なもの。危険の重い順、期限順（atRiskPage ページ目）' })
  atRisk!: NextMeetingItemPage;
  @ApiProperty({ type: NextMeetingItemPage, description: 'そのほか未了のもの。期限順（onTrackPage ページ目）' })
  onTrack!: NextMeetingItemPage;
}

export class UpdateClusterRequest {
  @ApiPropertyOptional({ description: '今年度の経営分析の対象とするか' })
  @IsOptional()
  @IsBoolean({ message: '今年度の経営分析の対象は true か false で指定してください' })
  analysedThisYear?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: '所管局のコード（null で未設定に戻す）' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsString({ message: '所管局は局のコード（文字列）か null で指定してください' })
  @Matches(BUREAU_CODE_PATTERN, { message: '所管局は英数字・ハイフン・下線の40文字以内の局のコードで指定してください' })
  owningBureauCode?: string | null;
}

export class SetAnalysedRequest {
  @ApiProperty({ type: [Number], example: [1, 2, 27], description: `事業群の番号（${CLUSTERS_FLAGGED_AT_ONCE_MAX.toLocaleString('ja-JP')}件まで）` })
  @ArrayMinSize(1, { message: '事業群番号を1件以上指定してください' })
  @ClusterNumbers('事業群番号', CLUSTERS_FLAGGED_AT_ONCE_MAX)
  nos!: number[];

  @ApiProperty({ description: 'true: 今年度の経営分析の対象にする / false: 対象から外す' })
  @IsDefined({ message: '今年度の経営分析の対象にするか（true か false）を指定してください' })
  @IsBoolean({ message: '今年度の経営分析の対象は true か false で指定してください' })
  analysedThisYear!: boolean;
}

export class AnalysedChangeView {
  @ApiProperty({ description: '設定した値' }) analysedThisYear!: boolean;
  @ApiProperty({ description: 'この要求で変わった事業群の数' }) changed!: number;
  @ApiProperty({ description: '既にその値だった事業群の数' }) unchanged!: number;
}
