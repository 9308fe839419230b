import { clusterWorkflowId, PayloadEncryptionCodec } from '@app/temporal';
import { getClusterCase } from '@app/workflows';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { LifecycleFixture, startLifecycleFixture, TEST_FISCAL_YEARS, USERS } from '../support/lifecycle-fixture';
import { History } from '../support/history-recording';
import { testTemporalAddress } from '../support/test-environment';
import { TEST_PAYLOAD_KEYS } from '../support/test-temporal';

const RETURN_COMMENT = '差戻し：他都市比較の出典と算定根拠を明記してください';
const TITLE = '経過報告（ごみ収集運搬）';

/**
 * Temporal is not a side door: whoever reads the workflow histories from the server (its database, the
 * Web UI, a client without the engine's payload keys) finds neither the comments nor the names of the
 * people, while the engine itself reads them as before.
 */
describe('workflow payloads in Temporal', () => {
  let fx: LifecycleFixture;
  let plain: Client;
  const no = 27;
  const workflowId = () => clusterWorkflowId(fx.fiscalYear, no);

  beforeAll(async () => {
    fx = await startLifecycleFixture(TEST_FISCAL_YEARS.payloadEncryption);
    plain = new Client({ connection: await Connection.connect({ address: testTemporalAddress() }) });
    await fx.assignCluster(no);
    await fx.kickoff(no);
    const report = `${fx.base(no)}/reports/interim`;
    await fx.as('staff').put(report, { title: TITLE, body: '収集運搬の委託範囲を比較した。' }).expect(200);
    await fx.as('staff').post(`${report}/submit`).expect(200);
    await fx.as('manager').post(`${report}/approve`).expect(200);
    await fx.as('director').post(`${report}/return`, { comment: RETURN_COMMENT }).expect(200);
  });
  afterAll(async () => {
    await plain?.connection.close();
    await fx?.close();
  });

  it('keeps the return comment, the title and the names out of the history a client without the keys fetches', async () => {
    const history = await plain.workflow.getHandle(workflowId()).fetchHistory();
    const stored = Buffer.from(History.encode(history).finish());
    const secrets = [RETURN_COMMENT, TITLE, USERS.staff.displayName, USERS.manager.displayName, USERS.director.displayName, USERS.office.displayName];
    expect(secrets.filter((secret) => stored.includes(Buffer.from(secret)))).toEqual([]);

    // The comment did travel through the history: in the return Update's argument, sealed.
    const [argument] = returnUpdateArguments(history);
    expect(() => defaultPayloadConverter.fromPayload(argument)).toThrow(/encoding/i);
    const [opened] = await new PayloadEncryptionCodec(TEST_PAYLOAD_KEYS).decode([argument]);
    expect(defaultPayloadConverter.fromPayload(opened)).toMatchObject({ type: 'return', comment: RETURN_COMMENT, actor: { name: USERS.director.displayName } });
  });

  it('cannot answer a query for a client without the keys, while the engine reads the case and the read model as before', async () => {
    await expect(plain.workflow.getHandle(workflowId()).query(getClusterCase)).rejects.toThrow(/encoding/i);
    expect(JSON.stringify(await fx.workflowCase(no))).toContain(USERS.director.displayName);
    const detail = await fx.as('staff').get(fx.base(no)).expect(200);
    const interim = detail.body.reports.find((report: { kind: string }) => report.kind === 'interim');
    expect(interim).toMatchObject({ status: 'RETURNED', lastReturn: { comment: RETURN_COMMENT, by: { name: USERS.director.displayName } } });
  });
});

function returnUpdateArguments(history: temporal.api.history.v1.IHistory): Payload[] {
  const accepted = (history.events ?? [])
    .map((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input)
    .find((input) => input?.name === 'returnReport');
  if (!accepted) throw new Error('no accepted returnReport Update in the history');
  return accepted.args?.payloads ?? [];
}
