import { pageStatement } from './paging';

describe('pageStatement', () => {
  const rows = `SELECT code FROM bureaus WHERE name = $1 ORDER BY code`;

  it('binds LIMIT and OFFSET as the parameters after the listing’s own', () => {
    expect(pageStatement(rows, ['環境局'], { page: 1, pageSize: 20 })).toEqual({
      sql: `${rows} LIMIT $2 OFFSET $3`,
      params: ['環境局', 20, 0],
    });
  });

  it('numbers them from $1 when the listing has no parameters', () => {
    expect(pageStatement(`SELECT code FROM bureaus ORDER BY code`, [], { page: 1, pageSize: 5 }).sql).toBe(`SELECT code FROM bureaus ORDER BY code LIMIT $1 OFFSET $2`);
  });

  it('skips the rows of the earlier pages', () => {
    expect(pageStatement(rows, ['x'], { page: 3, pageSize: 50 }).params).toEqual(['x', 50, 100]);
  });

  it('leaves the caller’s parameters as they were', () => {
    const params = ['x'];
    pageStatement(rows, params, { page: 2, pageSize: 10 });
    expect(params).toEqual(['x']);
  });

  it.each([
    { page: 0, pageSize: 20 },
    { page: 1, pageSize: 0 },
    { page: 1.5, pageSize: 20 },
    { page: 1, pageSize: Number.NaN },
  ])('refuses %o rather than build a window that is not a page', (page) => {
    expect(() => pageStatement(rows, [], page)).toThrow(RangeError);
  });
});
