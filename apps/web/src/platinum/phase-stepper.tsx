/** Where something stands on its path: done, current and still ahead, each said in words, not by colour alone. */
export function PhaseStepper<P extends string>({ label, path, labels, current }: { label: string; path: readonly P[]; labels: Readonly<Record<P, string>>; current: P }) {
  const at = path.indexOf(current);
  return (
    <nav aria-label={label} className="mt-4">
      <ol className="flex flex-wrap gap-2">
        {path.map((step, index) => {
          const state = index < at ? '済' : index === at ? '現在' : '未';
          const looks = index === at ? 'border-blue-900 bg-blue-900 text-white' : index < at ? 'border-blue-900 bg-blue-50 text-blue-1000' : 'border-solid-gray-420 bg-white text-solid-gray-700';
          return (
            <li key={step} aria-current={index === at ? 'step' : undefined} className={`flex items-center gap-2 rounded-8 border-2 px-3 py-1 text-std-16N-170 ${looks}`}>
              <span aria-hidden="true">{index < at ? '✓' : index === at ? '▶' : '○'}</span>
              <span className={index === at ? 'font-bold' : undefined}>{labels[step]}</span>
              <span>（{state}）</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
