import { BureauRepository } from '@app/persistence';
import { DataSource } from 'typeorm';
import { useTestDataSource } from '../support/test-data-source';

/** The one paging helper, seen through a repository that uses it, on a real PostgreSQL. */
describe('paged listings', () => {
  const testbed = useTestDataSource();
  let dataSource: DataSource;
  let bureaus: BureauRepository;
  const codes = ['a-kyoku', 'b-kyoku', 'c-kyoku', 'd-kyoku', 'e-kyoku'];

  beforeAll(async () => {
    dataSource = testbed.dataSource;
    bureaus = new BureauRepository(dataSource);
    for (const code of [...codes].reverse()) await bureaus.create({ code, name: `${code}局` });
  });

  it('gives each page its rows in order, with the total of the whole listing', async () => {
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(await bureaus.list({ page, pageSize: 2 }));
    expect(pages.map((page) => page.items.map((bureau) => bureau.code))).toEqual([codes.slice(0, 2), codes.slice(2, 4), codes.slice(4)]);
    expect(pages.map(({ total, page, pageSize }) => ({ total, page, pageSize }))).toEqual([
      { total: 5, page: 1, pageSize: 2 },
      { total: 5, page: 2, pageSize: 2 },
      { total: 5, page: 3, pageSize: 2 },
    ]);
  });

  it('answers a page past the end with no rows and the same total', async () => {
    expect(await bureaus.list({ page: 4, pageSize: 2 })).toEqual({ items: [], total: 5, page: 4, pageSize: 2 });
  });
});
