import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { CPU_CHECK_HASHES, cpuCheckMs } from './cpu-check';

/** One goal a row is judged by, e.g. "p50 ≤ 3 × floor (≤ 24.6 ms)", and whether the run met it. */
export interface Check {
  readonly goal: string;
  readonly met: boolean;
}

/**
 * One line of the table: what was measured, the figures this run got, the goals they are judged by
 * (none for a reference), and how it was measured. A row that could not be measured says why.
 */
export interface ResultRow {
  readonly id: string;
  readonly measurement: string;
  /** The figures, one per line; empty when the row was not measured. */
  readonly result: readonly string[];
  /** Shown when there is no check to show (a reference figure, or a row not measured). */
  readonly goal: string;
  readonly checks: readonly Check[];
  readonly notes: readonly string[];
  readonly notMeasured?: string;
}

export const ms = (value: number) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
export const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(milliseconds >= 10_000 ? 1 : 2)} s`;
export const count = (value: number) => value.toLocaleString('en-US');

/** The row of a measurement that failed or was left out, carrying the reason into the table's notes. */
export function notMeasured(id: string, measurement: string, goal: string, reason: string): ResultRow {
  return { id, measurement, result: [], goal, checks: [], notes: [], notMeasured: reason };
}

const MET = '✓';
const MISSED = '✗';

/**
 * The table: #, measurement, result, goal, met. Cells may span several lines; widths count East Asian
 * wide characters as two columns, so Japanese labels stay aligned in a terminal.
 */
export function resultsTable(rows: readonly ResultRow[]): string[] {
  const cells = rows.map((row) => {
    const goals = row.checks.length === 0 ? [row.goal] : row.checks.map((check) => (row.checks.length > 1 ? `${check.goal} ${check.met ? MET : MISSED}` : check.goal));
    const verdict = row.notMeasured ? '—' : row.checks.length === 0 ? '—' : row.checks.every((check) => check.met) ? `${MET} met` : `${MISSED} not met`;
    return [[row.id], wrap(row.measurement, 44), row.notMeasured ? ['not measured (see notes)'] : [...row.result], goals, [verdict]];
  });
  const header = ['#', 'measurement', 'result', 'goal', 'met'];
  const widths = header.map((title, column) => Math.max(displayWidth(title), ...cells.flatMap((cell) => cell[column].map(displayWidth))));
  const line = (parts: readonly string[]) => parts.map((part, column) => padEnd(part, widths[column])).join('  ').trimEnd();
  const rule = '─'.repeat(widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1));
  const body = cells.flatMap((cell, index) => {
    const height = Math.max(...cell.map((lines) => lines.length));
    const lines = Array.from({ length: height }, (_, lineIndex) => line(cell.map((lines) => lines[lineIndex] ?? '')));
    return index < cells.length - 1 ? [...lines, ''] : lines;
  });
  return [line(header), rule, ...body, rule];
}

/** Every row's notes and reasons, under its number. */
export function resultNotes(rows: readonly ResultRow[]): string[] {
  return rows.flatMap((row) => {
    const notes = row.notMeasured ? [`not measured: ${row.notMeasured}`, ...row.notes] : row.notes;
    return notes.map((note, index) => `${(index === 0 ? row.id : '').padStart(3)}  ${note}`);
  });
}

/** How busy and how fast the machine was when the run began: other work on a shared machine skews the numbers. */
export interface MachineAtStart {
  /** The 1-minute load average. */
  readonly load: number;
  /** `cpuCheckMs()`, before any server was started. */
  readonly cpuCheckMs: number;
}

export function machineDescription(atStart: MachineAtStart): string[] {
  const processors = cpus();
  return [
    `CPU      ${processors[0]?.model.trim() ?? 'unknown'}, ${processors.length} logical core(s)`,
    `Memory   ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node     ${process.version} (${platform()} ${release()} ${arch()})`,
    `Load     1-minute load average ${atStart.load.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end`,
    `Speed    ${CPU_CHECK_HASHES.toLocaleString('en-US')} SHA-256 hashes on one core took ${atStart.cpuCheckMs.toFixed(0)} ms at the start and ${cpuCheckMs().toFixed(0)} ms at the end (servers idle); compare two runs only at like speeds`,
  ];
}

/** Splits a label at spaces into lines of at most `width` columns. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && displayWidth(candidate) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  return current ? [...lines, current] : lines;
}

/** Columns a terminal gives the text: CJK, kana and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
