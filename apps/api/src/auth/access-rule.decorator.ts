import { Role } from '@app/domain';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Refusals } from '../common/refusals.decorator';

export const ACCESS_RULE = 'accessRule';

/** Who may call an endpoint. Every handler declares one; a handler without a rule is refused. */
export type AccessRule =
  | { readonly kind: 'public' }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'feed-link' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] };

/** Open to anyone, without a token. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any logged-in user. */
export const Authenticated = () => applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule), Refusals('auth.required'));

/** Logged-in users holding at least one of the roles. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule), Refusals('auth.required', 'access.denied'));

/**
 * Any logged-in user, or a calendar app holding the user's subscription link (`?feed=`, see
 * POST /me/calendar-feed): calendar apps send no token or cookie, only the URL.
 */
export const AuthenticatedOrFeedLink = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'feed-link' } satisfies AccessRule), Refusals('auth.required'));
