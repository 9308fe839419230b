import { newPayloadKeyEntry, payloadKeysFrom } from '@app/config';
import { ApplicationFailure, defaultPayloadConverter, Payload } from '@temporalio/common';
import { decodeOptionalFailureToOptionalError, encodeErrorToFailure, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import { ENCRYPTED_ENCODING, ENCRYPTION_KEY_ID_KEY, PayloadDecryptionError, PayloadEncryptionCodec } from './payload-encryption-codec';
import { reformDataConverter } from './reform-data-converter';

const RETURN_COMMENT = { type: 'return', comment: '差戻し：根拠資料（他都市比較表）を添付してください', actor: { name: '環境 局長' } };
const OLD = newPayloadKeyEntry('2024-04');
const NEW = newPayloadKeyEntry('2025-04');

const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString();
const metadataOf = (payload: Payload) => Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, text(value)]));
/** Everything of a payload as stored: the bytes Temporal keeps. */
const storedBytes = (payload: Payload) => Buffer.from(temporal.api.common.v1.Payload.encode(payload).finish());

async function encrypted(codec: PayloadEncryptionCodec, value: unknown): Promise<Payload> {
  const [payload] = await codec.encode([defaultPayloadConverter.toPayload(value)]);
  return payload;
}

describe('PayloadEncryptionCodec', () => {
  const codec = new PayloadEncryptionCodec(payloadKeysFrom(OLD));

  it('seals a Japanese comment and a name so neither is in the stored bytes, and gives them back unchanged', async () => {
    const payload = await encrypted(codec, RETURN_COMMENT);
    expect(metadataOf(payload)).toEqual({ encoding: ENCRYPTED_ENCODING, [ENCRYPTION_KEY_ID_KEY]: '2024-04' });
    const stored = storedBytes(payload);
    for (const secret of ['差戻し', '根拠資料', '環境 局長', 'json/plain']) expect(stored.includes(Buffer.from(secret))).toBe(false);

    const [decoded] = await codec.decode([payload]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(RETURN_COMMENT);
  });

  it('uses a fresh nonce for every payload, so equal texts do not look equal', async () => {
    const [first, second] = await codec.encode([defaultPayloadConverter.toPayload('承認'), defaultPayloadConverter.toPayload('承認')]);
    expect(Buffer.from(first.data!).equals(Buffer.from(second.data!))).toBe(false);
  });

  it('round-trips every kind of value the converter makes, empty and null included', async () => {
    for (const value of [null, undefined, '', 0, [], { nested: { 氏名: '市政変革 一郎' } }, new Uint8Array([0, 1, 2])]) {
      const [decoded] = await codec.decode(await codec.encode([defaultPayloadConverter.toPayload(value)]));
      expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(value);
    }
    await expect(codec.decode(await codec.encode([]))).resolves.toEqual([]);
  });

  it('refuses a payload whose ciphertext was altered', async () => {
    const payload = await encrypted(codec, RETURN_COMMENT);
    const data = Buffer.from(payload.data!);
    data[20] ^= 0x01;
    await expect(codec.decode([{ ...payload, data }])).rejects.toThrow(PayloadDecryptionError);
    await expect(codec.decode([{ ...payload, data }])).rejects.toThrow(/"2024-04" failed authentication: it was altered/);
    await expect(codec.decode([{ ...payload, data: data.subarray(0, 20) }])).rejects.toThrow(/truncated/);
  });

  it('refuses a payload relabelled with another configured key id', async () => {
    const both = new PayloadEncryptionCodec(payloadKeysFrom(`${OLD},${NEW}`, '2024-04'));
    const payload = await encrypted(both, RETURN_COMMENT);
    const relabelled = { ...payload, metadata: { ...payload.metadata, [ENCRYPTION_KEY_ID_KEY]: Buffer.from('2025-04') } };
    await expect(both.decode([relabelled])).rejects.toThrow(/"2025-04" failed authentication/);
  });

  it('refuses a payload of a key it does not hold, naming the key and what to do', async () => {
    const payload = await encrypted(codec, RETURN_COMMENT);
    const other = new PayloadEncryptionCodec(payloadKeysFrom(NEW));
    await expect(other.decode([payload])).rejects.toThrow(
      'a Temporal payload is encrypted with key "2024-04", which TEMPORAL_PAYLOAD_KEYS does not list (it lists 2025-04): add that key to the list again to read it',
    );
  });

  it('after rotation encrypts with the new key and still reads what the old one encrypted', async () => {
    const before = await encrypted(codec, RETURN_COMMENT);
    const rotated = new PayloadEncryptionCodec(payloadKeysFrom(`${OLD},${NEW}`, '2025-04'));
    const after = await encrypted(rotated, RETURN_COMMENT);
    expect(metadataOf(after)[ENCRYPTION_KEY_ID_KEY]).toBe('2025-04');
    const decoded = await rotated.decode([before, after]);
    expect(decoded.map((payload) => defaultPayloadConverter.fromPayload(payload))).toEqual([RETURN_COMMENT, RETURN_COMMENT]);
  });

  it('passes a payload written before encryption existed through as it is', async () => {
    const plain = defaultPayloadConverter.toPayload(RETURN_COMMENT);
    const [decoded] = await codec.decode([plain]);
    expect(decoded).toBe(plain);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(RETURN_COMMENT);
  });
});

describe('reformDataConverter', () => {
  it('keeps failure messages, which may name people, inside the encrypted payload', async () => {
    const converter = loadDataConverter(reformDataConverter(payloadKeysFrom(OLD)));
    const refusal = ApplicationFailure.nonRetryable('中間報告の決裁は環境 課長さんが済ませています', 'Refused');
    const failure = await encodeErrorToFailure(converter, refusal);
    const stored = Buffer.from(temporal.api.failure.v1.Failure.encode(failure).finish());
    expect(stored.includes(Buffer.from('環境 課長'))).toBe(false);
    expect(failure.encodedAttributes?.metadata?.encoding && text(failure.encodedAttributes.metadata.encoding)).toBe(ENCRYPTED_ENCODING);

    const decoded = await decodeOptionalFailureToOptionalError(converter, failure);
    expect(decoded).toBeInstanceOf(ApplicationFailure);
    expect((decoded as ApplicationFailure).message).toBe('中間報告の決裁は環境 課長さんが済ませています');
    expect((decoded as ApplicationFailure).type).toBe('Refused');
  });
});
