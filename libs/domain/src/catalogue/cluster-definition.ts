import { ClusterGroup, ClusterKind } from './cluster-group';

/** One business cluster (事業クラスター) as the catalogue of a fiscal year lists it. */
export interface ClusterDefinition {
  readonly no: number;
  readonly name: string;
  readonly group: ClusterGroup;
  /** Set only in the policy & programme group. */
  readonly kind: ClusterKind | null;
}
