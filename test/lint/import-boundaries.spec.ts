import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

const BOUNDARY_RULES = ['reform/import-boundaries', 'no-restricted-imports'];

/** Lints a file that exists only in this test, at a path of the tree, and returns which import rules it breaks. */
function brokenRules(filePath: string, code: string): string[] {
  const result = spawnSync(join(root, 'node_modules/.bin/eslint'), ['--format', 'json', '--stdin', '--stdin-filename', filePath], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return report.messages.flatMap((message) => (message.ruleId && BOUNDARY_RULES.includes(message.ruleId) ? [message.ruleId] : []));
}

const importing = (source: string) => `import { used } from '${source}';\nexport const again = used;\n`;

/** Apps share code through libs only; libs never reach into apps; controllers never touch repositories. */
describe('the import boundaries between apps and libs', () => {
  it.each([
    ['apps/setup/src/example.ts', '../../api/src/auth/example'],
    ['apps/api/src/deep/er/example.ts', '../../../../worker/src/notifications/example'],
    ['apps/worker/src/example.ts', '../../../apps/setup/src/example'],
    ['libs/persistence/src/example.ts', '../../../apps/api/src/example'],
    ['libs/domain/src/calendar/example.ts', '../../../../apps/worker/src/example'],
  ])('refuses %s importing %s', (file, source) => {
    expect(brokenRules(file, importing(source))).toContain('reform/import-boundaries');
  });

  it.each([
    ['apps/api/src/lifecycle/example.ts', '../auth/example'],
    ['apps/worker/src/example.ts', '@app/config'],
    ['apps/setup/src/example.ts', '@app/security'],
    ['apps/api/src/meetings/example.ts', '@app/workflows'],
    ['libs/persistence/src/example.ts', '@app/domain'],
  ])('allows %s importing %s', (file, source) => {
    expect(brokenRules(file, importing(source))).toEqual([]);
  });

  it.each([['@app/persistence'], ['../../../../libs/persistence/src/repositories/example']])('refuses a controller importing %s', (source) => {
    expect(brokenRules('apps/api/src/lifecycle/example.controller.ts', importing(source))).toEqual(['no-restricted-imports']);
  });

  it('lets a service use persistence', () => {
    expect(brokenRules('apps/api/src/lifecycle/example.service.ts', importing('@app/persistence'))).toEqual([]);
  });
});
