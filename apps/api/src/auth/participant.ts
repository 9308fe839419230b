import { Participant } from '@app/domain';
import { AuthenticatedUser } from './authenticated-user';

/** The caller as the lifecycle rules see them: identity from authentication only. */
export function participantOf(user: AuthenticatedUser): Participant {
  return { id: user.id, name: user.displayName, roles: user.roles, bureauCode: user.bureauCode };
}
