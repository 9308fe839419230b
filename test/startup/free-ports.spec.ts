import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { anyFreePort, startOnFreePorts } from '../../tools/infra/ports';

const listening = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolve(server));
  });
const closed = (server: Server) => new Promise((resolve) => server.close(resolve));
const addressInUse = (message: string) => message.includes('EADDRINUSE');

/** How npm start's servers get their ports when another process takes one between its check and the server's bind. */
describe('starting a server on free ports', () => {
  it('finds free ports below the range outgoing connections take theirs from, so no connection can take one later', async () => {
    const [ephemeralLow] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    const ports = await Promise.all(Array.from({ length: 20 }, () => anyFreePort()));
    expect(ports.filter((port) => port < 10_000 || port >= ephemeralLow)).toEqual([]);
    // Each can be listened on at once.
    await Promise.all(ports.filter((port, index) => ports.indexOf(port) === index).map(async (port) => closed(await listening(port))));
  });

  it('takes the preferred port on the first try, and another free one when the preferred was taken as it started', async () => {
    const preferred = await anyFreePort();
    const taker = await listening(preferred);
    const tries: boolean[] = [];
    const said: string[] = [];
    try {
      const server = await startOnFreePorts(
        async (firstTry) => {
          tries.push(firstTry);
          return listening(firstTry ? preferred : await anyFreePort());
        },
        addressInUse,
        (message) => said.push(message),
      );
      const port = (server.address() as { port: number }).port;
      await closed(server);
      expect(tries).toEqual([true, false]);
      expect(port).not.toBe(preferred);
      expect(said).toEqual([expect.stringContaining(`127.0.0.1:${preferred}`)]);
    } finally {
      await closed(taker);
    }
  });

  it('does not try again when the start failed for another reason', async () => {
    const tries: boolean[] = [];
    await expect(
      startOnFreePorts(
        async (firstTry) => {
          tries.push(firstTry);
          throw new Error('FATAL: data directory has wrong ownership');
        },
        addressInUse,
        () => {},
      ),
    ).rejects.toThrow('wrong ownership');
    expect(tries).toEqual([true]);
  });

  it('gives up after three tries with the last failure', async () => {
    const taker = await listening(await anyFreePort());
    const port = (taker.address() as { port: number }).port;
    const said: string[] = [];
    try {
      await expect(startOnFreePorts(() => listening(port), addressInUse, (message) => said.push(message))).rejects.toThrow('EADDRINUSE');
      expect(said).toHaveLength(2);
    } finally {
      await closed(taker);
    }
  });
});
