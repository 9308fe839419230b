const CELL = 'border border-solid-gray-420 px-3 py-1 text-right tabular-nums';
const HEAD = 'border border-solid-gray-420 px-3 py-1 text-right';

/** One column of a counts table: a phase or an outcome and how many stand there. */
export interface CountColumn {
  readonly key: string | null;
  readonly label: string;
  readonly count: number;
}

/**
 * One row of counts, a column per phase or outcome and the total, headed by what is counted by
 * (段階別): scrolls sideways on a narrow screen rather than squeezing the numbers.
 */
export function CountsTable({ countedBy, caption, columns, testId }: { countedBy: string; caption: string; columns: readonly CountColumn[]; testId: string }) {
  const total = columns.reduce((sum, column) => sum + column.count, 0);
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${caption}の表（横にスクロールできます）`}>
      <table className="border-collapse text-std-16N-170" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="bg-solid-gray-50">
            <th scope="col" className="border border-solid-gray-420 px-3 py-1 text-left">
              {countedBy}
            </th>
            {columns.map((column) => (
              <th key={column.key ?? 'none'} scope="col" className={HEAD}>
                {column.label}
              </th>
            ))}
            <th scope="col" className={HEAD}>
              合計
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" className="border border-solid-gray-420 px-3 py-1 text-left font-normal">
              件数
            </th>
            {columns.map((column) => (
              <td key={column.key ?? 'none'} className={CELL}>
                {column.count}
              </td>
            ))}
            <td className={`${CELL} font-bold`}>{total}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
