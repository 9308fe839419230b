import madge from 'madge';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/**
 * An import circle makes module load order decide what a file sees (an `undefined` enum at run time,
 * a workflow bundle that differs by entry point), so the source tree has none, type imports included.
 */
describe('the import graph of apps, libs and workflows', () => {
  it('has no circles', async () => {
    const graph = await madge(['apps', 'libs', 'workflows'], {
      baseDir: root,
      fileExtensions: ['ts'],
      tsConfig: join(root, 'tsconfig.json'),
      excludeRegExp: [/\.spec\.ts$/],
      detectiveOptions: { ts: { skipTypeImports: false } },
    });
    expect(graph.circular()).toEqual([]);
  });
});
