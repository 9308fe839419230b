import { createServer } from 'node:net';

/** True when nothing listens on the port on the loopback interface. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the operating system reports free right now. */
export function anyFreePort(host = '127.0.0.1'): Promise<number> {
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
