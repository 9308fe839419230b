import { Environment } from './environment';

/** The administrator's first password on a development machine (`npm start`); published in the README. */
export const DEVELOPMENT_ADMIN_PASSWORD = 'reform-admin';

/**
 * The password to create the `admin` account with, or why none may be: outside development
 * (NODE_ENV=development, which `npm start` sets) a missing ADMIN_PASSWORD or the published
 * development one would hand the administrator's account to anyone who has read the README.
 */
export type AdminPassword = { readonly password: string } | { readonly refusal: string };

export function adminPasswordOf(environment: Pick<Environment, 'ADMIN_PASSWORD' | 'NODE_ENV'>): AdminPassword {
  const development = environment.NODE_ENV === 'development';
  const password = environment.ADMIN_PASSWORD ?? (development ? DEVELOPMENT_ADMIN_PASSWORD : undefined);
  if (password === undefined) return { refusal: 'ADMIN_PASSWORD is unset: set the first password of the administrator account (admin)' };
  if (password === DEVELOPMENT_ADMIN_PASSWORD && !development) {
    return { refusal: `ADMIN_PASSWORD is the published development password "${DEVELOPMENT_ADMIN_PASSWORD}": set one of your own` };
  }
  return { password };
}
