import { PROPOSAL_TEXT_MAX_LENGTH, PROPOSAL_TITLE_MAX_LENGTH } from '@app/domain';
import type { ReactNode } from 'react';
import { isApiProblem } from '../api/api-problem';
import { textFieldClass } from '../ui/form-styles';
import { clusterNumbersText, parseClusterNumbers } from './cluster-numbers';
import { type ProposalDetail, type ProposalRequest, useClusterNames } from './platinum.queries';

/** The proposal's words as the form holds them; the cluster numbers as typed. */
export interface ProposalFields {
  readonly title: string;
  readonly issue: string;
  readonly rules: string;
  readonly proposal: string;
  readonly effects: string;
  readonly clusters: string;
}

export const EMPTY_PROPOSAL: ProposalFields = { title: '', issue: '', rules: '', proposal: '', effects: '', clusters: '' };

export const proposalFieldsOf = (content: ProposalDetail['content']): ProposalFields =>
  content
    ? { title: content.title, issue: content.issue, rules: content.rules, proposal: content.proposal, effects: content.effects, clusters: clusterNumbersText(content.relatedClusterNos) }
    : EMPTY_PROPOSAL;

/** What to send, or what must be fixed first (in the words shown beside the field). */
export function proposalRequestOf(fields: ProposalFields): { request: ProposalRequest } | { problems: Partial<Record<keyof ProposalFields, string>> } {
  const { numbers, unreadable } = parseClusterNumbers(fields.clusters);
  const problems: Partial<Record<keyof ProposalFields, string>> = {};
  if (fields.title.trim() === '') problems.title = '件名を入力してください';
  if (unreadable.length > 0) problems.clusters = `事業群は番号で入力してください（読めなかったもの：${unreadable.join('、')}）`;
  if (Object.keys(problems).length > 0) return { problems };
  return { request: { title: fields.title, issue: fields.issue, rules: fields.rules, proposal: fields.proposal, effects: fields.effects, relatedClusterNos: numbers } };
}

const TEXTS: readonly { key: 'issue' | 'rules' | 'proposal' | 'effects'; label: string; hint: string; rows: string }[] = [
  { key: 'issue', label: '課題', hint: 'どの制度・規程・慣行の、どこが問題か。', rows: 'min-h-32' },
  { key: 'rules', label: '対象の制度・規程', hint: '規則・要綱などの名称と条項。', rows: 'min-h-16' },
  { key: 'proposal', label: '提案内容', hint: 'どう変えるか。', rows: 'min-h-32' },
  { key: 'effects', label: '期待される効果', hint: '件数・時間・費用など、できれば数字で。', rows: 'min-h-24' },
];

/**
 * 件名, 課題, 対象の制度・規程, 提案内容, 期待される効果 and the related clusters, each with the API's
 * own words beside it when it finds fault. Saving needs a title; submitting also needs 課題 or 提案内容.
 */
export function ProposalForm({
  fiscalYear,
  idPrefix,
  fields,
  onChange,
  localProblems,
  problem,
}: {
  fiscalYear: number;
  idPrefix: string;
  fields: ProposalFields;
  onChange: (fields: ProposalFields) => void;
  localProblems: Partial<Record<keyof ProposalFields, string>>;
  problem: unknown;
}) {
  const fromApi = (field: string) => (isApiProblem(problem) ? problem.fieldProblems(field) : []);
  const problemsOf = (key: keyof ProposalFields, apiField: string = key) => [...(localProblems[key] ? [localProblems[key]] : []), ...fromApi(apiField)];
  const { numbers } = parseClusterNumbers(fields.clusters);
  const names = useClusterNames(fiscalYear, numbers);
  const field = (key: keyof ProposalFields) => `${idPrefix}-${key}`;
  const describedBy = (key: keyof ProposalFields, problems: readonly string[], hint = true) =>
    [hint ? `${field(key)}-hint` : null, problems.length > 0 ? `${field(key)}-problems` : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className="flex flex-col gap-4">
      <FieldBlock id={field('title')} label="件名" required problems={problemsOf('title')}>
        <input
          id={field('title')}
          className={textFieldClass(problemsOf('title').length > 0)}
          value={fields.title}
          maxLength={PROPOSAL_TITLE_MAX_LENGTH}
          aria-invalid={problemsOf('title').length > 0}
          aria-describedby={describedBy('title', problemsOf('title'), false)}
          onChange={(event) => onChange({ ...fields, title: event.target.value })}
        />
      </FieldBlock>
      {TEXTS.map((text) => {
        const problems = problemsOf(text.key);
        return (
          <FieldBlock key={text.key} id={field(text.key)} label={text.label} hint={text.hint} problems={problems}>
            <textarea
              id={field(text.key)}
              className={`${textFieldClass(problems.length > 0)} ${text.rows}`}
              value={fields[text.key]}
              maxLength={PROPOSAL_TEXT_MAX_LENGTH}
              aria-invalid={problems.length > 0}
              aria-describedby={describedBy(text.key, problems)}
              onChange={(event) => onChange({ ...fields, [text.key]: event.target.value })}
            />
          </FieldBlock>
        );
      })}
      <FieldBlock
        id={field('clusters')}
        label="関連する事業群（番号）"
        hint="進捗ボードの事業群の番号。複数あるときはカンマで区切ります（例：27, 31）。"
        problems={problemsOf('clusters', 'relatedClusterNos')}
      >
        <input
          id={field('clusters')}
          className={`${textFieldClass(problemsOf('clusters', 'relatedClusterNos').length > 0)} max-w-md`}
          value={fields.clusters}
          inputMode="numeric"
          aria-invalid={problemsOf('clusters', 'relatedClusterNos').length > 0}
          aria-describedby={describedBy('clusters', problemsOf('clusters', 'relatedClusterNos'))}
          onChange={(event) => onChange({ ...fields, clusters: event.target.value })}
        />
        {numbers.length > 0 && names.data && (
          <ul className="mt-1 text-std-16N-170 text-solid-gray-700" aria-label="入力した番号の事業群">
            {numbers.map((no) => (
              <li key={no}>
                No.{no} {names.data.get(no) ?? (names.isPlaceholderData ? '' : '（この番号の事業群は見つかりません）')}
              </li>
            ))}
          </ul>
        )}
      </FieldBlock>
    </div>
  );
}

function FieldBlock({ id, label, hint, required = false, problems, children }: { id: string; label: string; hint?: string; required?: boolean; problems: readonly string[]; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="text-std-16B-170">
        {label} {required && <span className="text-error-2">（必須）</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-std-16N-170 text-solid-gray-700">
          {hint}
        </p>
      )}
      {children}
      {problems.length > 0 && (
        <p id={`${id}-problems`} className="mt-1 text-std-16N-170 text-error-2">
          <span aria-hidden="true">⚠ </span>
          {problems.join('。')}
        </p>
      )}
    </div>
  );
}
