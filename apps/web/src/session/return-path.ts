/** Where to go after logging in: only a path of this app, never another site (an open redirect). */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\') || candidate.startsWith('/login')) return '/';
  return candidate;
}

export const loginPathReturningTo = (path: string) => (path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
