import { readdirSync, readFileSync } from 'node:fs';

/** The parts of the system whose CPU a row is told apart by; each is one or more of this process's descendants. */
export const CPU_PARTS = ['the Temporal dev server', 'the worker', 'the API', 'PostgreSQL', 'the benchmark itself'] as const;
export type CpuPart = (typeof CPU_PARTS)[number];

/** CPU time each part had used (ms), and the machine's busy and total time, at one moment. */
export interface CpuSnapshot {
  readonly parts: ReadonlyMap<CpuPart, number>;
  readonly machineBusyMs: number;
  readonly machineTotalMs: number;
}

/** Linux counts process CPU in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on. */
const MS_PER_TICK = 10;

interface ProcessStat {
  readonly pid: number;
  readonly ppid: number;
  readonly comm: string;
  /** utime + stime, with cutime + cstime: a PostgreSQL backend that ended counts in the server that reaped it. */
  readonly cpuMs: number;
}

/**
 * What each part of the system has used of the CPU until now, read from /proc: every process that
 * descends from this one (the server host's PostgreSQL and dev server, the worker, the API) and this
 * one. Null where there is no /proc (not Linux).
 */
export function cpuSnapshot(): CpuSnapshot | null {
  let stats: ProcessStat[];
  let machine: { busy: number; total: number };
  try {
    stats = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .flatMap((pid) => {
        const stat = processStat(Number(pid));
        return stat ? [stat] : [];
      });
    machine = machineTicks();
  } catch {
    return null;
  }
  const children = new Map<number, ProcessStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const parts = new Map<CpuPart, number>(CPU_PARTS.map((part) => [part, 0]));
  const visit = (stat: ProcessStat) => {
    const part = partOf(stat);
    if (part) parts.set(part, parts.get(part)! + stat.cpuMs);
    for (const child of children.get(stat.pid) ?? []) visit(child);
  };
  const self = stats.find((stat) => stat.pid === process.pid);
  if (!self) return null;
  visit(self);
  return { parts, machineBusyMs: machine.busy * MS_PER_TICK, machineTotalMs: machine.total * MS_PER_TICK };
}

/** Each part's CPU per unit of work between two snapshots, and how busy the machine's cores were. */
export function cpuBetween(before: CpuSnapshot | null, after: CpuSnapshot | null, units: number, unit: string): string {
  if (!before || !after) return 'CPU per part: not measured (no /proc)';
  if (units === 0) return `CPU per part: not measured (no ${unit} finished)`;
  const each = CPU_PARTS.map((part) => `${part} ${((after.parts.get(part)! - before.parts.get(part)!) / units).toFixed(1)} ms`);
  const busy = (after.machineBusyMs - before.machineBusyMs) / (after.machineTotalMs - before.machineTotalMs);
  return `CPU per ${unit} (from /proc, user and system): ${each.join(', ')}; the machine's cores ${(busy * 100).toFixed(0)} % busy meanwhile`;
}

function partOf(stat: ProcessStat): CpuPart | null {
  if (stat.pid === process.pid) return 'the benchmark itself';
  if (stat.comm === 'temporal') return 'the Temporal dev server';
  if (stat.comm.startsWith('postgres')) return 'PostgreSQL';
  const command = commandLine(stat.pid);
  if (command.includes('apps/api/src/main.js')) return 'the API';
  if (command.includes('apps/worker/src/main.js')) return 'the worker';
  return null;
}

function processStat(pid: number): ProcessStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // ended while the list was read
  }
  // The command name is in parentheses and may itself hold spaces or parentheses: the fields follow the last ')'.
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  const ticks = (index: number) => Number(fields[index - 3]);
  return { pid, ppid: ticks(4), comm: text.slice(text.indexOf('(') + 1, close), cpuMs: (ticks(14) + ticks(15) + ticks(16) + ticks(17)) * MS_PER_TICK };
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** All cores together: ticks spent on anything but idle and I/O wait, and in all. */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  // user, nice, system, idle, iowait, irq, softirq, steal: the guest times after them are already in user and nice.
  const ticks = values.slice(0, 8).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: total - ticks[3] - ticks[4], total };
}
