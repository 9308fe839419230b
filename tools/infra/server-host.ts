/**
 * Runs PostgreSQL and a Temporal server on behalf of a parent process (the launcher, the test
 * runner). The parent starts it in its own process group and talks over stdin/stdout: it prints one
 * `READY {json}` line, obeys `stop postgres` / `stop temporal` / `stop`, and stops everything when
 * stdin closes, so even a parent killed outright leaves no server behind. A server that dies is
 * started again (see `Supervisor`); one that keeps dying ends the host with exit code 1, after it
 * said why on stderr.
 */
import { createInterface } from 'node:readline';
import { EmbeddedPostgresRequest, ProvidedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { provideTemporal, ProvidedTemporal, TemporalServerRequest } from './temporal-server';

export interface ServerHostRequest {
  /** Omitted when the parent uses an external PostgreSQL. */
  readonly postgres?: EmbeddedPostgresRequest;
  readonly temporal: TemporalServerRequest;
}

export interface ServerHostReady {
  readonly databaseUrl: string | null;
  readonly temporalAddress: string;
  readonly temporalUiUrl: string | null;
  /** One line per server saying which one is used. */
  readonly descriptions: string[];
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '') as ServerHostRequest;
  // A parent killed outright takes the other ends of these pipes with it: writing then fails, and
  // that must not end the host before it has stopped its servers.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const servers: { postgres?: ProvidedPostgres; temporal?: ProvidedTemporal } = {};
  let stopping: Promise<void> | undefined;
  const stop = async (name: 'postgres' | 'temporal') => {
    const server = servers[name];
    if (!server) return;
    delete servers[name];
    await server.stop();
    process.stdout.write(`STOPPED ${name}\n`);
  };
  const events = {
    say,
    gaveUp: (reason: string) => {
      say(`${reason}; giving up and stopping the servers`);
      void stopAll(1);
    },
  };
  // Whatever started is kept in `servers` before anyone can ask to stop, so a stop during start-up waits and stops it.
  const starting = Promise.allSettled([request.postgres ? startEmbeddedPostgres(request.postgres, events) : undefined, provideTemporal(request.temporal, events)]).then(
    ([postgres, temporal]) => {
      if (postgres.status === 'fulfilled') servers.postgres = postgres.value;
      if (temporal.status === 'fulfilled') servers.temporal = temporal.value;
      return [postgres, temporal] as const;
    },
  );
  const stopAll = (exitCode = 0) => (stopping ??= starting.then(() => Promise.all([stop('postgres'), stop('temporal')])).then(() => process.exit(exitCode)));
  const commands = createInterface({ input: process.stdin });
  commands.on('line', (line) => {
    const [verb, name] = line.trim().split(/\s+/);
    if (verb !== 'stop') return;
    if (name === 'postgres' || name === 'temporal') void stop(name);
    else void stopAll();
  });
  commands.on('close', () => void stopAll());

  const [postgres, temporal] = await starting;
  if (stopping) return;
  if (postgres.status === 'rejected' || temporal.status === 'rejected') {
    const failure: unknown = postgres.status === 'rejected' ? postgres.reason : (temporal as PromiseRejectedResult).reason;
    say(failure instanceof Error ? failure.message : String(failure));
    return void stopAll(1);
  }
  const ready: ServerHostReady = {
    databaseUrl: servers.postgres?.url ?? null,
    temporalAddress: temporal.value.address,
    temporalUiUrl: temporal.value.uiUrl,
    descriptions: [...(servers.postgres ? [servers.postgres.description] : []), temporal.value.description],
  };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
