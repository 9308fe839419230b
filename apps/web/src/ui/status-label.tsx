/** A state told in words (and a symbol), never by colour alone. */
export function StatusLabel({ tone, children }: { tone: 'alert' | 'caution' | 'info'; children: string }) {
  const styles = {
    alert: 'border-error-2 bg-red-50 text-error-2',
    caution: 'border-yellow-1000 bg-yellow-50 text-yellow-1200',
    info: 'border-blue-900 bg-blue-50 text-blue-1000',
  }[tone];
  const symbol = { alert: '⚠', caution: '△', info: '●' }[tone];
  return (
    <span className={`inline-flex items-center gap-1 rounded-4 border px-2 text-std-16B-170 ${styles}`}>
      <span aria-hidden="true">{symbol}</span>
      {children}
    </span>
  );
}
