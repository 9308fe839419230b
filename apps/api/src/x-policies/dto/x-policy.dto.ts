import { ApprovalStatus, XPolicyPhase } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ApprovalDocumentView, BureauRefView, ProcessDeadlineView } from '../../processes/process.dto';
import { ReturnNoteView, SubmissionView } from '../../common/approval.dto';

export class SelfInspectionItemView {
  @ApiProperty({ example: 'rules' }) id!: string;
  @ApiProperty({ example: '市民や事業者に押印・書面・来庁を求める手続はいくつありますか' }) question!: string;
}

export class XPolicySettingsView {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ type: [SelfInspectionItemView] }) items!: SelfInspectionItemView[];
  @ApiProperty({ type: [ProcessDeadlineView], description: '今の会議日程で計算した期限' }) deadlines!: ProcessDeadlineView[];
  @ApiProperty({ description: '設定された期限の規則（会議の何営業日前、または日付）', type: 'array', items: { type: 'object' } }) deadlineRules!: Record<string, unknown>[];
}

/** One bureau's X policy in the year's list. */
export class XPolicySummaryView {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ type: BureauRefView }) bureau!: BureauRefView;
  @ApiProperty({ description: '今年度のX方針を開始したか' }) started!: boolean;
  @ApiProperty({ enum: XPolicyPhase, nullable: true }) phase!: XPolicyPhase | null;
  @ApiProperty({ example: '課題と対応策', description: '未開始なら「未開始」' }) phaseLabel!: string;
  @ApiProperty({ enum: ApprovalStatus, nullable: true }) planStatus!: ApprovalStatus | null;
  @ApiProperty({ type: String, nullable: true, example: '局長', description: '決裁待ちの段階' }) pendingStep!: string | null;
  @ApiProperty({ type: ProcessDeadlineView, nullable: true, description: '公表の期限（公表後は null）' }) deadline!: ProcessDeadlineView | null;
  @ApiProperty({ type: String, nullable: true, description: '公表日時（Asia/Tokyo）' }) publishedAt!: string | null;
  @ApiProperty({ description: '公表した課題の数（公表前は 0）' }) publishedIssueCount!: number;
  @ApiProperty({ description: '公表した進捗の数' }) publishedProgressCount!: number;
  @ApiProperty({ description: '局長の決裁待ちの進捗の数' }) progressInApproval!: number;
}

export class PhaseCountView {
  @ApiProperty({ example: 'ISSUES', nullable: true, type: String }) phase!: string | null;
  @ApiProperty({ example: '課題と対応策' }) label!: string;
  @ApiProperty() count!: number;
}

export class XPolicyListView {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ type: [XPolicySummaryView], description: '全ての局・室・区（未開始の局を含む）' }) items!: XPolicySummaryView[];
  @ApiProperty({ type: [PhaseCountView] }) counts!: PhaseCountView[];
}

export class SelfInspectionEntryView {
  @ApiProperty({ example: 'rules' }) itemId!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ type: String, nullable: true, description: '回答（未回答、または閲覧できない利用者には null）' }) answer!: string | null;
}

export class XPolicyIssueView {
  @ApiProperty({ example: 'seal-free' }) id!: string;
  @ApiProperty({ example: '押印を求める手続の見直し' }) title!: string;
  @ApiProperty() response!: string;
  @ApiProperty() schedule!: string;
  @ApiProperty({ type: [Number] }) clusterNos!: number[];
}

export class PublicationView {
  @ApiProperty({ description: '公表した版' }) version!: number;
  @ApiProperty({ description: 'Asia/Tokyo' }) publishedAt!: string;
  @ApiProperty({ type: [XPolicyIssueView] }) issues!: XPolicyIssueView[];
}

export class ProgressUpdateView {
  @ApiProperty({ example: 'seal-free' }) issueId!: string;
  @ApiProperty({ example: 1, description: 'その課題の第何報か' }) seq!: number;
  @ApiProperty({ enum: ApprovalStatus }) status!: ApprovalStatus;
  @ApiProperty({ example: '決裁中' }) statusLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: '進捗の内容（公表前のものは閲覧できる利用者だけ）' }) text!: string | null;
  @ApiProperty({ type: SubmissionView, nullable: true }) submission!: SubmissionView | null;
  @ApiProperty({ type: ReturnNoteView, nullable: true }) lastReturn!: ReturnNoteView | null;
  @ApiProperty({ type: String, nullable: true, description: '公表日時（Asia/Tokyo）' }) publishedAt!: string | null;
}

export class XPolicyPermissionsView {
  @ApiProperty() saveSelfInspection!: boolean;
  @ApiProperty() saveIssues!: boolean;
  @ApiProperty() submit!: boolean;
  @ApiProperty() recall!: boolean;
  @ApiProperty() approve!: boolean;
  @ApiProperty() return!: boolean;
  @ApiProperty({ type: [String], description: '進捗を提出できる課題' }) postProgress!: string[];
  @ApiProperty({ type: [String], description: '進捗を承認・差戻しできる課題' }) decideProgress!: string[];
}

export class XPolicyDetailView extends XPolicySummaryView {
  @ApiProperty({ description: '下書き・コメントを閲覧できない利用者か（公表済みの内容は誰でも読めます）' }) textsRestricted!: boolean;
  @ApiProperty({ type: [SelfInspectionEntryView] }) selfInspection!: SelfInspectionEntryView[];
  @ApiProperty({ type: [XPolicyIssueView], nullable: true, description: '最新の版の課題と対応策（閲覧できない利用者には null）' }) issues!: XPolicyIssueView[] | null;
  @ApiProperty({ type: ApprovalDocumentView, nullable: true, description: '課題と対応策の決裁' }) plan!: ApprovalDocumentView | null;
  @ApiProperty({ type: PublicationView, nullable: true }) publication!: PublicationView | null;
  @ApiProperty({ type: [ProgressUpdateView] }) progress!: ProgressUpdateView[];
  @ApiProperty({ type: XPolicyPermissionsView }) permitted!: XPolicyPermissionsView;
}

export class PublishedProgressView {
  @ApiProperty({ example: 1 }) seq!: number;
  @ApiProperty({ description: 'Asia/Tokyo' }) publishedAt!: string;
  @ApiProperty() text!: string;
}

export class PublicIssueView extends XPolicyIssueView {
  @ApiProperty({ type: [PublishedProgressView] }) progress!: PublishedProgressView[];
}

/** What a bureau published: its issues and responses and the progress since, never a draft, a comment or a name. */
export class PublicXPolicyView {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ type: BureauRefView }) bureau!: BureauRefView;
  @ApiProperty({ description: '課題と対応策の公表日時（Asia/Tokyo）' }) publishedAt!: string;
  @ApiProperty({ type: [PublicIssueView] }) issues!: PublicIssueView[];
}

export class PublicXPolicyListView {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ type: [PublicXPolicyView], description: '公表済みの局だけ' }) items!: PublicXPolicyView[];
}

export class StartXPoliciesView {
  @ApiProperty({ type: [String], description: '開始した局' }) started!: string[];
  @ApiProperty({ type: [String], description: '既に開始していた局' }) existing!: string[];
}
