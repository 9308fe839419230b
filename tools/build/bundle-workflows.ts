/** Bundles the workflow code once, so workers start without webpack at run time. */
import { FAILURE_CONVERTER_PATH, workflowBundlerOptions, workflowSourceRoot } from '@app/temporal';
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export async function bundleWorkflows(outputPath: string): Promise<void> {
  const root = workflowSourceRoot(__dirname);
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(root, 'workflows', 'src'),
    ...workflowBundlerOptions(root),
    // Failures raised in workflows carry their texts encrypted, like those of the worker and the clients.
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: { trace: () => {}, debug: () => {}, info: () => {}, warn: console.warn, error: console.error, log: () => {} },
  });
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, code);
}

if (require.main === module) {
  const [outputPath] = process.argv.slice(2);
  bundleWorkflows(outputPath ?? 'dist/workflow-bundle.js').catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
