import { TokyoDateTime } from '../ui/tokyo-date-time';
import { StatusLabel } from '../ui/status-label';
import type { components } from '../api/schema';

type Submission = components['schemas']['SubmissionView'];
type Step = Submission['steps'][number];

function StepState({ step }: { step: Step }) {
  if (step.status === 'approved') return <StatusLabel tone="info">承認済み</StatusLabel>;
  if (step.status === 'pending') return <StatusLabel tone="caution">決裁待ち</StatusLabel>;
  return <span className="text-std-16N-170 text-solid-gray-700">○ 前の決裁待ち</span>;
}

/**
 * The submitted version's way through the chain, the same for a cluster's report, a bureau's X
 * policy and a Platinum proposal or decision: each step's holder (a named person such as the PT
 * leader, by name), state, time and comment. `id` names the heading, unique on the page.
 */
export function ApprovalChain({ id, submission, heading = '決裁の経路' }: { id: string; submission: Submission | null; heading?: string }) {
  if (!submission) return null;
  return (
    <section aria-labelledby={id} className="mt-6">
      <h3 id={id} className="text-std-20B-150">
        {heading}（第{submission.version}版）
      </h3>
      <p className="mt-1 text-std-16N-170">
        提出：{submission.submittedBy.name}さん <TokyoDateTime instant={submission.submittedAt} />
      </p>
      <ol className="mt-2 flex flex-col gap-2">
        {submission.steps.map((step, index) => (
          <li key={step.label} className={`rounded-8 border p-3 ${step.status === 'pending' ? 'border-2 border-yellow-1000' : 'border-solid-gray-420'}`}>
            <div className="flex flex-wrap items-center gap-3">
              <span className="text-std-16B-170">
                {index + 1}. {step.label}
              </span>
              <StepState step={step} />
            </div>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 text-std-16N-170">
              <dt>決裁者</dt>
              <dd>
                {step.approvedBy
                  ? `${step.approvedBy.name}さん`
                  : step.delegatedTo
                    ? `${step.delegatedTo.name}さん（代理）`
                    : step.person
                      ? `${step.person.name}さん`
                      : `${step.label}（担当の方）`}
                {step.approvedBy && step.delegatedTo ? '（代理）' : ''}
              </dd>
              {step.approvedAt && (
                <>
                  <dt>承認日時</dt>
                  <dd>
                    <TokyoDateTime instant={step.approvedAt} />
                  </dd>
                </>
              )}
              {step.comment && (
                <>
                  <dt>コメント</dt>
                  <dd className="whitespace-pre-wrap break-words">{step.comment}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
