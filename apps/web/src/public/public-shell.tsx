import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The frame of a page open to anyone, without logging in: the city's name and the page, no menu of
 * the staff's screens and no call that needs a session.
 */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        本文へ移動
      </a>
      <header className="border-b border-solid-gray-420 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <p className="text-std-20B-150 text-solid-gray-900">北九州市 市政変革</p>
          <Link to="/login" className="text-std-16N-170 text-blue-1000 underline underline-offset-4">
            職員の方のログイン
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
