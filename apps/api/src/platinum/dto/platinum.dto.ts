import { ApprovalStatus, DecisionOutcome, PlatinumPhase, ProposalPhase } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ActorView } from '../../common/approval.dto';
import { ApprovalDocumentView, BureauRefView, ProcessDeadlineView } from '../../processes/process.dto';

export class PtMemberView {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'kankyo.staff', description: 'ユーザー名（メンバーの指名に使う。利用者が見つからないときは null）' }) username!: string | null;
  @ApiProperty({ example: '環境 花子' }) name!: string;
  @ApiProperty({ type: BureauRefView, nullable: true }) bureau!: BureauRefView | null;
  @ApiProperty() leader!: boolean;
}

export class FormationView {
  @ApiProperty({ example: '2024-06-20' }) date!: string;
  @ApiProperty({ type: ActorView }) recordedBy!: ActorView;
  @ApiProperty({ description: 'Asia/Tokyo' }) recordedAt!: string;
}

export class CountView {
  @ApiProperty({ type: String, nullable: true, example: 'BUREAU_REVIEW' }) key!: string | null;
  @ApiProperty({ example: '所管局検討' }) label!: string;
  @ApiProperty() count!: number;
}

/** Something owed on a proposal now: what, by whom, by when. */
export class OwedItemView {
  @ApiProperty() proposalId!: number;
  @ApiProperty({ type: String, nullable: true, description: '提案の件名（閲覧できないときは null）' }) proposalTitle!: string | null;
  @ApiProperty({ example: '制度所管局の結論の決裁（所管局長）' }) what!: string;
  @ApiProperty({ example: '総務局の局長', description: '誰が' }) who!: string;
  @ApiProperty({ type: ProcessDeadlineView, nullable: true, description: 'いつまでに' }) deadline!: ProcessDeadlineView | null;
}

export class PlatinumPermissionsView {
  @ApiProperty() setMembers!: boolean;
  @ApiProperty() recordFormation!: boolean;
  @ApiProperty() setDeadlines!: boolean;
  @ApiProperty({ description: 'PTメンバーとして提案を起案できるか' }) createProposal!: boolean;
}

export class PlatinumProjectView {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ description: 'PTメンバーが指名され、プロジェクトが始まっているか' }) started!: boolean;
  @ApiProperty({ enum: PlatinumPhase }) phase!: PlatinumPhase;
  @ApiProperty({ example: '課題抽出' }) phaseLabel!: string;
  @ApiProperty({ type: [PtMemberView] }) members!: PtMemberView[];
  @ApiProperty({ type: FormationView, nullable: true }) formation!: FormationView | null;
  @ApiProperty({ type: [ProcessDeadlineView] }) deadlines!: ProcessDeadlineView[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: '設定された期限の規則' }) deadlineRules!: Record<string, unknown>[];
  @ApiProperty({ type: [CountView], description: '段階ごとの提案の数' }) countsByPhase!: CountView[];
  @ApiProperty({ type: [CountView], description: '結論ごとの提案の数（未決は key null）' }) countsByDecision!: CountView[];
  @ApiProperty({ type: [OwedItemView], description: '提案ごとに、誰が何をいつまでに' }) owed!: OwedItemView[];
  @ApiProperty({ type: PlatinumPermissionsView }) permitted!: PlatinumPermissionsView;
}

export class ProposalSummaryView {
  @ApiProperty() fiscalYear!: number;
  @ApiProperty({ example: 3 }) id!: number;
  @ApiProperty({ type: String, nullable: true, description: '件名（下書きを閲覧できない利用者には、PTリーダーの承認まで null）' }) title!: string | null;
  @ApiProperty({ enum: ProposalPhase }) phase!: ProposalPhase;
  @ApiProperty({ example: '所管局検討' }) phaseLabel!: string;
  @ApiProperty({ enum: ApprovalStatus }) proposalStatus!: ApprovalStatus;
  @ApiProperty({ type: String, nullable: true, example: '所管課長', description: '決裁待ちの段階（提案または結論）' }) pendingStep!: string | null;
  @ApiProperty({ type: BureauRefView, nullable: true, description: '制度所管局' }) owningBureau!: BureauRefView | null;
  @ApiProperty({ type: [BureauRefView], description: '関係局' }) concernedBureaus!: BureauRefView[];
  @ApiProperty({ enum: DecisionOutcome, nullable: true, description: '承認された結論（未決は null）' }) decisionOutcome!: DecisionOutcome | null;
  @ApiProperty({ type: String, nullable: true, example: '一部採用' }) decisionOutcomeLabel!: string | null;
  @ApiProperty({ type: [Number] }) relatedClusterNos!: number[];
  @ApiProperty({ type: [BureauRefView], description: '対応方針をまだ述べていない関係局' }) pendingPolicies!: BureauRefView[];
  @ApiProperty({ type: ActorView }) createdBy!: ActorView;
  @ApiProperty({ description: 'Asia/Tokyo' }) updatedAt!: string;
}

