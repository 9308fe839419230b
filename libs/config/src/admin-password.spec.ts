import { adminPasswordOf, DEVELOPMENT_ADMIN_PASSWORD } from './admin-password';

describe("the administrator's first password", () => {
  it('is the published one under npm start (development) when none is set', () => {
    expect(adminPasswordOf({ NODE_ENV: 'development' })).toEqual({ password: DEVELOPMENT_ADMIN_PASSWORD });
    expect(adminPasswordOf({ NODE_ENV: 'development', ADMIN_PASSWORD: 'my-own-password' })).toEqual({ password: 'my-own-password' });
  });

  it.each([undefined, 'production', 'test'])('is required, and not the published one, when NODE_ENV is %s', (nodeEnv) => {
    expect(adminPasswordOf({ NODE_ENV: nodeEnv })).toEqual({ refusal: expect.stringMatching(/ADMIN_PASSWORD is unset/) });
    expect(adminPasswordOf({ NODE_ENV: nodeEnv, ADMIN_PASSWORD: DEVELOPMENT_ADMIN_PASSWORD })).toEqual({ refusal: expect.stringMatching(/published development password/) });
    expect(adminPasswordOf({ NODE_ENV: nodeEnv, ADMIN_PASSWORD: 'a-password-of-our-own' })).toEqual({ password: 'a-password-of-our-own' });
  });
});
