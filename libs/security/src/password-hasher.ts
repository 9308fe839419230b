import { Algorithm, hash, Options, verify } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's recommended parameters, written out rather than left to the library's
 * defaults, so an upgrade cannot weaken them. Stored hashes carry their own parameters, so raising
 * these later still verifies older hashes.
 */
export const PASSWORD_HASH_OPTIONS: Options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let unknownUserHash: Promise<string> | undefined;

/**
 * The same work as checking a real password, for a username no account has: the answer then takes
 * as long for unknown users as for known ones, and timing tells nothing about which exist.
 */
export async function verifyAgainstNoAccount(password: string): Promise<false> {
  unknownUserHash ??= hashPassword('no account has this password, it only costs the same time to check');
  await verifyPassword(await unknownUserHash, password);
  return false;
}