export class ProposalListView {
  @ApiProperty({ type: [ProposalSummaryView] }) items!: ProposalSummaryView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ProposalContentView {
  @ApiProperty() title!: string;
  @ApiProperty({ description: '課題' }) issue!: string;
  @ApiProperty({ description: '対象の制度・規程' }) rules!: string;
  @ApiProperty({ description: '提案内容' }) proposal!: string;
  @ApiProperty({ description: '期待される効果' }) effects!: string;
  @ApiProperty({ type: [Number] }) relatedClusterNos!: number[];
}

export class DecisionContentView {
  @ApiProperty({ enum: DecisionOutcome }) outcome!: DecisionOutcome;
  @ApiProperty({ example: '一部採用' }) outcomeLabel!: string;
  @ApiProperty() reasons!: string;
  @ApiProperty() changes!: string;
  @ApiProperty() changeBy!: string;
}

export class PolicyView {
  @ApiProperty({ type: BureauRefView }) bureau!: BureauRefView;
  @ApiProperty({ type: ActorView }) statedBy!: ActorView;
  @ApiProperty({ description: 'Asia/Tokyo' }) statedAt!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ description: '述べ直した回数を含む版' }) version!: number;
}

export class WithdrawalView {
  @ApiProperty({ type: ActorView }) by!: ActorView;
  @ApiProperty() at!: string;
  @ApiProperty() reason!: string;
}

export class ProposalPermissionsView {
  @ApiProperty() save!: boolean;
  @ApiProperty() submit!: boolean;
  @ApiProperty() recall!: boolean;
  @ApiProperty() approve!: boolean;
  @ApiProperty() return!: boolean;
  @ApiProperty() assign!: boolean;
  @ApiProperty() saveDecision!: boolean;
  @ApiProperty() submitDecision!: boolean;
  @ApiProperty() recallDecision!: boolean;
  @ApiProperty() approveDecision!: boolean;
  @ApiProperty() returnDecision!: boolean;
  @ApiProperty() delegateDecision!: boolean;
  @ApiProperty({ type: [String], description: '対応方針を述べられる関係局' }) statePolicy!: string[];
  @ApiProperty() withdraw!: boolean;
}

export class ProposalDetailView extends ProposalSummaryView {
  @ApiProperty({ description: '提案の下書きを閲覧できない利用者か（承認後は誰でも読めます）' }) proposalRestricted!: boolean;
  @ApiProperty({ type: ProposalContentView, nullable: true, description: '最新の版（閲覧できないときは null）' }) content!: ProposalContentView | null;
  @ApiProperty({ type: ApprovalDocumentView }) proposalDocument!: ApprovalDocumentView;
  @ApiProperty({ description: '結論の下書きを閲覧できない利用者か（承認後は誰でも読めます）' }) decisionRestricted!: boolean;
  @ApiProperty({ type: DecisionContentView, nullable: true, description: '結論の最新の版（閲覧できないときは null）' }) decision!: DecisionContentView | null;
  @ApiProperty({ type: ApprovalDocumentView }) decisionDocument!: ApprovalDocumentView;
  @ApiProperty({ type: [PolicyView] }) policies!: PolicyView[];
  @ApiProperty({ type: WithdrawalView, nullable: true }) withdrawal!: WithdrawalView | null;
  @ApiProperty({ type: [OwedItemView] }) owed!: OwedItemView[];
  @ApiProperty({ type: ProposalPermissionsView }) permitted!: ProposalPermissionsView;
}

export class CreatedProposalView {
  @ApiProperty({ example: 3 }) id!: number;
  @ApiProperty({ type: ProposalDetailView }) proposal!: ProposalDetailView;
}
