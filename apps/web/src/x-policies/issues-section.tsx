import { X_POLICY_ISSUE_MAX, X_POLICY_ISSUE_TITLE_MAX_LENGTH, X_POLICY_TEXT_MAX_LENGTH } from '@app/domain';
import { type FormEvent, useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { type DraftAddress, useLocalDraft } from '../drafts/local-draft';
import { RestoredDraftNote } from '../drafts/restored-draft-note';
import { paths } from '../routes/paths';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../ui/button-styles';
import { apiFieldProblems, FieldMessages } from '../ui/field-problems';
import { textFieldClass } from '../ui/form-styles';
import { type IssueDraft, issueDraftOf, issueDraftProblems, issuesOf, nextFreeId, readIssueDrafts } from './issue-drafts';
import { IssueView } from './issue-view';
import type { useXPolicyActions, XPolicyDetail } from './x-policies.queries';

type SaveIssues = ReturnType<typeof useXPolicyActions>['saveIssues'];

/**
 * 課題と対応策 before publication: the bureau's staff edit the list here while the plan is theirs;
 * the bureau's other users and the reform office read the latest saved version.
 */
export function IssuesSection({ detail, address, save, baseVersion }: { detail: XPolicyDetail; address: DraftAddress; save: SaveIssues; baseVersion: number }) {
  const issues = detail.issues ?? [];
  return (
    <section aria-labelledby="issues-heading" className="mt-8">
      <h2 id="issues-heading" className="text-std-24B-150">
        課題と対応策
      </h2>
      {detail.textsRestricted && <p className="mt-2">作成中の課題と対応策は{detail.bureau.name}の職員と市政変革室だけが閲覧できます。公表されると、ここと公表ページに表示されます。</p>}
      {detail.permitted.saveIssues ? (
        <IssuesEditor key={baseVersion} detail={detail} address={address} save={save} baseVersion={baseVersion} />
      ) : (
        !detail.textsRestricted &&
        (issues.length === 0 ? (
          <p className="mt-2">課題はまだ保存されていません。</p>
        ) : (
          <div className="mt-3 flex flex-col gap-4">
            {issues.map((issue, index) => (
              <IssueView key={issue.id} idPrefix="draft-issue" issue={issue} index={index} clusterHref={(no) => paths.cluster(detail.fiscalYear, no)} />
            ))}
          </div>
        ))
      )}
    </section>
  );
}

const fieldId = (field: string) => `issue-field-${field.replaceAll('.', '-')}`;

function IssuesEditor({ detail, address, save, baseVersion }: { detail: XPolicyDetail; address: DraftAddress; save: SaveIssues; baseVersion: number }) {
  const draft = useLocalDraft<IssueDraft[]>(address, (detail.issues ?? []).map(issueDraftOf), readIssueDrafts);
  // Checked from the first 保存 on, then as the person types: a message goes as soon as its field is right.
  const [checking, setChecking] = useState(false);
  const issues = draft.value;
  const checked = checking ? issueDraftProblems(issues) : new Map<string, string[]>();
  const messagesOf = (field: string) => [...(checked.get(field) ?? []), ...apiFieldProblems(save.problem, field)];
  const setIssue = (index: number, change: Partial<IssueDraft>) => draft.setValue(issues.map((issue, at) => (at === index ? { ...issue, ...change } : issue)));
  const add = () => {
    const index = issues.length;
    draft.setValue([...issues, { id: nextFreeId('issue', issues.map((issue) => issue.id)), title: '', response: '', schedule: '', clusterNos: '' }]);
    requestAnimationFrame(() => document.getElementById(fieldId(`issues.${index}.title`))?.focus());
  };
  const remove = (index: number) => {
    draft.setValue(issues.filter((_, at) => at !== index));
    requestAnimationFrame(() => document.getElementById('add-issue')?.focus());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecking(true);
    const first = [...issueDraftProblems(issues).keys()][0];
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    save.run({ issues: issuesOf(issues), basedOnVersion: baseVersion });
  };

  const field = (index: number, name: keyof IssueDraft, label: string, control: 'input' | 'textarea', options: { required?: boolean; hint?: string; maxLength: number }) => {
    const path = `issues.${index}.${name}`;
    const id = fieldId(path);
    const messages = messagesOf(path);
    const describedBy = [options.hint ? `${id}-hint` : null, messages.length > 0 ? `${id}-problems` : null].filter(Boolean).join(' ') || undefined;
    const common = {
      id,
      value: issues[index][name],
      maxLength: options.maxLength,
      'aria-invalid': messages.length > 0,
      'aria-describedby': describedBy,
      className: `${textFieldClass(messages.length > 0)}${control === 'textarea' ? ' min-h-24' : ' min-h-12'}`,
    };
    return (
      <div className="mt-3">
        <label htmlFor={id} className="block text-std-16B-170">
          {label}
          {options.required && <span className="text-error-2">（必須）</span>}
        </label>
        {control === 'textarea' ? (
          <textarea {...common} onChange={(event) => setIssue(index, { [name]: event.target.value })} />
        ) : (
          <input {...common} onChange={(event) => setIssue(index, { [name]: event.target.value })} />
        )}
        {options.hint && (
          <p id={`${id}-hint`} className="mt-1 text-solid-gray-700">
            {options.hint}
          </p>
        )}
        <FieldMessages id={`${id}-problems`} messages={messages} field={path} />
      </div>
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="課題と対応策の編集" className="mt-3 rounded-8 border border-solid-gray-420 p-4">
      <p className="text-solid-gray-700">課題の一覧全体が第{baseVersion + 1}版として保存されます（自己点検の回答はそのまま引き継ぎます）。</p>
      <RestoredDraftNote
        draft={draft}
        onOlderVersion={(from) => `第${from}版をもとに編集していた課題と対応策の控えを復元しました。その後、第${baseVersion}版が保存されています。下の「保存された版」と「履歴」を確かめてから保存してください。`}
      />
      {issues.length === 0 && <p className="mt-3">課題はまだありません。「課題を追加」で記入を始めてください。提出には課題が一つ以上必要です。</p>}
      <ol className="mt-3 flex flex-col gap-4">
        {issues.map((issue, index) => (
          <li key={index}>
            <fieldset className="rounded-8 border border-solid-gray-420 p-4">
              <legend className="px-1 text-std-18B-160">課題{index + 1}</legend>
              {field(index, 'title', '課題', 'input', { required: true, maxLength: X_POLICY_ISSUE_TITLE_MAX_LENGTH })}
              {field(index, 'response', '対応策', 'textarea', { maxLength: X_POLICY_TEXT_MAX_LENGTH })}
              {field(index, 'schedule', 'スケジュール', 'textarea', { maxLength: X_POLICY_TEXT_MAX_LENGTH, hint: '例：令和8年12月までに規則を改正し、令和9年4月から施行' })}
              {field(index, 'clusterNos', '関係する事業群の番号', 'input', { maxLength: 600, hint: '今年度の事業群の番号を「、」で区切って入力します（例：22、27）。なければ空欄にします。' })}
              {field(index, 'id', '識別子', 'input', { required: true, maxLength: 40, hint: '英小文字・数字・ハイフンで、課題ごとに異なるもの。公表後の進捗はこの識別子で課題を指します。' })}
              <button type="button" className={`mt-3 ${SECONDARY_BUTTON}`} onClick={() => remove(index)}>
                課題{index + 1}を削除
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <FieldMessages id="issues-problems" messages={messagesOf('issues')} field="issues" />
      {issues.length < X_POLICY_ISSUE_MAX && (
        <button id="add-issue" type="button" className={`mt-3 ${SECONDARY_BUTTON}`} onClick={add}>
          課題を追加
        </button>
      )}
      <ActionProblem problem={save.problem} onRetry={save.retry} />
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={save.pending}>
          課題と対応策を保存
        </button>
        <span role="status" className="text-std-16N-170">
          {save.pending ? '保存しています…' : draft.unsaved ? '未保存の変更があります（このブラウザに控えを残しています）' : ''}
        </span>
      </div>
    </form>
  );
}
