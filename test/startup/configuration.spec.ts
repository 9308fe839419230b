import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const dist = join(__dirname, '../../dist');

async function startWith(script: string, env: Record<string, string>) {
  try {
    await run(process.execPath, [join(dist, script)], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 });
    throw new Error('the process started although its configuration is wrong');
  } catch (error) {
    return error as { code: number; stderr: string; stdout: string };
  }
}

/** A wrong setting stops start-up with one line naming the variable, never a stack trace. */
describe('start-up with a wrong environment variable', () => {
  it.each([
    ['apps/api/src/main.js', { PORT: 'abc' }, /^Invalid environment variable PORT="abc": must be a port number \(1-65535\)$/],
    ['apps/worker/src/main.js', { TEMPORAL_ADDRESS: 'localhost' }, /^Invalid environment variable TEMPORAL_ADDRESS="localhost": must be host:port/],
    ['apps/api/src/main.js', { DATABASE_URL: 'mysql://u:secret@h/db' }, /^Invalid environment variable DATABASE_URL="mysql:\/\/u:\*\*\*@h\/db": must be a postgres:\/\/ URL$/],
    ['tools/launcher/main.js', { LOG_LEVEL: 'loud' }, /^Invalid environment variable LOG_LEVEL="loud"/],
    ['apps/api/src/main.js', {}, /^Missing environment variable DATABASE_URL/],
    ['apps/worker/src/main.js', { TEMPORAL_ADDRESS: '127.0.0.1:1' }, /^Missing environment variable TEMPORAL_PAYLOAD_KEYS: set it to id:base64key/],
    ['apps/setup/src/main.js', { DATABASE_URL: 'postgres://reform@127.0.0.1:1/reform', TEMPORAL_ADDRESS: '127.0.0.1:1' }, /^Missing environment variable TEMPORAL_PAYLOAD_KEYS/],
    ['apps/api/src/main.js', { TEMPORAL_PAYLOAD_KEYS: 'reform-1:c2hvcnQ=' }, /^Invalid environment variable TEMPORAL_PAYLOAD_KEYS=\(hidden\): key "reform-1" is 5 bytes; AES-256-GCM needs 32/],
    ['apps/worker/src/main.js', { TEMPORAL_ADDRESS: 'temporal.example.jp:7233', TEMPORAL_TLS_CLIENT_CERT_PATH: '/nonexistent/client.pem' }, /^Invalid environment variable TEMPORAL_TLS_CLIENT_CERT_PATH="\/nonexistent\/client.pem": cannot be read \(ENOENT\)/],
  ])('%s with %j', async (script, env, message) => {
    const failure = await startWith(script, env);
    expect(failure.code).toBe(1);
    const output = `${failure.stderr}${failure.stdout}`.trim();
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toMatch(message);
  });
});
