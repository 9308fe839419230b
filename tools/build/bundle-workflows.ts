/** Bundles the workflow code once, so workers start without webpack at run time. */
import { bundleWorkflowCode } from '@temporalio/worker';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export async function bundleWorkflows(outputPath: string): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: workflowSources(),
    logger: { trace: () => {}, debug: () => {}, info: () => {}, warn: console.warn, error: console.error, log: () => {} },
  });
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, code);
}

/** The TypeScript sources, found from either the source tree or dist/. */
function workflowSources(): string {
  for (let directory = __dirname; directory !== dirname(directory); directory = dirname(directory)) {
    const candidate = join(directory, 'workflows', 'src', 'index.ts');
    if (existsSync(candidate)) return dirname(candidate);
  }
  throw new Error('workflows/src not found above ' + __dirname);
}

if (require.main === module) {
  const [outputPath] = process.argv.slice(2);
  bundleWorkflows(outputPath ?? 'dist/workflow-bundle.js').catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
