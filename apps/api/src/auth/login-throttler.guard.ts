import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** One count per client address for every way of logging in (token and session), not one per endpoint. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `login:${throttlerName}:${tracker}`;
  }
}
