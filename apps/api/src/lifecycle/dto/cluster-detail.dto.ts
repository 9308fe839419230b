import { ClusterStage, ApprovalStatus } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ClusterView, DeadlineView } from '../../catalogue/cluster.dto';
import { ActorView, ReturnNoteView, SubmissionView } from '../../common/approval.dto';

export { ActorView, ApprovalStepView, ReturnNoteView, SubmissionView } from '../../common/approval.dto';

export class ReportVersionView {
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ type: String, nullable: true, description: '件名（本文・コメントを閲覧できない利用者には null）' }) title!: string | null;
  @ApiProperty({ description: '本文が空か（空の版は提出できない）' }) empty!: boolean;
  @ApiProperty({ type: ActorView }) savedBy!: ActorView;
  @ApiProperty({ description: 'Asia/Tokyo' }) savedAt!: string;
}

/** One version with its text, for those who may read it. */
export class ReportTextView {
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '本文が空か（空の版は提出できない）' }) empty!: boolean;
  @ApiProperty({ type: ActorView }) savedBy!: ActorView;
  @ApiProperty({ description: 'Asia/Tokyo' }) savedAt!: string;
  @ApiProperty() body!: string;
}

export class ReportView {
  @ApiProperty({ example: 'interim' }) kind!: string;
  @ApiProperty({ example: '経過報告' }) label!: string;
  @ApiProperty({ enum: ClusterStage }) stage!: ClusterStage;
  @ApiProperty({ enum: ApprovalStatus }) status!: ApprovalStatus;
  @ApiProperty({ example: '決裁中' }) statusLabel!: string;
  @ApiProperty({
    description:
      '呼び出した利用者がこの報告書の本文・件名・コメントを閲覧できないか（true のとき latest は null、各版の title・決裁と差戻しのコメントも null）',
  })
  textsRestricted!: boolean;
  @ApiProperty({ type: String, nullable: true, description: '閲覧できない理由（閲覧できるときは null）' }) textsRestrictedReason!: string | null;
  @ApiProperty({ type: [ReportVersionView], description: '保存された全ての版（古い順）' }) versions!: ReportVersionView[];
  @ApiProperty({ type: ReportTextView, nullable: true, description: '最新の版の本文' }) latest!: ReportTextView | null;
  @ApiProperty({ type: SubmissionView, nullable: true }) submission!: SubmissionView | null;
  @ApiProperty({ type: ReturnNoteView, nullable: true, description: '直近の差戻し' }) lastReturn!: ReturnNoteView | null;
  @ApiProperty({ type: String, nullable: true }) approvedAt!: string | null;
}

export class KickoffView {
  @ApiProperty({ example: '2024-06-04' }) meetingDate!: string;
  @ApiProperty({ type: [String] }) attendees!: string[];
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
}

export class WithdrawalView {
  @ApiProperty({ type: ActorView }) by!: ActorView;
  @ApiProperty() at!: string;
  @ApiProperty() reason!: string;
}

/** What the caller may do to one report now; the server still decides each request. */
export class ReportPermissionsView {
  @ApiProperty({ example: 'interim' }) kind!: string;
  @ApiProperty({ description: '保存（下書き）' }) save!: boolean;
  @ApiProperty({ description: '提出' }) submit!: boolean;
  @ApiProperty({ description: '引戻し' }) recall!: boolean;
  @ApiProperty({ description: '承認' }) approve!: boolean;
  @ApiProperty({ description: '差戻し' }) return!: boolean;
  @ApiProperty({ description: '代理' }) delegate!: boolean;
}

/** What the caller may do to the cluster as a whole now. */
export class CasePermissionsView {
  @ApiProperty({ description: '着手' }) kickoff!: boolean;
  @ApiProperty({ description: '取下げ' }) withdraw!: boolean;
  @ApiProperty({ description: '所管局の変更' }) changeOwningBureau!: boolean;
  @ApiProperty({ description: '今年度の経営分析の対象の変更' }) changeAnalysed!: boolean;
}

export class PermittedActionsView {
  @ApiProperty({ type: CasePermissionsView }) case!: CasePermissionsView;
  @ApiProperty({ type: [ReportPermissionsView], description: '報告書ごと（着手前は空）' }) reports!: ReportPermissionsView[];
}

/** Someone the current step can be handed to (代理). */
export class DelegateCandidateView {
  @ApiProperty({ example: 'kankyo.manager2', description: '代理の要求の delegateTo に渡すユーザー名' }) username!: string;
  @ApiProperty({ example: '環境 副課長' }) displayName!: string;
}

/** A cluster with its analysis: reports, versions, the approval chain and who owes the next action. */
/** A Platinum proposal that names the cluster. */
export class LinkedProposalView {
  @ApiProperty({ example: 3 }) id!: number;
  @ApiProperty({ type: String, nullable: true, description: '件名（PTリーダーの承認前は null）' }) title!: string | null;
  @ApiProperty({ example: 'BUREAU_REVIEW' }) phase!: string;
  @ApiProperty({ example: '所管局検討' }) phaseLabel!: string;
}

/** A published issue of a bureau's X policy that names the cluster. */
export class LinkedXPolicyIssueView {
  @ApiProperty({ example: 'kankyo' }) bureauCode!: string;
  @ApiProperty({ example: '環境局' }) bureauName!: string;
  @ApiProperty({ example: 'seal-free' }) issueId!: string;
  @ApiProperty({ example: '押印を求める手続の見直し' }) title!: string;
}

export class ClusterDetailView extends ClusterView {
  @ApiProperty({ type: KickoffView, nullable: true }) kickoff!: KickoffView | null;
  @ApiProperty({ type: WithdrawalView, nullable: true }) withdrawal!: WithdrawalView | null;
  @ApiProperty({ type: [ReportView] }) reports!: ReportView[];
  @ApiProperty({ type: [DeadlineView], description: '着手と各報告書の期限' }) deadlines!: DeadlineView[];
  @ApiProperty({ type: PermittedActionsView, description: '呼び出した利用者が今行える操作（表示用。可否は各操作の要求時に判断されます）' })
  permitted!: PermittedActionsView;
  @ApiProperty({ type: [LinkedProposalView], description: 'この事業群に関係するプラチナ市役所プロジェクトの提案' }) linkedProposals!: LinkedProposalView[];
  @ApiProperty({ type: [LinkedXPolicyIssueView], description: 'この事業群に関係する、公表された局区X方針の課題' }) linkedXPolicyIssues!: LinkedXPolicyIssueView[];
}
