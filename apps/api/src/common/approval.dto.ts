import { ApiProperty } from '@nestjs/swagger';

/** The views of the 決裁 core, the same for a cluster's report, a Platinum proposal and an X policy. */
export class ActorView {
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
  @ApiProperty({ example: '環境 太郎' }) name!: string;
}

export class ApprovalStepView {
  @ApiProperty({ example: '所管課長' }) label!: string;
  @ApiProperty({ type: String, nullable: true, example: 'manager', description: '決裁する役割。指名された人が決裁する段階では null' }) role!: string | null;
  @ApiProperty({ type: ActorView, nullable: true, description: 'この段階を決裁する指名された人（PTリーダーなど）。役割で決まる段階では null' }) person!: ActorView | null;
  @ApiProperty({ type: String, nullable: true }) bureauCode!: string | null;
  @ApiProperty({ enum: ['approved', 'pending', 'waiting'], description: '承認済み / 決裁待ち / 前の段階の決裁待ち' }) status!: string;
  @ApiProperty({ type: ActorView, nullable: true, description: '代理決裁者' }) delegatedTo!: ActorView | null;
  @ApiProperty({ type: ActorView, nullable: true }) approvedBy!: ActorView | null;
  @ApiProperty({ type: String, nullable: true }) approvedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
}

export class SubmissionView {
  @ApiProperty({ description: '決裁に回っている版' }) version!: number;
  @ApiProperty({ type: ActorView }) submittedBy!: ActorView;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ type: [ApprovalStepView] }) steps!: ApprovalStepView[];
}

export class ReturnNoteView {
  @ApiProperty({ type: ActorView }) by!: ActorView;
  @ApiProperty() at!: string;
  @ApiProperty({ type: String, nullable: true, description: '差戻しの理由（閲覧できない利用者には null）' }) comment!: string | null;
  @ApiProperty({ example: '所管局長' }) stepLabel!: string;
}

