import { Role } from '../roles';

/**
 * The coarse role rule of each thing a person does to a cluster: the API's endpoints declare these,
 * and what a caller may do now starts from them before the lifecycle rules have their say.
 */
export const ACTION_ROLES = {
  saveDraft: [Role.Staff],
  submit: [Role.Staff],
  recall: [Role.Staff],
  approve: [Role.Manager, Role.Director, Role.ReformOffice],
  return: [Role.Manager, Role.Director, Role.ReformOffice],
  delegate: [Role.Manager, Role.Director, Role.ReformOffice],
  kickoff: [Role.ReformOffice],
  withdraw: [Role.ReformOffice],
  changeCluster: [Role.ReformOffice],
} as const satisfies Record<string, readonly Role[]>;

export type ClusterActionName = keyof typeof ACTION_ROLES;

export function holdsActionRole(action: ClusterActionName, roles: readonly Role[]): boolean {
  return ACTION_ROLES[action].some((role) => roles.includes(role));
}
