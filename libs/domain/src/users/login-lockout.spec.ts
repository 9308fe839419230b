import { FIRST_LOCKOUT_SECONDS, LOGIN_FAILURES_BEFORE_LOCKOUT, lockoutSeconds, MAX_LOCKOUT_SECONDS } from './login-lockout';

describe('login lockout', () => {
  it('lets a few mistakes pass without a lock', () => {
    for (let failures = 0; failures < LOGIN_FAILURES_BEFORE_LOCKOUT; failures++) expect(lockoutSeconds(failures)).toBe(0);
  });

  it('locks at the threshold and doubles the lock with every further failure, up to the ceiling', () => {
    const locks = [0, 1, 2, 3, 4, 5].map((extra) => lockoutSeconds(LOGIN_FAILURES_BEFORE_LOCKOUT + extra));
    expect(locks).toEqual([30, 60, 120, 240, 480, 900]);
    expect(locks[0]).toBe(FIRST_LOCKOUT_SECONDS);
    expect(lockoutSeconds(LOGIN_FAILURES_BEFORE_LOCKOUT + 1_000)).toBe(MAX_LOCKOUT_SECONDS);
  });

});
