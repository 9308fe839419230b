import { ApprovalStatus } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ActorView, ReturnNoteView, SubmissionView } from '../common/approval.dto';

/** A deadline of the Platinum project or the X policies, times in Asia/Tokyo. */
export class ProcessDeadlineView {
  @ApiProperty({ example: 'plan' }) target!: string;
  @ApiProperty({ example: '課題と対応策の公表' }) label!: string;
  @ApiProperty({ example: '2024-08-09', description: '期限日（Asia/Tokyo）' }) dueDate!: string;
  @ApiProperty({ example: '2024-08-09T17:00:00.000+09:00' }) dueAt!: string;
  @ApiProperty({ description: '会議の日程が上旬・中旬・下旬までしか決まっておらず、その初日を基準にした暫定の期限か' }) provisional!: boolean;
  @ApiProperty({ type: String, nullable: true, example: '第2回X会議', description: '基準の会議（日付で決めた期限では null）' }) meetingName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '令和6年8月21日（2024-08-21）' }) meetingDateLabel!: string | null;
  @ApiProperty({ description: '期限を過ぎて未了か' }) overdue!: boolean;
}

export class BureauRefView {
  @ApiProperty({ example: 'kankyo' }) code!: string;
  @ApiProperty({ example: '環境局' }) name!: string;
}

export class DocumentVersionView {
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ type: String, nullable: true, description: '件名（本文を閲覧できない利用者には null）' }) title!: string | null;
  @ApiProperty() empty!: boolean;
  @ApiProperty({ type: ActorView }) savedBy!: ActorView;
  @ApiProperty({ description: 'Asia/Tokyo' }) savedAt!: string;
}

/** A document on the 決裁 core as the caller may see it. */
export class ApprovalDocumentView {
  @ApiProperty({ example: '課題と対応策' }) label!: string;
  @ApiProperty({ enum: ApprovalStatus }) status!: ApprovalStatus;
  @ApiProperty({ example: '決裁中' }) statusLabel!: string;
  @ApiProperty({ type: [DocumentVersionView], description: '保存された全ての版（古い順）' }) versions!: DocumentVersionView[];
  @ApiProperty({ type: SubmissionView, nullable: true }) submission!: SubmissionView | null;
  @ApiProperty({ type: ReturnNoteView, nullable: true, description: '直近の差戻し' }) lastReturn!: ReturnNoteView | null;
  @ApiProperty({ type: String, nullable: true }) approvedAt!: string | null;
}

export class ProcessHistoryEntryView {
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'Asia/Tokyo' }) occurredAt!: string;
  @ApiProperty({ type: ActorView }) actor!: ActorView;
  @ApiProperty({ example: 'approve' }) action!: string;
  @ApiProperty({ example: '承認' }) actionLabel!: string;
  @ApiProperty({ type: String, nullable: true }) fromPhase!: string | null;
  @ApiProperty({ type: String, nullable: true }) toPhase!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '対象の書類（plan、progress/<課題>/<報> など）' }) document!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'コメント（閲覧できない利用者には null）' }) comment!: string | null;
  @ApiProperty({ description: '本文・コメントを閲覧できないため省いたか' }) textsRestricted!: boolean;
}

export class ProcessHistoryPage {
  @ApiProperty({ type: [ProcessHistoryEntryView] }) items!: ProcessHistoryEntryView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
