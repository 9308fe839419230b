/**
 * The one way the engine says no. Every refusal, from the 決裁 rules, the persistence layer or the
 * API's input checks, carries a stable reason code a client can branch on, a Japanese message a
 * person can act on and, where they apply, the offending fields and the current state.
 */

/**
 * How a refusal is classed; the API maps each class to one HTTP status. `unavailable` and `internal`
 * are the engine's own trouble rather than a refusal of the request: only the API gives them.
 */
export type RefusalClass =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'too-large'
  | 'headers-too-large'
  | 'unsupported-media-type'
  | 'too-many-requests'
  | 'unprocessable'
  | 'unavailable'
  | 'internal';

interface ReasonDefinition {
  readonly class: RefusalClass;
  /** A short Japanese title, the same for every refusal with this code. */
  readonly title: string;
}

/**
 * Every reason code the engine gives, with its class and title. Codes are part of the API: add new
 * ones, never rename or reuse one.
 */
export const REFUSAL_REASONS = {
  'request.invalid': { class: 'invalid', title: '入力内容に誤りがあります' },
  'auth.required': { class: 'unauthenticated', title: 'ログインが必要です' },
  'auth.login-failed': { class: 'unauthenticated', title: 'ログインできませんでした' },
  'auth.locked': { class: 'too-many-requests', title: 'しばらくログインできません' },
  'request.rate-limited': { class: 'too-many-requests', title: '要求が多すぎます' },
  'access.denied': { class: 'forbidden', title: 'この操作の権限がありません' },
  'auth.csrf-header-missing': { class: 'forbidden', title: '画面からの操作であることを確認できません' },
  'route.unknown': { class: 'not-found', title: 'ページが見つかりません' },
  'request.too-large': { class: 'too-large', title: '要求の本文が大きすぎます' },
  'request.unsupported-media-type': { class: 'unsupported-media-type', title: '本文は JSON で送ってください' },
  'request.headers-too-large': { class: 'headers-too-large', title: '要求の URL またはヘッダーが長すぎます' },
  'idempotency.key-reused': { class: 'unprocessable', title: '同じ Idempotency-Key が別の要求に使われています' },
  'idempotency.key-invalid': { class: 'invalid', title: 'Idempotency-Key の形式に誤りがあります' },
  'idempotency.in-progress': { class: 'conflict', title: '同じ Idempotency-Key の要求を処理中です' },
  'temporal.unavailable': { class: 'unavailable', title: 'ワークフローサーバーに接続できません' },
  'database.unavailable': { class: 'unavailable', title: 'データベースに接続できません' },
  'service.unhealthy': { class: 'unavailable', title: 'サービスの一部が応答していません' },
  'server.error': { class: 'internal', title: 'サーバーで予期しないエラーが発生しました' },

  'fiscal-year.unknown': { class: 'not-found', title: '年度が登録されていません' },
  'fiscal-year.exists': { class: 'conflict', title: '年度は既に登録されています' },
  'cluster.unknown': { class: 'not-found', title: '事業群がありません' },
  'cluster.not-started': { class: 'conflict', title: '経営分析に着手していません' },
  'cluster.already-started': { class: 'conflict', title: '既に経営分析に着手しています' },
  'cluster.closed': { class: 'conflict', title: '経営分析は終了しています' },
  'cluster.no-owning-bureau': { class: 'conflict', title: '所管局が設定されていません' },
  'cluster.owning-bureau-unchanged': { class: 'conflict', title: '所管局は変わりません' },
  'lifecycle-settings.incomplete': { class: 'conflict', title: '報告書・決裁経路の設定が不完全です' },
  'lifecycle-settings.unknown': { class: 'not-found', title: '報告書・決裁経路は未設定です' },
  'calendar-settings.unknown': { class: 'not-found', title: '期限・督促の設定はまだありません' },
  'bureau.unknown': { class: 'invalid', title: '局が登録されていません' },
  'bureau.exists': { class: 'conflict', title: '局は既に登録されています' },

  'report-kind.unknown': { class: 'not-found', title: '報告書の種類がありません' },
  'report.stage-not-open': { class: 'conflict', title: '報告書はまだ、またはもう扱えない段階です' },
  'report.in-approval': { class: 'conflict', title: '報告書は決裁中です' },
  'report.approved': { class: 'conflict', title: '報告書は承認済みです' },
  'report.not-in-approval': { class: 'conflict', title: '報告書は決裁中ではありません' },
  'report.no-draft': { class: 'conflict', title: '下書きがありません' },
  'report.empty-draft': { class: 'conflict', title: '下書きの本文が空です' },
  'report.version-stale': { class: 'precondition-failed', title: '報告書は別の版に更新されています' },
  'report.version-unknown': { class: 'not-found', title: '報告書の版がありません' },
  'report.not-drafter': { class: 'forbidden', title: '所管局の担当職員だけが行えます' },
  'report.own-report': { class: 'forbidden', title: '自分が作成・提出した報告書は決裁できません' },
  'report.not-submitter': { class: 'forbidden', title: '提出者だけが引戻せます' },
  'report.already-decided': { class: 'conflict', title: '最初の決裁が済んだため引戻せません' },
  'step.not-yours': { class: 'forbidden', title: 'あなたはこの段階の決裁者ではありません' },
  'step.already-decided': { class: 'conflict', title: 'この段階の決裁は既に済んでいます' },
  'step.separation-of-duties': { class: 'forbidden', title: '一つの提出の二つの段階は同じ人が決裁できません' },
  'delegation.unchanged': { class: 'conflict', title: '代理は解除されません' },
  'report.text-restricted': { class: 'not-found', title: 'この報告書の本文・コメントは閲覧できません' },
  'delegate.invalid': { class: 'invalid', title: '代理決裁者にできない利用者です' },
  'document.in-approval': { class: 'conflict', title: '決裁中です' },
  'document.approved': { class: 'conflict', title: '承認済みです' },
  'document.not-in-approval': { class: 'conflict', title: '決裁中ではありません' },
  'document.no-draft': { class: 'conflict', title: '下書きがありません' },
  'document.empty-draft': { class: 'conflict', title: '下書きの本文が空です' },
  'document.version-stale': { class: 'precondition-failed', title: '別の版に更新されています' },
  'document.not-drafter': { class: 'forbidden', title: '作成・提出できる職員ではありません' },
  'document.own-document': { class: 'forbidden', title: '自分が作成・提出したものは決裁できません' },
  'document.not-submitter': { class: 'forbidden', title: '提出者だけが引戻せます' },
  'document.already-decided': { class: 'conflict', title: '最初の決裁が済んだため引戻せません' },
  'comment.required': { class: 'invalid', title: 'コメントが必要です' },
  'reform-office.only': { class: 'forbidden', title: '市政変革室だけが行えます' },

  'x-policy.unknown': { class: 'not-found', title: 'X方針はまだ始まっていません' },
  'x-policy.closed': { class: 'conflict', title: 'X方針は年度終了しています' },
  'x-policy.self-inspection-incomplete': { class: 'conflict', title: '自己点検が終わっていません' },
  'x-policy.no-issues': { class: 'conflict', title: '変革課題がありません' },
  'x-policy.not-published': { class: 'conflict', title: 'X方針はまだ公表されていません' },
  'x-policy.issue-unknown': { class: 'not-found', title: '公表された課題にありません' },
  'x-policy.progress-in-approval': { class: 'conflict', title: '前の進捗が決裁中です' },
  'x-policy-settings.unknown': { class: 'not-found', title: 'X方針の設定はまだありません' },
  'x-policy-settings.incomplete': { class: 'conflict', title: 'X方針の設定がないか不完全です' },

  'platinum.unknown': { class: 'not-found', title: 'プラチナ市役所プロジェクトはまだ始まっていません' },
  'platinum.closed': { class: 'conflict', title: 'プラチナ市役所プロジェクトは完了しています' },
  'platinum.not-formed': { class: 'conflict', title: 'PTはまだ結成されていません' },
  'platinum.already-formed': { class: 'conflict', title: 'PTは既に結成されています' },
  'platinum.not-member': { class: 'forbidden', title: 'PTのメンバーではありません' },
  'proposal.unknown': { class: 'not-found', title: '提案がありません' },
  'proposal.closed': { class: 'conflict', title: '提案は完了または取下げ済みです' },
  'proposal.not-submitted': { class: 'conflict', title: '提案はまだ提出されていません' },
  'proposal.not-assigned': { class: 'conflict', title: '制度所管局がまだ割り当てられていません' },
  'proposal.decision-started': { class: 'conflict', title: '制度所管局が結論の作成を始めています' },
  'proposal.no-decision': { class: 'conflict', title: '制度所管局の結論がまだ決まっていません' },
  'proposal.not-concerned': { class: 'forbidden', title: '関係局の局長だけが対応方針を述べられます' },

  'meeting.unknown': { class: 'not-found', title: 'X会議がありません' },
  'meeting.exists': { class: 'conflict', title: 'X会議は既にあります' },

  'user.unknown': { class: 'not-found', title: '利用者が登録されていません' },
  'user.username-taken': { class: 'conflict', title: 'ユーザー名は既に使われています' },
  'notification.unknown': { class: 'not-found', title: '通知が見つかりません' },
} as const satisfies Record<string, ReasonDefinition>;

