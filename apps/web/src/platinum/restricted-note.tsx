/** Said plainly to whoever may not read the drafts: what is withheld, and what is shown instead. */
export function RestrictedNote({ children }: { children: string }) {
  return (
    <p role="note" aria-label="閲覧の制限" className="mt-4 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4 text-std-16N-170">
      <span className="font-bold">下書きは表示されません。</span>
      {children}
    </p>
  );
}
