/**
 * Where a process stands on its path: each step done, current or still ahead, said in words and a
 * symbol as well as by colour.
 */
export function StepList({ label, steps, current }: { label: string; steps: readonly { key: string; label: string }[]; current: number }) {
  return (
    <nav aria-label={label} className="mt-4">
      <ol className="flex flex-wrap gap-2">
        {steps.map((step, index) => {
          const state = index < current ? '済' : index === current ? '現在' : '未';
          const looks =
            index === current ? 'border-blue-900 bg-blue-900 text-white' : index < current ? 'border-blue-900 bg-blue-50 text-blue-1000' : 'border-solid-gray-420 bg-white text-solid-gray-700';
          return (
            <li key={step.key} aria-current={index === current ? 'step' : undefined} className={`flex items-center gap-2 rounded-8 border-2 px-3 py-1 text-std-16N-170 ${looks}`}>
              <span aria-hidden="true">{index < current ? '✓' : index === current ? '▶' : '○'}</span>
              <span className={index === current ? 'font-bold' : undefined}>{step.label}</span>
              <span className="text-std-16N-170">（{state}）</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
