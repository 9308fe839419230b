import { Refusal, refusalClassOf } from '@app/domain';
import { BadRequestException, ConflictException, ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';

/** Where the answer says what the case looks like now, so a client that lost a race can show it. */
export interface CurrentState {
  readonly stage: string;
  readonly reports: readonly { readonly kind: string; readonly status: string }[];
}

/** The domain's reasons for refusing, as HTTP answers: 403, 409 (with the current state), 400, 404. */
export function refusalToHttp(refusal: Refusal, current: CurrentState | null): HttpException {
  switch (refusalClassOf(refusal)) {
    case 'forbidden':
      return new ForbiddenException(refusal.message);
    case 'invalid':
    case 'unauthenticated':
    case 'unprocessable':
      return new BadRequestException(refusal.message);
    case 'not-found':
      return new NotFoundException(refusal.message);
    case 'conflict':
      return new ConflictException({ statusCode: 409, error: 'Conflict', message: refusal.message, current });
  }
}
