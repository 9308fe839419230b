import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { descendants, isAlive, launch, launcherEnvironment, processOf, stopLeftoverLaunchers } from '../support/launcher-harness';

describe('npm start when a part keeps dying', () => {
  afterAll(stopLeftoverLaunchers);

  it('stops trying after the worker failed five times within five minutes, says why, and stops everything', async () => {
    const env = await launcherEnvironment();
    // A worker started again without its workflow bundle fails at once, every time.
    const bundle = join(env.DATA_DIR, '..', `${env.PORT}-workflow-bundle.js`);
    copyFileSync(join(__dirname, '../../dist/workflow-bundle.js'), bundle);
    const launched = await launch({ ...env, WORKFLOW_BUNDLE_PATH: bundle });
    const launcher = launched.child.pid!;
    const everything = descendants(launcher);
    rmSync(bundle);

    const printedBefore = launched.output.length;
    process.kill(processOf(launcher, /apps\/worker\/src\/main\.js/), 'SIGKILL');
    expect(await launched.exited).toBe(1);
    const printed = launched.output.slice(printedBefore);
    expect(printed.filter((line) => line.startsWith('The worker '))).toEqual([
      'The worker stopped unexpectedly (killed by SIGKILL): restarting it in 1 s',
      'The worker stopped unexpectedly (exit code 1): restarting it in 2 s',
      'The worker stopped unexpectedly (exit code 1): restarting it in 4 s',
      'The worker stopped unexpectedly (exit code 1): restarting it in 8 s',
      `The worker failed 5 times within 5 minutes (last: stopped unexpectedly (exit code 1)); stopping everything. Last lines of ${join(env.DATA_DIR, 'logs', 'worker.log')}:`,
    ]);
    // The worker's own last words say what is wrong.
    expect(printed.join('\n')).toContain(bundle);
    expect(printed.slice(-2)).toEqual(['Stopping…', 'Stopped.']);
    expect(everything.filter(isAlive)).toEqual([]);
  }, 100_000);

  it('stops everything when PostgreSQL cannot come back, saying why', async () => {
    const env = await launcherEnvironment();
    const launched = await launch(env);
    const launcher = launched.child.pid!;
    const everything = descendants(launcher);

    const printedBefore = launched.output.length;
    const cluster = join(env.DATA_DIR, 'postgres', 'cluster');
    process.kill(processOf(launcher, /\/bin\/postgres -D /), 'SIGKILL');
    renameSync(cluster, `${cluster}-moved`);
    expect(await launched.exited).toBe(1);
    const missing = `did not start again (exit code 2: could not access directory "${cluster}": No such file or directory)`;
    expect(launched.output.slice(printedBefore).filter((line) => line.startsWith('PostgreSQL'))).toEqual([
      'PostgreSQL stopped unexpectedly (killed by SIGKILL): restarting it in 1 s',
      `PostgreSQL ${missing}: restarting it in 2 s`,
      `PostgreSQL ${missing}: restarting it in 4 s`,
      `PostgreSQL ${missing}: restarting it in 8 s`,
      `PostgreSQL failed 5 times within 5 minutes (last: ${missing}); giving up and stopping the servers`,
      'PostgreSQL and Temporal are gone (their host ended with exit code 1); stopping everything.',
    ]);
    expect(everything.filter(isAlive)).toEqual([]);
  }, 100_000);
});
