import { Client } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { ApiClient } from '../tools/http/api-client';
import { BenchUser, BureauCode } from './organisation';

export const FISCAL_YEAR = 2024;
export const CLUSTER_COUNT = 57;

/** What every measurement works with: the API, the read model, Temporal, the users and who owns which cluster. */
export interface BenchContext {
  readonly api: ApiClient;
  readonly pg: PgClient;
  readonly temporal: Client;
  /** A logged-in user by username; throws for an unknown one. */
  user(username: string): BenchUser;
  /** Owning bureau by cluster number, in cluster order. */
  readonly owners: ReadonlyMap<number, BureauCode>;
  progress(line: string): void;
}

export const clusterPath = (no: number) => `/fiscal-years/${FISCAL_YEAR}/clusters/${no}`;
