import { loginPathReturningTo, safeReturnPath } from './return-path';

describe('the path to return to after login', () => {
  it('keeps a path of the app with its query', () => {
    expect(safeReturnPath('/fiscal-years/2024?bureau=kodomo')).toBe('/fiscal-years/2024?bureau=kodomo');
  });

  it.each([null, '', 'https://evil.example/', '//evil.example/', '/\\evil.example', '/login?next=/x'])('goes home instead of %p', (candidate) => {
    expect(safeReturnPath(candidate)).toBe('/');
  });

  it('round-trips through the login URL', () => {
    const login = new URL(loginPathReturningTo('/fiscal-years/2024/clusters/27?tab=interim'), 'http://localhost');
    expect(safeReturnPath(login.searchParams.get('next'))).toBe('/fiscal-years/2024/clusters/27?tab=interim');
  });
});
