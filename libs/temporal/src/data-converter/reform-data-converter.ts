import type { PayloadKeys } from '@app/config';
import type { DataConverter } from '@temporalio/common';
import { PayloadEncryptionCodec } from './payload-encryption-codec';

/** The module the workflow bundle and every client and worker load their failure converter from. */
export const FAILURE_CONVERTER_PATH = require.resolve('./encoded-failure-converter');

/**
 * The one data converter of every Temporal client and worker the engine creates (API, worker, set-up,
 * benchmark, tests): payloads encrypted with the current key, failure texts inside them.
 */
export function reformDataConverter(payloadKeys: PayloadKeys): DataConverter {
  return { payloadCodecs: [new PayloadEncryptionCodec(payloadKeys)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
