import { ApprovalStepState, ReturnNote, Submission, toTokyoIsoString } from '@app/domain';
import { ApprovalStepView, ReturnNoteView, SubmissionView } from './approval.dto';

/** A submission and its chain as the caller may see it: the decisions' comments only for those who may read the document's texts. */
export function toSubmissionView(submission: Submission | null, readable: boolean): SubmissionView | null {
  if (!submission) return null;
  return {
    version: submission.version,
    submittedBy: submission.submittedBy,
    submittedAt: toTokyoIsoString(submission.submittedAt),
    steps: submission.steps.map((step, index) => toStepView(step, index, submission.currentStep, readable)),
  };
}

export function toReturnNoteView(note: ReturnNote | null, readable: boolean): ReturnNoteView | null {
  return note ? { ...note, comment: readable ? note.comment : null, at: toTokyoIsoString(note.at) } : null;
}

function toStepView(step: ApprovalStepState, index: number, currentStep: number, readable: boolean): ApprovalStepView {
  return {
    label: step.label,
    role: step.role,
    person: step.person ?? null,
    bureauCode: step.bureauCode,
    status: step.approval ? 'approved' : index === currentStep ? 'pending' : 'waiting',
    delegatedTo: step.delegatedTo,
    approvedBy: step.approval?.by ?? null,
    approvedAt: step.approval ? toTokyoIsoString(step.approval.at) : null,
    comment: readable ? (step.approval?.comment ?? null) : null,
  };
}
