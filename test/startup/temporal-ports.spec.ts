import { anyFreePort } from '../../tools/infra/ports';
import { provideTemporal } from '../../tools/infra/temporal-server';

/** The embedded Temporal's ports, as npm start asks for them from its settings. */
describe('the embedded Temporal dev server given its ports', () => {
  it('starts with its Web UI on another port when both settings name the same one, at the first try', async () => {
    // Ports found free one after another can be the same port; the settings can name it twice.
    const port = await anyFreePort();
    const said: string[] = [];
    const temporal = await provideTemporal(
      { cliPath: process.env.TEMPORAL_CLI_PATH || undefined, namespace: 'default', preferredPort: port, preferredUiPort: port },
      { say: (line) => said.push(line), gaveUp: (reason) => said.push(reason) },
    );
    try {
      expect(temporal.address).toBe(`127.0.0.1:${port}`);
      expect(temporal.uiUrl).not.toBeNull();
      expect(new URL(temporal.uiUrl!).port).not.toBe(String(port));
      expect((await fetch(temporal.uiUrl!)).ok).toBe(true);
      expect(said.filter((line) => line.includes('was taken'))).toEqual([]);
    } finally {
      await temporal.stop();
    }
  }, 90_000);
});
