import { workflowImportAliases } from '@app/temporal';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

/** tsconfig's paths are the aliases; the compilers and the workflow bundle must resolve them alike. */
describe('the import aliases', () => {
  const paths = json('tsconfig.json').compilerOptions.paths as Record<string, string[]>;

  it('are the same for swc, which compiles dist/, as for tsc', () => {
    expect(json('.swcrc').jsc.paths).toEqual(paths);
  });

  it('resolve in the workflow bundle to the same sources, for the sandbox-safe libraries only', () => {
    const bundled = Object.entries(workflowImportAliases(root)).map(([alias, target]) => [alias.replace(/\$$/, ''), target]);
    expect(bundled.map(([alias]) => alias).sort()).toEqual(['@app/domain', '@app/temporal/contracts']);
    for (const [alias, target] of bundled) expect(target).toBe(join(root, paths[alias][0], 'index.ts'));
  });
});
