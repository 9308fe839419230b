import { calendarWorkflowId } from '@app/temporal';
import fc from 'fast-check';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS, TestUserName } from '../support/lifecycle-fixture';
import { contractViolations, isDependencyOutage } from './answer-contract';
import { Answer, closeConnections, send } from './fuzz-http';
import { FuzzRequest, renderRequest } from './fuzz-request';
import { fuzzSettings, operationSeed, reproduction } from './fuzz-settings';
import { prepareWorld, PreparedWorld } from './fuzz-world';
import { Operation, operationsOf } from './openapi-operations';
import { requestsOf } from './request-arbitraries';

const settings = fuzzSettings();
const FISCAL_YEARS = [TEST_FISCAL_YEARS.fuzz, TEST_FISCAL_YEARS.fuzzCreated];

/** How many smaller requests fast-check tries on a failure before it reports the smallest it found. */
const MAX_SHRINKS = 200;

/**
 * Fuzzed after the rest: they move an analysis to another bureau, close it, change the year's report
 * kinds or end tokens, which would leave the report actions less to reach.
 */
const runsLast = (operation: Operation) => /^PATCH .*\/clusters\/\{no\}$|\/withdraw$|^PUT .*\/lifecycle-settings$|\/auth\/logout$|^DELETE \/api\/v1\/auth\/session$/.test(operation.key);

const shown = (answer: Answer) => `${answer.status} ${answer.headers['content-type'] ?? '(no Content-Type)'} ${answer.text.slice(0, 600)}`;

/**
 * Every operation the API documents, sent requests generated from its own schema by every role, another
 * bureau, nobody and forged credentials: valid-ish ones that reach the rules, and ones at and past every
 * limit. Acting requests change this file's fiscal years and database only.
 */
describe('the API under a property-based fuzz from its own OpenAPI document', () => {
  let fx: LifecycleFixture;
  let world: PreparedWorld;
  let operations: Operation[] = [];
  let origin: URL;

  beforeAll(async () => {
    process.stdout.write(`API fuzz: seed ${settings.seed}, ${settings.runsPerOperation} requests per operation (set FUZZ_SEED, FUZZ_RUNS to change)\n`);
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.fuzz);
    world = await prepareWorld(fx, TEST_FISCAL_YEARS.fuzzCreated);
    const document = (await request(fx.app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const all = operationsOf(document).filter((operation) => settings.only === null || operation.key === settings.only);
    operations = [...all.filter((operation) => !runsLast(operation)), ...all.filter(runsLast)];
    await fx.app.listen(0, '127.0.0.1');
    origin = new URL(`http://127.0.0.1:${(fx.app.getHttpServer().address() as AddressInfo).port}`);
  }, 120_000);

  afterAll(async () => {
    closeConnections();
    if (!fx) return;
    // The fuzz kicked analyses off on the shared Temporal server; nothing will drive them after this file.
    for (const year of FISCAL_YEARS) {
      for await (const workflow of fx.temporal.workflow.list({ query: `ReformFiscalYear = ${year} AND ExecutionStatus = 'Running'` })) {
        await fx.temporal.workflow.getHandle(workflow.workflowId).terminate('fuzz finished').catch(() => undefined);
      }
      await fx.temporal.workflow.getHandle(calendarWorkflowId(year)).terminate('fuzz finished').catch(() => undefined);
    }
    await fx.close();
  });

  const tokenOf = (who: string) => fx.tokens[who as TestUserName];

  const sendFuzzed = async (fuzzRequest: FuzzRequest): Promise<Answer> => {
    const endsTokens = world.endsTheCallersTokens.has(fuzzRequest.operation) && fuzzRequest.credential.who === world.disposableCaller;
    const disposable = endsTokens ? await world.freshDisposableToken() : null;
    try {
      return await send(origin, fuzzRequest, (who) => disposable ?? tokenOf(who));
    } catch (error) {
      throw new Error(`no answer: ${(error as Error).message}`);
    }
  };

  it(
    'answers every request without a 5xx, every error in the one problem shape with a documented code, every success as documented',
    async () => {
      expect(operations.length).toBeGreaterThan(0);
      const failures: string[] = [];
      const outages: string[] = [];
      const byStatus = new Map<number, number>();
      const succeeded = new Set<string>();
      let sent = 0;
      const started = performance.now();
      for (const operation of operations) {
        const property = fc.asyncProperty(fc.limitShrink(requestsOf(operation, world), MAX_SHRINKS), async (fuzzRequest) => {
          const answer = await sendFuzzed(fuzzRequest);
          sent += 1;
          byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
          if (answer.status < 300) succeeded.add(operation.key);
          if (isDependencyOutage(answer)) outages.push(`${renderRequest(fuzzRequest)}\n  answer  ${shown(answer)}`);
          const violations = contractViolations(operation, fuzzRequest, answer);
          if (violations.length > 0) throw new Error(`answer  ${shown(answer)}\n${violations.map((violation) => `  - ${violation}`).join('\n')}`);
        });
        const details = await fc.check(property, {
          seed: operationSeed(settings.seed, operation.key),
          numRuns: settings.runsPerOperation,
          ...(settings.path === null ? {} : { path: settings.path, endOnFailure: true }),
        });
        if (details.failed) {
          const counterexample = details.counterexample?.[0];
          failures.push(
            [
              `${operation.key}: failed at request ${details.numRuns} (shrunk ${details.numShrinks} times)`,
              counterexample ? renderRequest(counterexample) : '(no counter-example)',
              (details.errorInstance as Error | undefined)?.message ?? String(details.errorInstance),
              `reproduce: ${reproduction(settings, operation.key, details.counterexamplePath)}`,
            ].join('\n'),
          );
        }
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const statuses = [...byStatus.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ');
      const unreached = operations.filter((operation) => !succeeded.has(operation.key)).map((operation) => operation.key);
      process.stdout.write(
        `API fuzz: ${sent} requests to ${operations.length} operations in ${seconds} s (seed ${settings.seed}): ${statuses}\n` +
          (unreached.length > 0 ? `API fuzz: no request succeeded on ${unreached.length} operation(s): ${unreached.join(', ')}\n` : ''),
      );
      if (failures.length > 0) throw new Error(`${failures.length} operation(s) broke the contract (seed ${settings.seed}):\n\n${failures.join('\n\n')}`);
      // The servers were up throughout: a dependency outage here is a fault too.
      if (outages.length > 0) throw new Error(`${outages.length} answer(s) said a dependency was unavailable while every server was up:\n\n${outages.slice(0, 5).join('\n\n')}`);
    },
    60_000 + settings.runsPerOperation * 60 * 250,
  );
});
