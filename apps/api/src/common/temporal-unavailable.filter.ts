import { ArgumentsHost, Catch, ExceptionFilter, ServiceUnavailableException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { isGrpcServiceError, ServiceError } from '@temporalio/client';

/** gRPC codes of a server that cannot be reached or did not answer in time. */
const UNREACHABLE = [4, 14];

/**
 * Temporal out of reach is the server's trouble, not the caller's: any endpoint answers 503 with
 * a reason a person can act on, never a bare 500.
 */
@Catch(ServiceError)
export class TemporalUnavailableFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(error: ServiceError, host: ArgumentsHost): void {
    const unreachable = isGrpcServiceError(error.cause) && UNREACHABLE.includes(error.cause.code);
    super.catch(
      unreachable ? new ServiceUnavailableException('ワークフローサーバー（Temporal）に接続できません。しばらくしてから再度お試しください') : error,
      host,
    );
  }
}
