import { isApiProblem } from '../api/api-problem';

/** A field's messages beside it; `id` is what the field's aria-describedby names. */
export function FieldMessages({ id, messages }: { id: string; messages: readonly string[] }) {
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

/** The API's messages for one field, beside it. */
export function FieldProblems({ problem, field, id }: { problem: unknown; field: string; id: string }) {
  return <FieldMessages id={id} messages={apiFieldProblems(problem, field)} />;
}

export const apiFieldProblems = (problem: unknown, field: string): readonly string[] => (isApiProblem(problem) ? problem.fieldProblems(field) : []);

export const fieldHasProblem = (problem: unknown, field: string): boolean => apiFieldProblems(problem, field).length > 0;
