import type { BundleOptions } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The aliases workflow code imports libraries by, as tsconfig names them. Only the sandbox-safe ones:
 * anything else a workflow imported by alias would fail the bundle instead of a workflow task.
 */
export function workflowImportAliases(root: string): Record<string, string> {
  return {
    '@app/domain$': join(root, 'libs/domain/src/index.ts'),
    '@app/temporal/contracts$': join(root, 'libs/temporal/src/contracts/index.ts'),
  };
}

/** The checkout holding the workflow sources, found from either the source tree or dist/. */
export function workflowSourceRoot(from: string = __dirname): string {
  for (let directory = from; directory !== dirname(directory); directory = dirname(directory)) {
    if (existsSync(join(directory, 'workflows', 'src', 'index.ts'))) return directory;
  }
  throw new Error('workflows/src not found above ' + from);
}

/**
 * Libraries a workflow uses that hold no state of their own: the worker evaluates them once for all
 * workflows instead of once for every workflow it starts or brings back into its cache (the holiday
 * table alone is 200 kB of code; the domain's fifty-odd modules took about a millisecond of each
 * kickoff). The domain library is pure: its only module-level state memoises pure functions, which
 * answer alike whichever workflow asked first, and its exports are frozen when shared.
 */
const STATELESS_LIBRARIES = ['@holiday-jp/holiday_jp', 'long', '@app/domain'];

/** Temporal's bundler ignores tsconfig `paths`, so its webpack configuration gets the same aliases. */
export function workflowBundlerOptions(root: string): Required<Pick<BundleOptions, 'webpackConfigHook' | 'preloadModules'>> {
  return {
    preloadModules: STATELESS_LIBRARIES,
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string | false> | undefined), ...workflowImportAliases(root) } },
    }),
  };
}
