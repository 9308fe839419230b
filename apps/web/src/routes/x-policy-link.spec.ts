import { xPolicyPageOf } from './x-policy-link';

describe('the page a notification about an X policy opens', () => {
  it('is the bureau’s X policy page of that year', () => {
    expect(xPolicyPageOf('/api/v1/fiscal-years/2026/x-policies/hoken-fukushi')).toBe('/fiscal-years/2026/x-policies/hoken-fukushi');
  });

  it.each([null, '/api/v1/fiscal-years/2026/clusters/27', '/api/v1/fiscal-years/2026/x-policies/kankyo/history', 'https://evil.example/api/v1/fiscal-years/2026/x-policies/kankyo'])('is none for %p', (link) => {
    expect(xPolicyPageOf(link)).toBeNull();
  });
});
