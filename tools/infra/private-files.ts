import { chmodSync, closeSync, createWriteStream, mkdirSync, openSync, statSync, WriteStream } from 'node:fs';

/**
 * A folder only its owner can read. `traversable` lets other users pass through it (execute only,
 * no listing), for a server that runs as another user and keeps its own folder inside.
 */
export function privateFolder(path: string, options: { traversable?: boolean } = {}): string {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  restrictTo(path, options.traversable ? 0o711 : 0o700);
  return path;
}

/** A file only its owner can read, created empty when missing so that whoever opens it later keeps that. */
export function privateFile(path: string): string {
  closeSync(openSync(path, 'a', 0o600));
  restrictTo(path, 0o600);
  return path;
}

/** Appends to a log file only its owner can read. */
export function privateLog(path: string): WriteStream {
  return createWriteStream(privateFile(path), { flags: 'a' });
}

/** Gives group and others exactly the access in `mode` (the owner's stays); files made before this rule are tightened too. */
function restrictTo(path: string, mode: number): void {
  const current = statSync(path).mode & 0o7777;
  if ((current & 0o077) === (mode & 0o077)) return;
  try {
    chmodSync(path, (current & 0o7700) | (mode & 0o077));
  } catch (error) {
    throw new Error(`${path} cannot be made private to its owner (${error instanceof Error ? error.message : String(error)})`);
  }
}
