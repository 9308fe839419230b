import { Client } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { ApiClient } from '../tools/http/api-client';
import { BenchUser, BureauCode } from './organisation';

/** The seeded year: its 57 clusters are the real programme's size. */
export const SEED_YEAR = 2024;
export const CLUSTER_COUNT = 57;

/**
 * The seeded year copied 55 years ahead: the same 57 clusters, calendar and settings, with every
 * deadline still to come, as a year is kicked off in practice and as the generated years of rows 4, 6
 * and 7 are. Kicked off today, each analysis of FY2024 itself starts overdue and sends its escalations
 * at once, work that row 5 prints beside its figure.
 */
export const KICKOFF_YEAR = 2079;

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
  /** Owning bureau by cluster number of the kickoff year (and of FY2024, flagged alike), in cluster order. */
  readonly owners: ReadonlyMap<number, BureauCode>;
  progress(line: string): void;
}

export const clusterPath = (no: number, fiscalYear: number) => `/fiscal-years/${fiscalYear}/clusters/${no}`;
