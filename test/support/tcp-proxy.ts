import { AddressInfo, createServer, Socket, connect as connectTcp } from 'node:net';

/** A plain TCP relay in front of a server, whose connections a test can freeze and cut. */
export interface TcpProxy {
  /** host:port clients dial. */
  readonly address: string;
  /** Stops relaying on every open connection, both ways: what either side sends now stays unread. */
  freeze(): void;
  /** Drops every open connection without relaying what is held; later connections are relayed as usual. */
  cut(): void;
  close(): Promise<void>;
}

/**
 * Relays bytes to `target` (host:port). Freezing the connections of one client (a worker) leaves its
 * requests unanswered and its answers undelivered while everyone else still reaches the server: the
 * way to keep a worker's report of a finished activity from arriving, then kill the worker.
 */
export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const colon = target.lastIndexOf(':');
  const [host, port] = [target.slice(0, colon), Number(target.slice(colon + 1))];
  const open = new Set<[Socket, Socket]>();
  const server = createServer((client) => {
    const upstream = connectTcp(port, host);
    const pair: [Socket, Socket] = [client, upstream];
    open.add(pair);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      open.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze: () => {
      for (const [client, upstream] of open) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    cut: () => {
      for (const [client, upstream] of open) {
        client.destroy();
        upstream.destroy();
      }
      open.clear();
    },
    close: async () => {
      for (const [client, upstream] of open) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
