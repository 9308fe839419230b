#!/usr/bin/env node
// Entry point of every npm script. Plain JavaScript on purpose: it runs before dependencies exist.
// It installs them when missing or stale, compiles the TypeScript, then runs the requested command.
'use strict';

const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const installStamp = join(root, 'node_modules', '.reform-install-stamp');
const say = (line) => process.stdout.write(`${line}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function runOrExit(label, command, args) {
  const status = run(command, args);
  if (status !== 0) {
    process.stderr.write(`${label} failed (exit ${status})\n`);
    process.exit(status);
  }
}

function requireSupportedNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    process.stderr.write(`Node ${process.versions.node} is too old: install Node 20.19 or newer\n`);
    process.exit(1);
  }
}

const manifestHash = () =>
  createHash('sha256')
    .update(readFileSync(join(root, 'package.json')))
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex');

/**
 * Dependencies are (re)installed whenever package.json or the lock file changed since the last
 * install. `npm install` rather than `npm ci`: registry mirrors that serve only this platform's
 * optional binaries make `npm ci` reject a lock file that lists every platform's.
 */
function ensureDependencies() {
  if (existsSync(installStamp) && readFileSync(installStamp, 'utf8') === manifestHash()) return;
  say(existsSync(join(root, 'node_modules')) ? 'Dependencies changed: installing…' : 'Installing dependencies…');
  runOrExit('npm install', 'npm', ['install', '--no-audit', '--no-fund']);
  writeFileSync(installStamp, manifestHash());
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

/**
 * Compiles apps, libs, workflows and tools to dist/, bundles the workflows for the worker, and builds
 * the web app (apps/web, its own toolchain) to static files in dist/web that the API serves.
 */
function build() {
  runOrExit('compile', bin('swc'), ['apps', 'libs', 'workflows', 'tools', 'bench', '-d', 'dist', '--quiet', '--ignore', '**/*.spec.ts', '--ignore', 'apps/web/**']);
  runOrExit('workflow bundle', process.execPath, [join(root, 'dist/tools/build/bundle-workflows.js'), join(root, 'dist/workflow-bundle.js')]);
  runOrExit('web app', bin('vite'), ['build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn']);
}

const commands = {
  build() {
    build();
  },
  start() {
    build();
    require(join(root, 'dist/tools/launcher/main.js'));
  },
  test(args) {
    build();
    runOrExit('lint', bin('eslint'), ['--max-warnings=0', '.']);
    runOrExit('type-check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
    runOrExit('type-check web app', bin('tsc'), ['--noEmit', '-p', 'apps/web/tsconfig.json']);
    runOrExit('tests', bin('jest'), args);
  },
  'api-types'() {
    build();
    runOrExit('web API types', process.execPath, [join(root, 'dist/tools/build/web-api-types.js')]);
  },
  screenshots() {
    build();
    require(join(root, 'dist/tools/screenshots/main.js'));
  },
  fuzz(args) {
    build();
    // The same fuzz as in npm test, with many more requests per operation; FUZZ_RUNS and FUZZ_SEED still apply.
    process.env.FUZZ_RUNS ??= '1000';
    runOrExit('fuzz', bin('jest'), ['test/fuzz', ...args]);
  },
  bench(args) {
    build();
    process.argv = [process.argv[0], 'bench', ...args];
    require(join(root, 'dist/bench/main.js'));
  },
};

requireSupportedNode();
const [name, ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  process.stderr.write(`usage: node tools/bootstrap.js ${Object.keys(commands).join('|')} [args]\n`);
  process.exit(2);
}
ensureDependencies();
command(args);
