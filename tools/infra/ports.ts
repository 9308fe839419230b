import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** True when nothing listens on the port on the loopback interface. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Where servers' ports are sought: above the well-known and registered ports most software takes. */
const LOWEST_SERVER_PORT = 10_000;
const RANDOM_TRIES = 50;

/**
 * A port free right now, outside the range the kernel hands outgoing connections their ports from:
 * one in that range can be taken by any process's connection between being found free and being
 * bound, or while its server restarts on it. Chosen at random, so processes seeking ports at once
 * seldom meet; when that range leaves no room below it, any port the kernel finds free.
 */
export async function anyFreePort(host = '127.0.0.1'): Promise<number> {
  const ephemeralLow = ephemeralPortsFrom();
  for (let attempt = 0; ephemeralLow - LOWEST_SERVER_PORT > RANDOM_TRIES && attempt < RANDOM_TRIES; attempt += 1) {
    const port = LOWEST_SERVER_PORT + Math.floor(Math.random() * (ephemeralLow - LOWEST_SERVER_PORT));
    if (await isPortFree(port, host)) return port;
  }
  return kernelChosenPort(host);
}

/** Where the kernel's range for outgoing connections' ports begins; Linux's default where it cannot be read. */
function ephemeralPortsFrom(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    if (Number.isInteger(low)) return low;
  } catch {
    // Not Linux, or /proc is not mounted.
  }
  return 32_768;
}

function kernelChosenPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The preferred port when it is free (stable URLs across restarts), otherwise any free one; 0 means any.
 * Never one of `taken`: ports found free one after another may be the same port, released in between.
 */
export async function preferredOrFreePort(preferred: number, taken: readonly number[] = []): Promise<number> {
  if (preferred > 0 && !taken.includes(preferred) && (await isPortFree(preferred))) return preferred;
  for (;;) {
    const port = await anyFreePort();
    if (!taken.includes(port)) return port;
  }
}

const PORT_ATTEMPTS = 3;

/**
 * Starts a server on ports found free, and again on other free ports when one was taken before the
 * server bound it (by any process's outgoing connection, say). `start` asks for its preferred ports on
 * the first try only: on a later one they may be the ones taken. `portTaken` reads the server's own
 * words for it from the error; `retrying` is told each time another try follows.
 */
export async function startOnFreePorts<T>(
  start: (firstTry: boolean) => Promise<T>,
  portTaken: (message: string) => boolean,
  retrying: (message: string) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start(attempt === 1);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= PORT_ATTEMPTS || !portTaken(message)) throw error;
      retrying(message);
    }
  }
}
