import { PT_MEMBER_MAX } from '@app/domain';
import { type FormEvent, useRef, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { isApiProblem } from '../api/api-problem';
import { inputClass } from '../ui/form-styles';
import { useCloseWhenDone } from '../ui/modal-dialog';
import type { PlatinumProject, useProjectActions } from './platinum.queries';

interface Row {
  readonly key: number;
  readonly username: string;
}

/**
 * メンバーとリーダーの指名, by username: the list of users is the administrators' alone, so the reform
 * office types each member's login name and the API names any it does not know.
 */
export function MembersForm({ project, action, onDone }: { project: PlatinumProject; action: ReturnType<typeof useProjectActions>['setMembers']; onDone: () => void }) {
  const [initial] = useState(() => {
    const named = project.members.map((member, index) => ({ key: index, username: member.username ?? '', leader: member.leader }));
    return named.length > 0 ? named : [{ key: 0, username: '', leader: false }];
  });
  const nextKey = useRef(initial.length);
  const [rows, setRows] = useState<Row[]>(() => initial.map(({ key, username }) => ({ key, username })));
  const [leaderKey, setLeaderKey] = useState<number | null>(() => initial.find((candidate) => candidate.leader)?.key ?? null);
  // Checked from the first 指名 on, then as the person types: the message goes once the team is complete.
  const [checking, setChecking] = useState(false);
  useCloseWhenDone(action, onDone);

  const setUsername = (key: number, username: string) => setRows((old) => old.map((candidate) => (candidate.key === key ? { ...candidate, username } : candidate)));
  const add = () => {
    const added: Row = { key: nextKey.current++, username: '' };
    setRows((old) => [...old, added]);
    // The new field gets focus once drawn, so keyboard users type straight into it.
    setTimeout(() => document.getElementById(`member-${added.key}`)?.focus());
  };
  const remove = (key: number) => {
    setRows((old) => old.filter((candidate) => candidate.key !== key));
    if (leaderKey === key) setLeaderKey(null);
  };
  const named = rows.filter((candidate) => candidate.username.trim() !== '');
  const leader = named.find((candidate) => candidate.key === leaderKey);
  const incomplete = named.length === 0 ? 'メンバーのユーザー名を一人以上入力してください。' : !leader ? 'PTリーダーをメンバーの中から一人選んでください。' : null;
  const missing = checking ? incomplete : null;
  const send = (event: FormEvent) => {
    event.preventDefault();
    setChecking(true);
    if (incomplete || !leader) return;
    action.run({ members: named.map((candidate) => candidate.username.trim()), leader: leader.username.trim() });
  };

  // The API names each username it does not know (「…」): those fields, and only those, are marked.
  const refused = new Set(
    (isApiProblem(action.problem) ? [...action.problem.fieldProblems('members'), ...action.problem.fieldProblems('leader')] : []).flatMap((text) => [...text.matchAll(/「(.+?)」/g)].map((match) => match[1])),
  );
  return (
    <form onSubmit={send} noValidate>
      <p>
        メンバーはどの局の職員でも指名できます。各メンバーの<strong>ユーザー名</strong>
        （ログインに使う名前。例：kankyo.staff）を入力し、そのうち一人をPTリーダーに選んでください。利用者の一覧は管理者だけが見られるため、ユーザー名が分からないときは本人か所属にご確認ください。
      </p>
      <fieldset className="mt-4" aria-describedby={missing ? 'members-missing' : undefined}>
        <legend className="text-std-16B-170">メンバー（{rows.length}人、{PT_MEMBER_MAX}人まで）</legend>
        <ul className="mt-2 flex flex-col gap-3">
          {rows.map((candidate, index) => (
            <li key={candidate.key} className="flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor={`member-${candidate.key}`} className="block text-std-16N-170">
                  メンバー{index + 1}のユーザー名
                </label>
                <input
                  id={`member-${candidate.key}`}
                  className={`${inputClass(refused.has(candidate.username.trim()))} w-64`}
                  aria-invalid={refused.has(candidate.username.trim())}
                  aria-describedby={refused.has(candidate.username.trim()) ? 'members-refused' : undefined}
                  value={candidate.username}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(event) => setUsername(candidate.key, event.target.value)}
                />
              </div>
              <label className="inline-flex min-h-12 items-center gap-2">
                <input type="radio" name="pt-leader" className="size-6" checked={leaderKey === candidate.key} onChange={() => setLeaderKey(candidate.key)} />
                PTリーダー<span className="sr-only">（メンバー{index + 1}）</span>
              </label>
              <button type="button" className={SECONDARY_BUTTON} onClick={() => remove(candidate.key)} disabled={rows.length === 1}>
                外す<span className="sr-only">：メンバー{index + 1}</span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className={`mt-3 ${SECONDARY_BUTTON}`} onClick={add} disabled={rows.length >= PT_MEMBER_MAX}>
          メンバーを追加
        </button>
      </fieldset>
      {missing && (
        <p id="members-missing" className="mt-2 text-error-2">
          <span aria-hidden="true">⚠ </span>
          {missing}
        </p>
      )}
      <div id="members-refused">
        <ActionProblem problem={action.problem} onRetry={action.retry} />
      </div>
      <div className="mt-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={action.pending}>
          指名する
        </button>
      </div>
    </form>
  );
}
