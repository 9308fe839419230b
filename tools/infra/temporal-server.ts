import { TestWorkflowEnvironment } from '@temporalio/testing';
import { locateTemporalCli, sdkDownloadFolder } from './temporal-cli';
import { preferredOrFreePort } from './ports';

export interface TemporalServerRequest {
  /** External server; when set nothing is started. */
  readonly address?: string;
  readonly cliPath?: string;
  readonly namespace: string;
  /** SQLite file that keeps workflows across restarts; omit for an in-memory server (tests). */
  readonly dbFilename?: string;
  readonly preferredPort: number;
  /** Web UI port; omit for a headless server. */
  readonly preferredUiPort?: number;
}

export interface ProvidedTemporal {
  readonly address: string;
  readonly uiUrl: string | null;
  /** One line saying which server is used. */
  readonly description: string;
  stop(): Promise<void>;
}

/** Provides a Temporal server in the documented order of preference and says which one. */
export async function provideTemporal(request: TemporalServerRequest, say: (line: string) => void): Promise<ProvidedTemporal> {
  if (request.address) {
    return { address: request.address, uiUrl: null, description: `Temporal: external server at ${request.address} (TEMPORAL_ADDRESS)`, stop: async () => {} };
  }
  const cli = await locateTemporalCli(request.cliPath, say);
  const port = await preferredOrFreePort(request.preferredPort);
  const uiPort = request.preferredUiPort === undefined ? undefined : await preferredOrFreePort(request.preferredUiPort);
  const environment = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: cli ? { type: 'existing-path', path: cli.path } : { type: 'cached-download', downloadDir: sdkDownloadFolder() },
      ip: '127.0.0.1',
      port,
      namespace: request.namespace,
      ui: uiPort !== undefined,
      ...(uiPort !== undefined ? { uiPort } : {}),
      ...(request.dbFilename ? { dbFilename: request.dbFilename } : {}),
      extraArgs: ['--log-level', 'error'],
    },
  });
  const source = cli ? cli.description : 'Temporal CLI downloaded by the Temporal SDK';
  return {
    address: environment.address,
    uiUrl: uiPort !== undefined ? `http://127.0.0.1:${uiPort}` : null,
    description: `Temporal: dev server on ${environment.address} — ${source}`,
    stop: () => environment.teardown(),
  };
}
