import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { Summary } from './statistics';

export type Row =
  | { readonly kind: 'section'; readonly title: string }
  | { readonly kind: 'single'; readonly label: string; readonly ms: number }
  | { readonly kind: 'summary'; readonly label: string; readonly summary: Summary }
  | { readonly kind: 'ratio'; readonly label: string; readonly of: Summary; readonly to: Summary };

const ms = (value: number) => `${value.toFixed(1)} ms`;
const times = (value: number) => `${value.toFixed(2)}×`;

/** The results as one aligned table: label, n, mean, p50, p95. */
export function resultsTable(rows: readonly Row[]): string[] {
  const cells: string[][] = rows.map((row) => {
    switch (row.kind) {
      case 'section':
        return [row.title];
      case 'single':
        return [`  ${row.label}`, '1', ms(row.ms), '', ''];
      case 'summary':
        return [`  ${row.label}`, String(row.summary.n), ms(row.summary.mean), ms(row.summary.p50), ms(row.summary.p95)];
      case 'ratio':
        return [`  ${row.label}`, '', times(row.of.mean / row.to.mean), times(row.of.p50 / row.to.p50), times(row.of.p95 / row.to.p95)];
    }
  });
  const header = ['measurement', 'n', 'mean', 'p50', 'p95'];
  const measured = cells.filter((line) => line.length > 1);
  const widths = header.map((title, column) => Math.max(title.length, ...measured.map((line) => line[column].length)));
  const format = (line: string[]) =>
    line.length === 1 ? line[0] : line.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('   ').trimEnd();
  const rule = '─'.repeat(widths.reduce((sum, width) => sum + width, 0) + 3 * (widths.length - 1));
  return [format(header), rule, ...cells.map(format), rule];
}

/** `loadAtStart` is the 1-minute load average when the run began: other work on the machine skews the numbers. */
export function machineDescription(loadAtStart: number): string[] {
  const processors = cpus();
  return [
    `CPU      ${processors[0]?.model.trim() ?? 'unknown'}, ${processors.length} logical core(s)`,
    `Memory   ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node     ${process.version} (${platform()} ${release()} ${arch()})`,
    `Load     1-minute load average ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end`,
  ];
}
