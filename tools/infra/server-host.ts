/**
 * Runs PostgreSQL and a Temporal server on behalf of a parent process (the launcher, the test
 * runner). The parent starts it in its own process group and talks over stdin/stdout: it prints one
 * `READY {json}` line, obeys `stop postgres` / `stop temporal` / `stop`, and stops everything when
 * stdin closes, so even a parent killed outright leaves no server behind.
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
  const stopAll = () => (stopping ??= Promise.all([stop('postgres'), stop('temporal')]).then(() => process.exit(0)));
  const commands = createInterface({ input: process.stdin });
  commands.on('line', (line) => {
    const [verb, name] = line.trim().split(/\s+/);
    if (verb !== 'stop') return;
    if (name === 'postgres' || name === 'temporal') void stop(name);
    else void stopAll();
  });
  commands.on('close', () => void stopAll());

  const [postgres, temporal] = await Promise.all([
    request.postgres ? startEmbeddedPostgres(request.postgres) : undefined,
    provideTemporal(request.temporal, say),
  ]);
  servers.postgres = postgres;
  servers.temporal = temporal;
  if (stopping) return void stopAll();
  const ready: ServerHostReady = {
    databaseUrl: postgres?.url ?? null,
    temporalAddress: temporal.address,
    temporalUiUrl: temporal.uiUrl,
    descriptions: [...(postgres ? [postgres.description] : []), temporal.description],
  };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
