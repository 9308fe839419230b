import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const apiSource = join(__dirname, '../../apps/api/src');

function controllers(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? controllers(join(dir, entry.name)) : entry.name.endsWith('.controller.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Controllers route, guard and document; a use case reaches the read model through its application service. */
describe('the API controllers', () => {
  const files = controllers(apiSource);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('import neither the persistence library nor an HTTP exception', () => {
    const offending = files.filter((file) => /from '(@app\/persistence|[./]+\/libs\/persistence[^']*)'|\b\w+Exception\b/.test(readFileSync(file, 'utf8')));
    expect(offending.map((file) => relative(apiSource, file))).toEqual([]);
  });
});
