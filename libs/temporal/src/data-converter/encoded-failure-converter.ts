import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces go into the failure's encoded attributes, which the payload codec
 * encrypts: a refusal such as "…の決裁は環境 課長さんが済ませています" names people. Loaded by path
 * (`failureConverterPath`) in the workflow sandbox as well as in the client and the worker, so it
 * imports nothing but the Temporal common package.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
