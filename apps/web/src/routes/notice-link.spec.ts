import { noticePageOf } from './notice-link';

describe('the page a notification about a process opens', () => {
  it('is the bureau’s X policy page of that year', () => {
    expect(noticePageOf('/api/v1/fiscal-years/2026/x-policies/hoken-fukushi')).toEqual({ path: '/fiscal-years/2026/x-policies/hoken-fukushi', label: 'X方針のページを開く' });
  });

  it('is the Platinum proposal’s page', () => {
    expect(noticePageOf('/api/v1/fiscal-years/2026/platinum/proposals/3')).toEqual({ path: '/fiscal-years/2026/platinum/proposals/3', label: '提案のページを開く' });
  });

  it.each([
    null,
    '/api/v1/fiscal-years/2026/clusters/27',
    '/api/v1/fiscal-years/2026/x-policies/kankyo/history',
    '/api/v1/fiscal-years/2026/platinum/proposals/3/history',
    'https://evil.example/api/v1/fiscal-years/2026/x-policies/kankyo',
  ])('is none for %p', (link) => {
    expect(noticePageOf(link)).toBeNull();
  });
});
