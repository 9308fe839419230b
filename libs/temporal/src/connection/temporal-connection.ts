import type { TemporalConnectionSettings } from '@app/config';
import { Client, Connection } from '@temporalio/client';
import { reformDataConverter } from '../data-converter/reform-data-converter';

/**
 * What both kinds of connection take, the client's (`Connection`) and the worker's (`NativeConnection`):
 * the address, and TLS (mTLS with a client certificate) when the settings ask for it.
 */
export function temporalConnectionOptions(settings: Pick<TemporalConnectionSettings, 'address' | 'tls'>): { address: string; tls?: NonNullable<TemporalConnectionSettings['tls']> } {
  return settings.tls ? { address: settings.address, tls: settings.tls } : { address: settings.address };
}

/** A client with the engine's data converter on a connection of its own; close it with `client.connection.close()`. */
export async function connectTemporalClient(settings: TemporalConnectionSettings): Promise<Client> {
  const connection = await Connection.connect(temporalConnectionOptions(settings));
  return new Client({ connection, namespace: settings.namespace, dataConverter: reformDataConverter(settings.payloadKeys) });
}
