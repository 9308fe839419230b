import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** Runs the project's own ESLint as `npm test` does, on a file that exists only in this test. */
function restrictedImports(filePath: string, code: string): string[] {
  const result = spawnSync(join(root, 'node_modules/.bin/eslint'), ['--format', 'json', '--stdin', '--stdin-filename', filePath], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return report.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

/** Workflow code and the pure domain must not reach anything with I/O; lint stops it before run time. */
describe('the I/O fence around workflows/ and libs/domain', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';"],
    ["import { request } from 'http';"],
    ["import { Injectable } from '@nestjs/common';"],
    ["import { DataSource } from 'typeorm';"],
    ["import { Client } from '@temporalio/client';"],
    ["import { Worker } from '@temporalio/worker';"],
    ["import { Context } from '@temporalio/activity';"],
    ["import { CatalogueRepository } from '../../libs/persistence/src';"],
    ["import { TemporalClientModule } from '@app/temporal';"],
    ["import { hashPassword } from '@app/security';"],
    ["import { workflowBundlerOptions } from '../../libs/temporal/src/worker/workflow-bundle';"],
  ])('refuses %s in a workflow', (line) => {
    expect(restrictedImports('workflows/src/example.workflow.ts', `${line}\nexport const used = 1;\n`)).toHaveLength(1);
  });

  it('allows the workflow API, the domain and the Temporal contracts in a workflow, by the aliases everyone uses', () => {
    const code = [
      "import { proxyActivities } from '@temporalio/workflow';",
      "import { ClusterStage } from '@app/domain';",
      "import { clusterWorkflowId } from '@app/temporal/contracts';",
      'export const used = [proxyActivities, ClusterStage, clusterWorkflowId];',
      '',
    ].join('\n');
    expect(restrictedImports('workflows/src/example.workflow.ts', code)).toEqual([]);
  });

  it('keeps the domain free of Temporal as well', () => {
    expect(restrictedImports('libs/domain/src/example.ts', "import { sleep } from '@temporalio/workflow';\nexport const used = sleep;\n")).toHaveLength(1);
  });

  it('keeps the domain free of the workflows', () => {
    expect(restrictedImports('libs/domain/src/example.ts', "import { changeMeeting } from '@app/workflows';\nexport const used = changeMeeting;\n")).toHaveLength(1);
  });
});
