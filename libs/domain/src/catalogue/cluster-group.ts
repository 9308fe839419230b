/** The three groups the programme sorts its business clusters into (事業クラスターの区分). */
export enum ClusterGroup {
  PolicyProgramme = 'policy-programme',
  CrossCutting = 'cross-cutting',
  Organisation = 'organisation',
}

/** Kinds within the policy & programme group only; the other groups have no kind. */
export enum ClusterKind {
  Operations = 'operations',
  CitySpecific = 'city-specific',
  NationalSystem = 'national-system',
}

export interface GroupDescription {
  readonly group: ClusterGroup;
  readonly name: string;
  readonly reform: string;
  /** Null where the source describes the group only through its kinds. */
  readonly description: string | null;
}

export interface KindDescription {
  readonly kind: ClusterKind;
  readonly group: ClusterGroup;
  readonly name: string;
  readonly description: string;
}

export const CLUSTER_GROUPS: readonly ClusterGroup[] = Object.values(ClusterGroup);
export const CLUSTER_KINDS: readonly ClusterKind[] = Object.values(ClusterKind);
