import { isClusterStage, APPROVAL_STATUS_LABELS, type ApprovalStatus, PROPOSAL_PHASE_LABELS, type ProposalPhase, STAGE_LABELS, X_POLICY_PHASE_LABELS, type XPolicyPhase } from '@app/domain';
import { useLayoutEffect, useRef, useState } from 'react';
import { isApiProblem } from '../api/api-problem';
import { SECONDARY_BUTTON } from '../ui/button-styles';
import { PROBLEMS_OF_ATTRIBUTE } from '../ui/field-problems';
import { TEXT_LINK } from '../ui/link-styles';

/** What a 409 says the refused thing is now: a cluster (stage and reports), an X policy (phase and plan) or a Platinum proposal (phase, proposal and decision). */
interface CurrentCase {
  readonly stage?: string;
  readonly reports?: readonly { readonly kind: string; readonly status: string }[];
  readonly phase?: string | null;
  readonly planStatus?: string;
  readonly proposalStatus?: string;
  readonly decisionStatus?: string;
}

const isReportStatus = (status: string): status is ApprovalStatus => status in APPROVAL_STATUS_LABELS;
const isXPolicyPhase = (phase: string): phase is XPolicyPhase => phase in X_POLICY_PHASE_LABELS;

const isProposalPhase = (phase: string): phase is ProposalPhase => phase in PROPOSAL_PHASE_LABELS;

function stageOf(current: CurrentCase): string | undefined {
  if (current.stage) return isClusterStage(current.stage) ? STAGE_LABELS[current.stage] : current.stage;
  // A proposal's phases share names with an X policy's (CLOSED): its statuses tell which it is.
  if (current.phase && current.proposalStatus) return isProposalPhase(current.phase) ? PROPOSAL_PHASE_LABELS[current.phase] : current.phase;
  if (current.phase) return isXPolicyPhase(current.phase) ? X_POLICY_PHASE_LABELS[current.phase] : current.phase;
  return undefined;
}

/** The state the API says the cluster, X policy or proposal is in now, in the words the board and the lists use. */
function CurrentState({ current, reportLabels }: { current: CurrentCase; reportLabels: Readonly<Record<string, string>> }) {
  const stage = stageOf(current);
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4">
      {stage && (
        <>
          <dt className="font-bold">現在の段階</dt>
          <dd>{stage}</dd>
        </>
      )}
      {current.reports?.map((report) => (
        <div key={report.kind} className="contents">
          <dt className="font-bold">{reportLabels[report.kind] ?? report.kind}</dt>
          <dd>{isReportStatus(report.status) ? APPROVAL_STATUS_LABELS[report.status] : report.status}</dd>
        </div>
      ))}
      {current.planStatus && (
        <>
          <dt className="font-bold">課題と対応策</dt>
          <dd>{isReportStatus(current.planStatus) ? APPROVAL_STATUS_LABELS[current.planStatus] : current.planStatus}</dd>
        </>
      )}
      {current.proposalStatus && (
        <>
          <dt className="font-bold">提案</dt>
          <dd>{isReportStatus(current.proposalStatus) ? APPROVAL_STATUS_LABELS[current.proposalStatus] : current.proposalStatus}</dd>
        </>
      )}
      {current.decisionStatus && (
        <>
          <dt className="font-bold">制度所管局の結論</dt>
          <dd>{isReportStatus(current.decisionStatus) ? APPROVAL_STATUS_LABELS[current.decisionStatus] : current.decisionStatus}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * One field's problem in the summary: a link to the field when the form shows that field's problems
 * beside a control, which it finds by the list the control's aria-describedby names. The page's own
 * anchor would scroll; focusing the control also lets a screen reader say its label and its message.
 */
function ProblemOfField({ field, text }: { field: string; text: string }) {
  const item = useRef<HTMLSpanElement>(null);
  const [control, setControl] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const scope = item.current?.closest('form') ?? document;
    const list = scope.querySelector(`[${PROBLEMS_OF_ATTRIBUTE}="${CSS.escape(field)}"]`);
    setControl(list?.id ? scope.querySelector<HTMLElement>(`[aria-describedby~="${CSS.escape(list.id)}"]`) : null);
  }, [field]);
  return (
    <span ref={item}>
      {control?.id ? (
        <a
          href={`#${control.id}`}
          className={TEXT_LINK}
          onClick={(event) => {
            event.preventDefault();
            control.scrollIntoView({ block: 'center' });
            control.focus();
          }}
        >
          {text}
        </a>
      ) : (
        text
      )}
    </span>
  );
}

/**
 * What the person should do next, by the kind of answer. A 409 that names the state it was judged on
 * lost a race with someone else's action; one without (a code or name already taken) says all in its detail.
 */
function adviceFor(status: number, stateChanged: boolean): string | null {
  if (status === 409 && stateChanged) return 'ほかの方の操作で状態が変わっていました。画面を最新の状態に更新しました。内容を確認してから、必要であればもう一度操作してください。';
  if (status === 412) return '編集を始めた後に、新しい版が保存されていました。画面を最新の版に更新しました。入力した内容はこのブラウザに残してあります。最新の版と見比べてから、もう一度保存してください。';
  if (status === 403) return 'この操作はあなたの役割では行えません。上の説明にある担当の方に依頼してください。';
  if (status === 503 || status === 0) return 'システムが混み合っているか、接続が途切れました。入力した内容は残っています。少し待ってから再試行してください。';
  return null;
}

/**
 * Why an action did not take effect, told so a person can act on it: a refusal of named fields with
 * each field's message (its detail is the API's one-line summary of the same, with the fields' API
 * names, for clients that read no fields), a 409 with the state that
 * refused it (the page's data is refreshed by then), a 412 with where the typing went (the editor
 * offers it again on the newer version), a 403 with who may act (the API's detail names
 * them), a 503 or lost connection with 再試行, which resends the same intent under the same key.
 */
export function ActionProblem({
  problem,
  onRetry,
  reportLabels = {},
}: {
  problem: unknown;
  onRetry?: (() => void) | null;
  reportLabels?: Readonly<Record<string, string>>;
}) {
  if (!problem) return null;
  const known = isApiProblem(problem) ? problem.problem : null;
  const status = known?.status ?? 0;
  const current = status === 409 && known?.current ? (known.current as CurrentCase) : null;
  const advice = adviceFor(status, current !== null);
  const retryable = status === 503 || status === 0;
  return (
    <div role="alert" className="my-4 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170">
      <p className="font-bold">
        <span aria-hidden="true">⚠ </span>
        {known?.title ?? '操作できませんでした'}
      </p>
      {known && known.fields.length > 0 ? (
        <ul className="mt-2 list-disc pl-6">
          {known.fields.flatMap((field) =>
            field.problems.map((text) => (
              <li key={`${field.field}:${text}`}>
                <ProblemOfField field={field.field} text={text} />
              </li>
            )),
          )}
        </ul>
      ) : (
        <p>{known?.detail ?? '予期しないエラーが発生しました。画面を再読み込みしてください'}</p>
      )}
      {current && <CurrentState current={current} reportLabels={reportLabels} />}
      {advice && <p className="mt-2">{advice}</p>}
      {retryable && onRetry && (
        <button type="button" onClick={onRetry} className={`mt-2 ${SECONDARY_BUTTON}`}>
          再試行
        </button>
      )}
    </div>
  );
}
