import { createHash } from 'node:crypto';

/** The fixed work: about a tenth of a second on one quiet core of a current server. */
export const CPU_CHECK_HASHES = 100_000;

/**
 * Milliseconds the same CPU work takes now on one core, the median of three tries. On a shared
 * machine the speed drifts: two runs' figures compare only when this compares too.
 */
export function cpuCheckMs(): number {
  const tries = [0, 1, 2].map(() => {
    const started = process.hrtime.bigint();
    let digest = Buffer.alloc(32);
    for (let index = 0; index < CPU_CHECK_HASHES; index += 1) digest = createHash('sha256').update(digest).digest();
    return Number(process.hrtime.bigint() - started) / 1e6;
  });
  return tries.sort((a, b) => a - b)[1];
}
