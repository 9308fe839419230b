import type { UseQueryResult } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import type { Action } from '../actions/use-action';
import type { components } from '../api/schema';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { ErrorNotice } from '../ui/error-notice';
import { textFieldClass } from '../ui/form-styles';
import { Loading } from '../ui/loading';
import { useCloseWhenDone } from '../ui/modal-dialog';

type DelegateCandidate = components['schemas']['DelegateCandidateView'];

/**
 * 代理: the step handed to one of the people the API says may take it (another holder of its role
 * in its bureau), for a cluster's report or an owning bureau's decision on a Platinum proposal.
 */
export function DelegateForm({
  candidates,
  action,
  onDone,
  reportLabels,
}: {
  candidates: UseQueryResult<DelegateCandidate[]>;
  action: Action<{ delegateTo: string }>;
  onDone: () => void;
  reportLabels?: Readonly<Record<string, string>>;
}) {
  const [chosen, setChosen] = useState('');
  const [missing, setMissing] = useState(false);
  useCloseWhenDone(action, onDone);
  if (candidates.isPending) return <Loading label="代理決裁者の候補を読み込んでいます" />;
  if (candidates.isError) return <ErrorNotice error={candidates.error} onRetry={() => void candidates.refetch()} />;
  if (candidates.data.length === 0) return <p>代理で決裁できる方（同じ局・同じ役割の有効な利用者）がいません。</p>;
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setMissing(true);
      return;
    }
    action.run({ delegateTo: chosen });
  };
  return (
    <form onSubmit={send} noValidate>
      <label htmlFor="delegate-to" className="text-std-16B-170">
        代理決裁者 <span className="text-error-2">（必須）</span>
      </label>
      <select
        id="delegate-to"
        className={`${textFieldClass()} min-h-12`}
        value={chosen}
        aria-invalid={missing}
        aria-describedby={missing ? 'delegate-to-problem' : undefined}
        onChange={(event) => {
          setChosen(event.target.value);
          setMissing(false);
        }}
      >
        <option value="">選んでください</option>
        {candidates.data.map((candidate) => (
          <option key={candidate.username} value={candidate.username}>
            {candidate.displayName}（{candidate.username}）
          </option>
        ))}
      </select>
      {missing && (
        <p id="delegate-to-problem" className="mt-1 text-error-2">
          <span aria-hidden="true">⚠ </span>代理決裁者を選んでください。
        </p>
      )}
      <p className="mt-1 text-solid-gray-700">指定した方だけがこの段階を決裁できるようになります。</p>
      <ActionProblem problem={action.problem} onRetry={action.retry} reportLabels={reportLabels} />
      <div className="mt-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={action.pending}>
          代理
        </button>
      </div>
    </form>
  );
}
