import { CLUSTER_NO_MAX, isBlank, SLUG_PATTERN } from '@app/domain';
import type { XPolicyIssue } from './x-policies.queries';

/** One issue as the editor holds it: the cluster numbers as typed, so a half-typed list is never changed under the typist. */
export interface IssueDraft {
  readonly id: string;
  readonly title: string;
  readonly response: string;
  readonly schedule: string;
  readonly clusterNos: string;
}

export const issueDraftOf = (issue: XPolicyIssue): IssueDraft => ({ ...issue, clusterNos: issue.clusterNos.join('、') });

/** The first of `prefix-1`, `prefix-2`, … not yet taken: new issues and items get an identifier nobody has to invent. */
export function nextFreeId(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.includes(id)) return id;
  }
}

/**
 * Cluster numbers as staff type them: 「22、27」「22, 27」「No.22 No.27」, full-width digits too.
 * `null` when something in the text is not a cluster number.
 */
export function parseClusterNos(text: string): number[] | null {
  const parts = text
    .normalize('NFKC')
    .split(/[,、\s]+/)
    .map((part) => part.replace(/^No\.?/i, ''))
    .filter(Boolean);
  const numbers = parts.map((part) => (/^\d{1,5}$/.test(part) ? Number(part) : NaN));
  if (numbers.some((no) => !Number.isInteger(no) || no < 1 || no > CLUSTER_NO_MAX)) return null;
  return [...new Set(numbers)];
}

/** What the editor can tell before sending, keyed by the field names the API uses (`issues.0.title`). */
export function issueDraftProblems(drafts: readonly IssueDraft[]): Map<string, string[]> {
  const problems = new Map<string, string[]>();
  const add = (field: string, problem: string) => problems.set(field, [...(problems.get(field) ?? []), problem]);
  drafts.forEach((draft, index) => {
    if (isBlank(draft.title)) add(`issues.${index}.title`, '課題を入力してください');
    if (!SLUG_PATTERN.test(draft.id)) add(`issues.${index}.id`, '識別子は英小文字で始め、英小文字・数字・ハイフンの40文字以内にしてください（例：issue-1）');
    else if (drafts.findIndex((other) => other.id === draft.id) !== index) add(`issues.${index}.id`, `識別子「${draft.id}」は別の課題で使われています`);
    if (parseClusterNos(draft.clusterNos) === null) add(`issues.${index}.clusterNos`, '事業群の番号を「、」で区切って入力してください（例：22、27）');
  });
  return problems;
}

/** The issues as the API takes them; call only once {@link issueDraftProblems} found nothing. */
export const issuesOf = (drafts: readonly IssueDraft[]): XPolicyIssue[] =>
  drafts.map((draft) => ({ id: draft.id, title: draft.title, response: draft.response, schedule: draft.schedule, clusterNos: parseClusterNos(draft.clusterNos) ?? [] }));

/** A kept draft still has this shape, or it is not one of ours. */
export function readIssueDrafts(stored: unknown): IssueDraft[] | null {
  if (!Array.isArray(stored)) return null;
  const fields: (keyof IssueDraft)[] = ['id', 'title', 'response', 'schedule', 'clusterNos'];
  return stored.every((entry) => typeof entry === 'object' && entry !== null && fields.every((field) => typeof (entry as Record<string, unknown>)[field] === 'string'))
    ? stored.map((entry: IssueDraft) => ({ id: entry.id, title: entry.title, response: entry.response, schedule: entry.schedule, clusterNos: entry.clusterNos }))
    : null;
}
