import { REFUSAL_REASONS, RefusalCode } from '@app/domain';
import { Response } from 'supertest';

const PROBLEM_MEMBERS = ['code', 'current', 'detail', 'fields', 'instance', 'status', 'title', 'type'];

/** Expects an RFC 9457 problem of the given status and reason code, and returns its body. */
export function expectProblem(response: Response, status: number, code: RefusalCode): Record<string, unknown> & { fields: { field: string; problems: string[] }[] } {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Object.keys(response.body).sort()).toEqual(PROBLEM_MEMBERS);
  expect(response.body).toMatchObject({ type: `urn:kitakyushu-reform:problem:${code}`, title: REFUSAL_REASONS[code].title, status });
  expect(response.body.detail).toEqual(expect.stringMatching(/\S/));
  expect(Array.isArray(response.body.fields)).toBe(true);
  return response.body;
}
