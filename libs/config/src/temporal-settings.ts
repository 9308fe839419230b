import { readFileSync } from 'node:fs';
import { ConfigurationError, Environment, requireSetting, temporalTlsRequested } from './environment';
import { currentPayloadKeyId, parsePayloadKeyList, PayloadKeys } from './payload-keys';

/** TLS to the Temporal frontend, in the shape Temporal's client and worker connections take it. */
export interface TemporalTls {
  /** The name the frontend's certificate is checked against, instead of the address's host. */
  readonly serverNameOverride?: string;
  /** Unset: the system's trusted CAs. */
  readonly serverRootCACertificate?: Buffer;
  /** mTLS: the certificate this process presents, with its private key. */
  readonly clientCertPair?: { readonly crt: Buffer; readonly key: Buffer };
}

/** How a process reaches Temporal and what it encrypts payloads with; the same for the API, the worker and set-up. */
export interface TemporalConnectionSettings {
  readonly address: string;
  readonly namespace: string;
  /** null: plain gRPC (the embedded dev server on loopback). */
  readonly tls: TemporalTls | null;
  readonly payloadKeys: PayloadKeys;
}

/** The connection settings of a process started on its own (not by `npm start`): Temporal's address and the payload keys are required. */
export function temporalConnectionSettings(environment: Environment): TemporalConnectionSettings {
  return {
    address: requireSetting(environment, 'TEMPORAL_ADDRESS'),
    namespace: environment.TEMPORAL_NAMESPACE,
    tls: temporalTlsOf(environment),
    payloadKeys: payloadKeysOf(environment),
  };
}

/** Reads the files TEMPORAL_TLS_* name (the environment's validation has checked that they can be read). */
export function temporalTlsOf(environment: Environment): TemporalTls | null {
  if (!temporalTlsRequested(environment)) return null;
  const { TEMPORAL_TLS_CLIENT_CERT_PATH: certPath, TEMPORAL_TLS_CLIENT_KEY_PATH: keyPath, TEMPORAL_TLS_SERVER_CA_CERT_PATH: caPath } = environment;
  return {
    ...(environment.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: environment.TEMPORAL_TLS_SERVER_NAME } : {}),
    ...(caPath ? { serverRootCACertificate: readFileSync(caPath) } : {}),
    ...(certPath && keyPath ? { clientCertPair: { crt: readFileSync(certPath), key: readFileSync(keyPath) } } : {}),
  };
}

export function payloadKeysOf(environment: Environment): PayloadKeys {
  if (environment.TEMPORAL_PAYLOAD_KEYS === undefined) {
    throw new ConfigurationError(
      'Missing environment variable TEMPORAL_PAYLOAD_KEYS: set it to id:base64key (for example reform-1:$(openssl rand -base64 32)), or start everything with "npm start"',
    );
  }
  return payloadKeysFrom(environment.TEMPORAL_PAYLOAD_KEYS, environment.TEMPORAL_PAYLOAD_KEY_ID);
}

/** The keys of a TEMPORAL_PAYLOAD_KEYS list and the current id (the only key's, when none is named). */
export function payloadKeysFrom(list: string, currentKeyId?: string): PayloadKeys {
  const parsed = parsePayloadKeyList(list);
  if ('problem' in parsed) throw new ConfigurationError(`Invalid environment variable TEMPORAL_PAYLOAD_KEYS=(hidden): ${parsed.problem}`);
  const current = currentPayloadKeyId(parsed.keys, currentKeyId);
  if ('problem' in current) throw new ConfigurationError(`Invalid environment variable TEMPORAL_PAYLOAD_KEY_ID=${JSON.stringify(currentKeyId ?? '')}: ${current.problem}`);
  return { currentKeyId: current.id, keys: parsed.keys };
}
