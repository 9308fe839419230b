import { isApiProblem } from '../api/api-problem';
import { SECONDARY_BUTTON } from './button-styles';

/** The API's own explanation, in its words, with a way to try again where that can help. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const detail = isApiProblem(error) ? error.problem.detail : '予期しないエラーが発生しました。画面を再読み込みしてください';
  const title = isApiProblem(error) ? error.problem.title : 'エラー';
  return (
    <div role="alert" className="m-4 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170">
      <p className="font-bold">
        <span aria-hidden="true">⚠ </span>
        {title}
      </p>
      <p>{detail}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} className={`mt-2 ${SECONDARY_BUTTON}`}>
          再読み込み
        </button>
      )}
    </div>
  );
}