export type RefusalCode = keyof typeof REFUSAL_REASONS;

export const REFUSAL_CODES = Object.keys(REFUSAL_REASONS) as RefusalCode[];

/** One field of a request and what is wrong with it, with its dotted path as the client sent it. */
export interface FieldProblem {
  readonly field: string;
  readonly problems: readonly string[];
}

/** Gathers problems under their fields in the order they are found, one entry per field. */
export function fieldProblemList(): { add(field: string, problem: string): void; readonly list: () => FieldProblem[] } {
  const byField = new Map<string, string[]>();
  return {
    add: (field, problem) => byField.set(field, [...(byField.get(field) ?? []), problem]),
    list: () => [...byField].map(([field, problems]) => ({ field, problems })),
  };
}

/** Several checks' problems as one list, one entry per field. */
export function mergeFieldProblems(...lists: readonly (readonly FieldProblem[])[]): FieldProblem[] {
  const merged = fieldProblemList();
  for (const { field, problems } of lists.flat()) for (const problem of problems) merged.add(field, problem);
  return merged.list();
}

export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  readonly fields?: readonly FieldProblem[];
  /** What the thing refused looks like now, so a client that lost a race can show it. */
  readonly current?: Readonly<Record<string, unknown>>;
  /** When asking again may succeed: sent as the Retry-After header, not in the body. */
  readonly retryAfterSeconds?: number;
}

export function refusal(code: RefusalCode, message: string, extra: Omit<Refusal, 'code' | 'message'> = {}): Refusal {
  return { code, message, ...extra };
}

export const refusalClassOf = (refusal: Refusal): RefusalClass => REFUSAL_REASONS[refusal.code].class;

/**
 * A refusal thrown across a boundary that has no return value for it (a repository, an input
 * check). Catch it only to translate it into a transport's form.
 */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';

  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

export const refused = (code: RefusalCode, message: string, extra: Omit<Refusal, 'code' | 'message'> = {}): RefusedError =>
  new RefusedError(refusal(code, message, extra));

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && typeof (value as Refusal).code === 'string' && (value as Refusal).code in REFUSAL_REASONS;

/** The Temporal failure type every refused Workflow Update carries; its first detail is the Refusal. */
export const REFUSED_FAILURE_TYPE = 'Refused';
