/** How much to fuzz and from where: `npm test` takes the defaults, `npm run fuzz` more runs, a reproduction a seed. */
export interface FuzzSettings {
  readonly seed: number;
  readonly runsPerOperation: number;
  /** One operation alone (`PUT /api/v1/fiscal-years/{fy}/clusters/{no}/reports/{kind}`), to reproduce its failure. */
  readonly only: string | null;
  /** fast-check's path to a counter-example: with the seed and the operation, replays just that request. */
  readonly path: string | null;
}

export const DEFAULT_RUNS_PER_OPERATION = 60;

function integerSetting(environment: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = environment[name];
  if (text === undefined || text === '') return fallback;
  if (!/^-?\d+$/.test(text)) throw new Error(`${name} must be a whole number, not "${text}"`);
  return Number(text);
}

export function fuzzSettings(environment: NodeJS.ProcessEnv = process.env): FuzzSettings {
  return {
    seed: integerSetting(environment, 'FUZZ_SEED', (Date.now() ^ Math.floor(Math.random() * 2 ** 31)) | 0),
    runsPerOperation: integerSetting(environment, 'FUZZ_RUNS', DEFAULT_RUNS_PER_OPERATION),
    only: environment.FUZZ_ONLY || null,
    path: environment.FUZZ_PATH || null,
  };
}

/** Each operation's own seed, so that one operation replays alike whether or not the others run before it. */
export function operationSeed(seed: number, operationKey: string): number {
  let hash = 0x811c9dc5;
  for (const character of operationKey) hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193);
  return (seed ^ hash) | 0;
}

/** The command that runs the same requests again. */
export function reproduction(settings: FuzzSettings, operationKey: string, path: string | null): string {
  const replay = path ? ` FUZZ_PATH=${path}` : '';
  return `FUZZ_SEED=${settings.seed} FUZZ_ONLY='${operationKey}'${replay} npx jest test/fuzz`;
}
