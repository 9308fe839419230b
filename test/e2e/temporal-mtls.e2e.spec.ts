import { loadEnvironment, TemporalConnectionSettings, temporalConnectionSettings } from '@app/config';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS } from '../support/lifecycle-fixture';
import { hasOpenssl, MtlsProxy, PROXY_SERVER_NAME, startMtlsProxy } from '../support/mtls-proxy';
import { testTemporalAddress } from '../support/test-environment';
import { TEST_PAYLOAD_KEY_ENTRY } from '../support/test-temporal';

/**
 * TEMPORAL_TLS_* as a deployment sets them: the API's client and the worker's connection both reach
 * Temporal through a front that admits only clients with a certificate of its CA. The dev server has
 * no TLS of its own, so the front is a TLS proxy on loopback (certificates made with openssl).
 */
(hasOpenssl ? describe : describe.skip)('the API and the worker on Temporal over mTLS', () => {
  let proxy: MtlsProxy;
  let settings: TemporalConnectionSettings;
  let fx: LifecycleFixture;
  const no = 27;

  beforeAll(async () => {
    proxy = await startMtlsProxy(testTemporalAddress());
    settings = temporalConnectionSettings(
      loadEnvironment({
        TEMPORAL_ADDRESS: proxy.address,
        TEMPORAL_TLS_CLIENT_CERT_PATH: proxy.files.clientCert,
        TEMPORAL_TLS_CLIENT_KEY_PATH: proxy.files.clientKey,
        TEMPORAL_TLS_SERVER_CA_CERT_PATH: proxy.files.ca,
        TEMPORAL_TLS_SERVER_NAME: PROXY_SERVER_NAME,
        TEMPORAL_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_ENTRY,
      }),
    );
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.temporalTls, {}, { temporal: settings });
  });
  afterAll(async () => {
    await fx?.close();
    await proxy?.close();
  });

  it('runs an analysis: the API starts and updates it, the worker records it, each over its certificate', async () => {
    await fx.assignCluster(no);
    // Answers once the worker has written the kickoff to the read model.
    await fx.kickoff(no);
    const report = `${fx.base(no)}/reports/interim`;
    await fx.as('staff').put(report, { title: '経過報告', body: '本文' }).expect(200);
    await fx.as('staff').post(`${report}/submit`).expect(200);
    await fx.as('manager').post(`${report}/approve`).expect(200);
    const detail = await fx.as('office').get(fx.base(no)).expect(200);
    expect(detail.body.reports.find((candidate: { kind: string }) => candidate.kind === 'interim').status).toBe('IN_APPROVAL');
    // The API's client, the worker's connection and the fixture's client: all through the front, all with the certificate.
    expect(proxy.clients.length).toBeGreaterThanOrEqual(3);
    expect(new Set(proxy.clients)).toEqual(new Set(['reform-worker']));
  });

  it('is closed to a client without a certificate, and to one that does not trust the CA', async () => {
    const ca = readFileSync(proxy.files.ca);
    const asks = (tls: object) => async () => {
      const connection = await Connection.connect({ address: proxy.address, tls, connectTimeout: 3_000 });
      try {
        await connection.workflowService.getSystemInfo({});
      } finally {
        await connection.close();
      }
    };
    await expect(asks({ serverNameOverride: PROXY_SERVER_NAME, serverRootCACertificate: ca })()).rejects.toThrow();
    await expect(asks({ serverNameOverride: PROXY_SERVER_NAME, clientCertPair: settings.tls!.clientCertPair })()).rejects.toThrow();
    await expect(NativeConnection.connect({ address: proxy.address, tls: { serverNameOverride: PROXY_SERVER_NAME, serverRootCACertificate: ca } })).rejects.toThrow();
  });
});
