import { refused } from '@app/domain';
import { PipeTransform } from '@nestjs/common';
import { USER_NOT_FOUND_MESSAGE } from './users.service';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `:id` in user paths: a user's UUID. Anything else names no user, so it answers 404 like an unknown id. */
export class UserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID_PATTERN.test(value)) throw refused('user.unknown', USER_NOT_FOUND_MESSAGE);
    return value;
  }
}
