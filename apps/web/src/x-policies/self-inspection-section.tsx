import { X_POLICY_TEXT_MAX_LENGTH } from '@app/domain';
import type { FormEvent } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { type DraftAddress, useLocalDraft } from '../drafts/local-draft';
import { RestoredDraftNote } from '../drafts/restored-draft-note';
import { PRIMARY_BUTTON } from '../ui/button-styles';
import { FieldProblems } from '../ui/field-problems';
import { textFieldClass } from '../ui/form-styles';
import type { useXPolicyActions, XPolicyDetail } from './x-policies.queries';

/** Answers by item id. */
type Answers = Readonly<Record<string, string>>;

const readAnswers = (stored: unknown): Answers | null =>
  typeof stored === 'object' && stored !== null && !Array.isArray(stored) && Object.values(stored).every((value) => typeof value === 'string') ? (stored as Answers) : null;

/**
 * 自己点検: one answer to each of the year's items. The bureau's staff write them here while the
 * plan is theirs to edit; the bureau's other users and the reform office read them.
 */
export function SelfInspectionSection({
  detail,
  address,
  save,
  baseVersion,
}: {
  detail: XPolicyDetail;
  address: DraftAddress;
  save: ReturnType<typeof useXPolicyActions>['saveSelfInspection'];
  baseVersion: number;
}) {
  const items = detail.selfInspection;
  const answered = items.filter((item) => item.answer?.trim()).length;
  return (
    <section aria-labelledby="self-inspection-heading" className="mt-8">
      <h2 id="self-inspection-heading" className="text-std-24B-150">
        自己点検
      </h2>
      {detail.textsRestricted ? (
        <p className="mt-2">自己点検の回答は{detail.bureau.name}の職員と市政変革室だけが閲覧できます（項目：{items.length}件）。</p>
      ) : (
        <p className="mt-2">
          今年度の項目：{items.length}件（回答済み {answered}件）
        </p>
      )}
      {detail.permitted.saveSelfInspection ? (
        <SelfInspectionForm key={baseVersion} detail={detail} address={address} save={save} baseVersion={baseVersion} />
      ) : (
        !detail.textsRestricted && (
          <dl className="mt-3 flex flex-col gap-3">
            {items.map((item, index) => (
              <div key={item.itemId} className="rounded-8 border border-solid-gray-420 p-3">
                <dt className="font-bold">
                  {index + 1}. {item.question}
                </dt>
                <dd className="mt-1 whitespace-pre-wrap break-words">{item.answer?.trim() ? item.answer : <span className="text-solid-gray-700">未回答</span>}</dd>
              </div>
            ))}
          </dl>
        )
      )}
    </section>
  );
}

function SelfInspectionForm({
  detail,
  address,
  save,
  baseVersion,
}: {
  detail: XPolicyDetail;
  address: DraftAddress;
  save: ReturnType<typeof useXPolicyActions>['saveSelfInspection'];
  baseVersion: number;
}) {
  const items = detail.selfInspection;
  const saved: Answers = Object.fromEntries(items.map((item) => [item.itemId, item.answer ?? '']));
  // Only the answers changed here are kept in the browser: restored after a 412, they go on top of the
  // newer version, so an answer someone else saved meanwhile is not written back over.
  const edits = useLocalDraft<Answers>(address, {}, readAnswers);
  const answerOf = (itemId: string) => edits.value[itemId] ?? saved[itemId] ?? '';
  const edit = (itemId: string, text: string) => {
    const { [itemId]: _previous, ...others } = edits.value;
    edits.setValue(text === saved[itemId] ? others : { ...others, [itemId]: text });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // On top of the version this form was drawn from: if another save came first, the API answers 412 and keeps nothing.
    save.run({ answers: items.map((item) => ({ itemId: item.itemId, answer: answerOf(item.itemId) })), basedOnVersion: baseVersion });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="自己点検の回答" className="mt-3 rounded-8 border border-solid-gray-420 p-4">
      <p className="text-solid-gray-700">
        {detail.phase === 'SELF_INSPECTION' ? '全ての項目に回答して保存すると「課題と対応策」の段階に進みます。' : ''}回答は第{baseVersion + 1}版として保存されます（課題と対応策はそのまま引き継ぎます）。
      </p>
      <RestoredDraftNote
        draft={edits}
        onOlderVersion={(from) => `第${from}版をもとに入力していた回答の控えを復元しました。その後、第${baseVersion}版が保存されています。入力した項目だけを最新の版の上に戻しています。確かめてから保存してください。`}
      />
      <ol className="mt-3 flex flex-col gap-4">
        {items.map((item, index) => {
          const id = `answer-${item.itemId}`;
          return (
            <li key={item.itemId}>
              <label htmlFor={id} className="block text-std-16B-170">
                {index + 1}. {item.question}
              </label>
              <textarea
                id={id}
                className={`${textFieldClass()} min-h-24`}
                maxLength={X_POLICY_TEXT_MAX_LENGTH}
                value={answerOf(item.itemId)}
                aria-describedby={`${id}-problems`}
                onChange={(event) => edit(item.itemId, event.target.value)}
              />
              <FieldProblems problem={save.problem} field={`answers.${index}.answer`} id={`${id}-problems`} />
            </li>
          );
        })}
      </ol>
      <ActionProblem problem={save.problem} onRetry={save.retry} />
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <button type="submit" className={PRIMARY_BUTTON} disabled={save.pending}>
          自己点検を保存
        </button>
        <span role="status" className="text-std-16N-170">
          {save.pending ? '保存しています…' : edits.unsaved ? '未保存の変更があります（このブラウザに控えを残しています）' : ''}
        </span>
      </div>
    </form>
  );
}
