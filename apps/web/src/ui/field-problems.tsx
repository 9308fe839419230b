import { isApiProblem } from '../api/api-problem';

/** Marks a field's list of messages with the request field it is about, so a form's summary can lead to its control. */
export const PROBLEMS_OF_ATTRIBUTE = 'data-problems-of';

/**
 * A field's messages beside it; `id` is what the field's aria-describedby names, `field` the request
 * field (`deadlines.1.leadBusinessDays`) whose problems these are, when they come from the API.
 */
export function FieldMessages({ id, messages, field }: { id: string; messages: readonly string[]; field?: string }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} {...{ [PROBLEMS_OF_ATTRIBUTE]: field }} className="mt-1 text-std-16N-170 text-error-1">
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
  return <FieldMessages id={id} messages={apiFieldProblems(problem, field)} field={field} />;
}

export const apiFieldProblems = (problem: unknown, field: string): readonly string[] => (isApiProblem(problem) ? problem.fieldProblems(field) : []);

export const fieldHasProblem = (problem: unknown, field: string): boolean => apiFieldProblems(problem, field).length > 0;
