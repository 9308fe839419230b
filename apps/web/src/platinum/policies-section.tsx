import { PROPOSAL_TEXT_MAX_LENGTH } from '@app/domain';
import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { textFieldClass } from '../ui/form-styles';
import { StatusLabel } from '../ui/status-label';
import { TokyoDateTime } from '../ui/tokyo-date-time';
import type { ProposalActions, ProposalDetail } from './platinum.queries';

type Bureau = ProposalDetail['concernedBureaus'][number];
type Policy = ProposalDetail['policies'][number];

/** 関係局長の対応方針: each concerned bureau's, stated by its director; the last one closes the proposal. */
export function PoliciesSection({ detail, actions }: { detail: ProposalDetail; actions: ProposalActions }) {
  const bureaus = detail.concernedBureaus;
  const decided = detail.decisionDocument.status === 'APPROVED';
  return (
    <section aria-labelledby="policies-heading" className="mt-8">
      <h2 id="policies-heading" className="text-std-24B-150">
        関係局長の対応方針
      </h2>
      {bureaus.length === 0 ? (
        <p className="mt-2 text-std-16N-170">関係局は市政変革室が割り当てます。</p>
      ) : (
        <>
          <p className="mt-1 text-std-16N-170 text-solid-gray-700">
            {decided
              ? `関係局の局長が、局としての対応方針を述べます。すべての関係局（${bureaus.length}局）が述べると、提案は完了します。`
              : '制度所管局の結論が承認されると、関係局の局長が対応方針を述べます。'}
          </p>
          <ul className="mt-3 flex flex-col gap-4" aria-label="関係局ごとの対応方針">
            {bureaus.map((bureau) => (
              <PolicyItem
                key={bureau.code}
                bureau={bureau}
                policy={detail.policies.find((candidate) => candidate.bureau.code === bureau.code) ?? null}
                mayState={detail.permitted.statePolicy.includes(bureau.code)}
                action={actions.statePolicy}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function PolicyItem({ bureau, policy, mayState, action }: { bureau: Bureau; policy: Policy | null; mayState: boolean; action: ProposalActions['statePolicy'] }) {
  return (
    <li className="rounded-8 border border-solid-gray-420 p-4 text-std-16N-170" data-testid="policy" data-bureau={bureau.code}>
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="text-std-20B-150">{bureau.name}</h3>
        {policy ? <StatusLabel tone="info">記入済み</StatusLabel> : <StatusLabel tone="caution">未記入</StatusLabel>}
      </div>
      {policy && (
        <>
          <p className="mt-1 text-solid-gray-700">
            {policy.statedBy.name}さん（局長）、<TokyoDateTime instant={policy.statedAt} />
            {policy.version > 1 ? `（第${policy.version}版）` : ''}
          </p>
          <p className="mt-2 whitespace-pre-wrap break-words">{policy.text}</p>
        </>
      )}
      {mayState && <PolicyForm key={policy?.version ?? 0} bureau={bureau} policy={policy} action={action} />}
    </li>
  );
}

function PolicyForm({ bureau, policy, action }: { bureau: Bureau; policy: Policy | null; action: ProposalActions['statePolicy'] }) {
  const [text, setText] = useState(policy?.text ?? '');
  const [missing, setMissing] = useState(false);
  const id = `policy-${bureau.code}`;
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setMissing(true);
      document.getElementById(id)?.focus();
      return;
    }
    setMissing(false);
    action.run({ bureau: bureau.code, text });
  };
  return (
    <form onSubmit={send} noValidate className="mt-3">
      <label htmlFor={id} className="text-std-16B-170">
        {bureau.name}の対応方針 <span className="text-error-2">（必須）</span>
      </label>
      <p id={`${id}-hint`} className="text-solid-gray-700">
        制度所管局の結論を受けて、局として何をいつまでにするか。{policy ? '述べ直すと新しい版になります。' : ''}
      </p>
      <textarea
        id={id}
        className={`${textFieldClass(missing)} min-h-32`}
        maxLength={PROPOSAL_TEXT_MAX_LENGTH}
        value={text}
        aria-invalid={missing}
        aria-describedby={`${id}-hint${missing ? ` ${id}-problem` : ''}`}
        onChange={(event) => {
          setText(event.target.value);
          setMissing(false);
        }}
      />
      {missing && (
        <p id={`${id}-problem`} className="mt-1 text-error-2">
          <span aria-hidden="true">⚠ </span>対応方針を入力してください。
        </p>
      )}
      <ActionProblem problem={action.problem} onRetry={action.retry} />
      <div className="mt-3">
        <button type="submit" className={PRIMARY_BUTTON} disabled={action.pending}>
          {policy ? '対応方針を述べ直す' : '対応方針を記入'}
        </button>
      </div>
    </form>
  );
}
