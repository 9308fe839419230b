import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Browser, chromium } from 'playwright-core';

/**
 * What this closed network needs of Chromium: no sandbox (tests may run as root), and none of the
 * background connections to Google's hosts, which the network refuses. Playwright gives every
 * launch a fresh, empty profile of its own.
 */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ChromiumFound {
  readonly executablePath: string;
  readonly source: string;
}

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** `CHROMIUM_PATH`, else `chromium` on PATH, else the browser inside the npm package @sparticuz/chromium. */
export function findChromium(): ChromiumFound {
  const named = process.env.CHROMIUM_PATH;
  if (named) return { executablePath: named, source: 'CHROMIUM_PATH' };
  const onPath = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'chromium')).find(isExecutable);
  if (onPath) return { executablePath: onPath, source: 'chromium on PATH' };
  // The package is ESM only and extracts its browser on first use; a child process keeps that out of jest's module system.
  const extracted = execFileSync(process.execPath, ['--input-type=module', '-e', "import c from '@sparticuz/chromium'; process.stdout.write(await c.executablePath())"], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { executablePath: extracted.trim(), source: '@sparticuz/chromium' };
}

export async function launchChromium(): Promise<Browser> {
  const { executablePath } = findChromium();
  // The browser's own controls (a date field's 2049/06/10, its picker) follow the process's locale, not
  // the page's: Japanese, as a city employee's browser shows them, whatever this machine's LANG is.
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, env: { ...process.env, LANG: 'ja_JP.UTF-8' } });
}
