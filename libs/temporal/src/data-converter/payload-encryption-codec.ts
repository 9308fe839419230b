import type { PayloadKeys } from '@app/config';
import { METADATA_ENCODING_KEY, Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The encoding of a payload this codec encrypted; anything else is passed through as written. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Metadata naming the key that encrypted a payload, so a rotated-out key can still decrypt it. */
export const ENCRYPTION_KEY_ID_KEY = 'encryption-key-id';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const ProtoPayload = temporal.api.common.v1.Payload;

/** A payload could not be decrypted: its key is not configured, or it was altered. */
export class PayloadDecryptionError extends Error {
  override name = 'PayloadDecryptionError';
}

/**
 * Encrypts every payload the processes hand Temporal (workflow and activity inputs and results,
 * Update arguments, queries, failures' encoded attributes) with AES-256-GCM: a fresh 12-byte nonce
 * per payload, the key id in the metadata and bound to the ciphertext as associated data. The whole
 * payload, metadata included, is sealed, so Temporal's history and the Web UI hold no names or texts.
 * Payloads written before encryption existed have no such encoding and decode as they are, so
 * running workflows and recorded histories stay readable.
 */
export class PayloadEncryptionCodec implements PayloadCodec {
  private readonly currentKey: Buffer;

  constructor(private readonly keys: PayloadKeys) {
    const current = keys.keys.get(keys.currentKeyId);
    if (!current) throw new Error(`the current payload key "${keys.currentKeyId}" is not among the keys`);
    this.currentKey = current;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (isEncrypted(payload) ? this.decrypt(payload) : payload));
  }

  private encrypt(payload: Payload): Payload {
    const keyId = this.keys.currentKeyId;
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.currentKey, nonce);
    cipher.setAAD(Buffer.from(keyId));
    const sealed = Buffer.concat([cipher.update(ProtoPayload.encode(payload).finish()), cipher.final()]);
    return {
      metadata: { [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING), [ENCRYPTION_KEY_ID_KEY]: Buffer.from(keyId) },
      data: Buffer.concat([nonce, sealed, cipher.getAuthTag()]),
    };
  }

  private decrypt(payload: Payload): Payload {
    const keyIdBytes = payload.metadata?.[ENCRYPTION_KEY_ID_KEY];
    const keyId = keyIdBytes ? Buffer.from(keyIdBytes).toString() : '(none)';
    const key = this.keys.keys.get(keyId);
    if (!key) {
      throw new PayloadDecryptionError(
        `a Temporal payload is encrypted with key "${keyId}", which TEMPORAL_PAYLOAD_KEYS does not list (it lists ${[...this.keys.keys.keys()].join(', ')}): ` +
          'add that key to the list again to read it',
      );
    }
    const data = Buffer.from(payload.data ?? []);
    if (data.length < NONCE_BYTES + TAG_BYTES) throw new PayloadDecryptionError(`a Temporal payload encrypted with key "${keyId}" is truncated`);
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(data.subarray(NONCE_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new PayloadDecryptionError(
        `a Temporal payload encrypted with key "${keyId}" failed authentication: it was altered, or "${keyId}" in TEMPORAL_PAYLOAD_KEYS is not the key it was encrypted with`,
      );
    }
    const decoded = ProtoPayload.decode(plain);
    return { metadata: decoded.metadata, data: decoded.data };
  }
}

function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
  return encoding !== undefined && Buffer.from(encoding).toString() === ENCRYPTED_ENCODING;
}
