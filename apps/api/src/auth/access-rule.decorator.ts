import { Role } from '@app/domain';
import { SetMetadata } from '@nestjs/common';

export const ACCESS_RULE = 'accessRule';

/** Who may call an endpoint. Every handler declares one; a handler without a rule is refused. */
export type AccessRule = { readonly kind: 'public' } | { readonly kind: 'authenticated' } | { readonly kind: 'roles'; readonly roles: readonly Role[] };

/** Open to anyone, without a token. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any logged-in user. */
export const Authenticated = () => SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule);

/** Logged-in users holding at least one of the roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);
