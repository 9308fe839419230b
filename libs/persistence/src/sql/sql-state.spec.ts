import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './sql-state';

describe('isDatabaseUnavailable', () => {
  const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a refused connection to each address tried', Object.assign(new AggregateError([withCode('ECONNREFUSED')], ''), {})],
    ['the server shutting down (57P01)', new QueryFailedError('SELECT 1', [], withCode('57P01', 'terminating connection due to administrator command'))],
    ['a connection exception (08006)', new QueryFailedError('SELECT 1', [], withCode('08006'))],
    ['the driver losing the connection', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a constraint violation (23505)', new QueryFailedError('INSERT', [], withCode('23505', 'duplicate key value'))],
    ['Temporal out of reach, whose message names a refused connection too', Object.assign(new Error('14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 127.0.0.1:7233'), { code: 14 })],
    ['a programming error', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('is false for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
