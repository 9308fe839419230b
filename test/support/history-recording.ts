import { temporal } from '@temporalio/proto';
import { Client } from '@temporalio/client';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HISTORIES_DIR = join(__dirname, '..', 'workflows', 'histories');
export const History = temporal.api.history.v1.History;

/**
 * With RECORD_WORKFLOW_HISTORIES=1, keeps a workflow's history under test/workflows/histories as
 * `<name>.latest.history.bin` (protobuf binary: the exact bytes the server sent) for the replay test.
 */
export async function recordHistoryIfAsked(client: Client, workflowId: string, name: string): Promise<void> {
  if (process.env.RECORD_WORKFLOW_HISTORIES !== '1') return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  writeFileSync(join(HISTORIES_DIR, `${name}.latest.history.bin`), History.encode(history).finish());
}
