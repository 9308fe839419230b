import { isApiProblem } from '../api/api-problem';

/** The API's messages for one field, beside it; `id` is what the field's aria-describedby names. */
export function FieldProblems({ problem, field, id }: { problem: unknown; field: string; id: string }) {
  const messages = isApiProblem(problem) ? problem.fieldProblems(field) : [];
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="mt-1 text-std-16N-170 text-error-1">
      {messages.map((message) => (
        <li key={message}>
          <span aria-hidden="true">⚠ </span>
          {message}
        </li>
      ))}
    </ul>
  );
}

export const fieldHasProblem = (problem: unknown, field: string): boolean => isApiProblem(problem) && problem.fieldProblems(field).length > 0;
