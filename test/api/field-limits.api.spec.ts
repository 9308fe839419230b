import { MEETING_NAME_MAX_LENGTH, REPORT_TITLE_MAX_LENGTH } from '@app/domain';
import { LifecycleFixture, startLifecycleFixture } from '../support/lifecycle-fixture';

/**
 * The API refuses with 400, naming the field, whatever the domain would refuse for a field's text:
 * both read the same limits, so no such request reaches a workflow to be refused in another shape.
 */
describe('field limits at the API', () => {
  let fx: LifecycleFixture;
  // Nothing here starts a workflow, so the seeded year serves without a fiscal year of its own.
  const fiscalYear = 2024;
  const draft = (no: number) => `/api/v1/fiscal-years/${fiscalYear}/clusters/${no}/reports/interim`;
  const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map(({ field }) => field);

  beforeAll(async () => {
    fx = await startLifecycleFixture(fiscalYear);
    await fx.assignCluster(27);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it.each([['   '], ['　'], ['\n\t']])('refuses a draft whose title is blank (%j)', async (title) => {
    const response = await fx.as('staff').put(draft(27), { title, body: '本文' }).expect(400);
    expect(fieldsOf(response.body)).toEqual(['title']);
  });

  it('refuses a title one character over the limit, and only that field', async () => {
    const response = await fx.as('staff').put(draft(27), { title: '題'.repeat(REPORT_TITLE_MAX_LENGTH + 1), body: '本文' }).expect(400);
    expect(fieldsOf(response.body)).toEqual(['title']);
  });

  it('refuses a meeting name of spaces or over the limit', async () => {
    const meeting = `/api/v1/fiscal-years/${fiscalYear}/meetings/x2`;
    for (const name of ['  ', '会'.repeat(MEETING_NAME_MAX_LENGTH + 1)]) {
      const response = await fx.as('office').patch(meeting, { name }).expect(400);
      expect(fieldsOf(response.body)).toEqual(['name']);
    }
  });

  it.each([2 ** 31, -1, 1e21])('refuses a year to copy from outside the supported years (%d) with 400 naming it', async (copyFrom) => {
    const response = await fx.as('office').post('/api/v1/fiscal-years', { fiscalYear: 2099, copyFrom }).expect(400);
    expect(fieldsOf(response.body)).toEqual(['copyFrom']);
  });

  it('refuses a return whose comment is blank', async () => {
    const response = await fx.as('manager').post(`${draft(27)}/return`, { comment: ' \n ' }).expect(400);
    expect(fieldsOf(response.body)).toEqual(['comment']);
  });
});
