import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo, connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createServer, TLSSocket } from 'node:tls';

/** The certificates are made with the openssl command, found on most machines; without it the mTLS tests say so and are skipped. */
export const hasOpenssl = (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, 'openssl')));

/** The name the proxy's certificate is issued to; it is not the address clients dial, so they must name it. */
export const PROXY_SERVER_NAME = 'temporal.reform.test';

export interface MtlsProxy {
  /** host:port clients dial. */
  readonly address: string;
  /** PEM files: the CA that signed both certificates, and a client certificate with its key. */
  readonly files: { readonly ca: string; readonly clientCert: string; readonly clientKey: string };
  /** Common names of the client certificates of the connections the proxy let through. */
  readonly clients: string[];
  close(): Promise<void>;
}

/**
 * A TLS front for a plain-gRPC Temporal server, as a deployment puts one before its frontend: it
 * accepts only clients presenting a certificate of its own test CA (mTLS) and pipes the bytes on.
 */
export async function startMtlsProxy(target: string): Promise<MtlsProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'reform-mtls-'));
  const files = issueCertificates(dir);
  const [targetHost, targetPort] = splitAddress(target);
  const clients: string[] = [];
  const server = createServer(
    {
      key: readFileSync(join(dir, 'server.key')),
      cert: readFileSync(join(dir, 'server.pem')),
      ca: readFileSync(files.ca),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (socket: TLSSocket) => {
      clients.push(String(socket.getPeerCertificate().subject?.CN ?? ''));
      const upstream = connectTcp(targetPort, targetHost);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    },
  );
  // A client refused in the handshake is what the negative tests expect, not a fault of the proxy.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    files,
    clients,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function issueCertificates(dir: string): MtlsProxy['files'] {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...newKey, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=reform-test-ca', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const issue = (name: string, subject: string, extensions: string) => {
    writeFileSync(join(dir, `${name}.ext`), extensions);
    openssl('req', '-new', ...newKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  };
  issue('server', `/CN=${PROXY_SERVER_NAME}`, `subjectAltName=DNS:${PROXY_SERVER_NAME}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`);
  issue('client', '/CN=reform-worker', 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n');
  return { ca: join(dir, 'ca.pem'), clientCert: join(dir, 'client.pem'), clientKey: join(dir, 'client.key') };
}

function splitAddress(address: string): [string, number] {
  const colon = address.lastIndexOf(':');
  return [address.slice(0, colon), Number(address.slice(colon + 1))];
}
