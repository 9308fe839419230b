import { Client } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { ApiClient } from '../tools/http/api-client';
import { BenchUser, BureauCode } from './organisation';

/** The seeded year: its 57 clusters are the real programme's size. */
export const FISCAL_YEAR = 2024;
export const CLUSTER_COUNT = 57;

/** What every measurement works with: the API, the read model, Temporal, the users and who owns which cluster. */
export interface BenchContext {
  readonly api: ApiClient;
  /** The API's base URL, e.g. http://127.0.0.1:41234/api/v1. */
  readonly baseUrl: string;
  readonly pg: PgClient;
  /** A small pool through which the benchmark uses the engine's repositories directly. */
  readonly dataSource: DataSource;
  readonly temporal: Client;
  /** A logged-in user by username; throws for an unknown one. */
  user(username: string): BenchUser;
  /** Owning bureau by cluster number of FY2024, in cluster order. */
  readonly owners: ReadonlyMap<number, BureauCode>;
  progress(line: string): void;
}

export const clusterPath = (no: number, fiscalYear = FISCAL_YEAR) => `/fiscal-years/${fiscalYear}/clusters/${no}`;
