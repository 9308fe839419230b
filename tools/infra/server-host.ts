/**
 * Runs PostgreSQL and a Temporal server on behalf of a parent process (the launcher, the test
 * runner). The parent starts it in its own process group and talks over stdin/stdout: it prints one
 * `READY {json}` line, obeys `stop postgres` / `stop temporal` / `stop`, and stops everything when
 * stdin closes, so even a parent killed outright leaves no server behind. `start postgres` / `start
 * temporal` brings a server stopped so back on the same port with the same data and answers `STARTED
 * <name>` (or `FAILED <name> <reason>`): a test decides how long an outage lasts. A server that dies
 * is started again (see `Supervisor`); one that keeps dying ends the host with exit code 1, after it
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
  /** How each server starts again where it first came up; known once both are up. */
  const restarts: { postgres?: () => Promise<ProvidedPostgres>; temporal?: () => Promise<ProvidedTemporal> } = {};
  const startAgain = async (name: 'postgres' | 'temporal') => {
    const answer = (line: string) => void process.stdout.write(`${line}\n`);
    if (servers[name]) return answer(`STARTED ${name}`);
    if (stopping || !restarts[name]) return answer(`FAILED ${name} ${stopping ? 'the servers are stopping' : 'it was not started here'}`);
    try {
      if (name === 'postgres') servers.postgres = await restarts.postgres!();
      else servers.temporal = await restarts.temporal!();
      if (stopping) await stop(name);
      answer(`STARTED ${name}`);
    } catch (error) {
      answer(`FAILED ${name} ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const commands = createInterface({ input: process.stdin });
  commands.on('line', (line) => {
    const [verb, name] = line.trim().split(/\s+/);
    if (verb === 'start' && (name === 'postgres' || name === 'temporal')) void startAgain(name);
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
  if (request.postgres && servers.postgres) {
    const { url } = servers.postgres;
    restarts.postgres = () => atSameAddress(startEmbeddedPostgres({ ...request.postgres!, preferredPort: portOf(url) }, events), (server) => server.url, url);
  }
  const { address, uiUrl } = temporal.value;
  restarts.temporal = () =>
    atSameAddress(
      provideTemporal({ ...request.temporal, preferredPort: portOf(`tcp://${address}`), preferredUiPort: uiUrl ? portOf(uiUrl) : undefined }, events),
      (server) => server.address,
      address,
    );
  const ready: ServerHostReady = {
    databaseUrl: servers.postgres?.url ?? null,
    temporalAddress: temporal.value.address,
    temporalUiUrl: temporal.value.uiUrl,
    descriptions: [...(servers.postgres ? [servers.postgres.description] : []), temporal.value.description],
  };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
}

const portOf = (url: string) => Number(new URL(url).port);

/** A server started again must be where its clients look for it: on another port it is stopped, and that is the failure. */
async function atSameAddress<S extends { stop(): Promise<void> }>(starting: Promise<S>, addressOf: (server: S) => string, expected: string): Promise<S> {
  const server = await starting;
  if (addressOf(server) === expected) return server;
  await server.stop();
  throw new Error(`its port is taken now (it came up at ${addressOf(server)}, not ${expected})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
