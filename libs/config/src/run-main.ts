import { ConfigurationError } from './environment';

/**
 * Runs a process entry point: a configuration error ends it with one line naming the variable,
 * anything else with the error and a non-zero exit code.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(1);
  });
}
