import {
  ClusterDefinition,
  fiscalYearLabel,
  CalendarSettings,
  earliestMeetingDay,
  Meeting,
  LifecycleSettings,
  GroupDescription,
  KindDescription,
} from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { execute, queryRows } from '../sql/typed-query';
import { FY2024_CLUSTERS } from './fy2024-catalogue';
import { FY2024_LIFECYCLE_SETTINGS } from './fy2024-lifecycle-settings';
import { FY2024_CALENDAR_SETTINGS, FY2024_MEETINGS } from './fy2024-calendar';
import { GROUP_DESCRIPTIONS, KIND_DESCRIPTIONS } from './fy2024-catalogue';

export interface CatalogueSeed {
  readonly fiscalYear: number;
  readonly groups: readonly GroupDescription[];
  readonly kinds: readonly KindDescription[];
  readonly clusters: readonly ClusterDefinition[];
  readonly lifecycle: LifecycleSettings;
  readonly calendar: CalendarSettings;
  readonly meetings: readonly Meeting[];
}

export const FY2024_SEED: CatalogueSeed = {
  fiscalYear: 2024,
  groups: GROUP_DESCRIPTIONS,
  kinds: KIND_DESCRIPTIONS,
  clusters: FY2024_CLUSTERS,
  lifecycle: FY2024_LIFECYCLE_SETTINGS,
  calendar: FY2024_CALENDAR_SETTINGS,
  meetings: FY2024_MEETINGS,
};

export interface SeedResult {
  readonly fiscalYear: number;
  readonly clustersInserted: number;
}

/**
 * Inserts a fiscal year's catalogue where it is missing. Rows already present are left as they
 * are, so a second run changes nothing and the reform office's edits survive every restart.
 */
export async function seedCatalogue(dataSource: DataSource, seed: CatalogueSeed = FY2024_SEED): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    await execute(
      manager,
      `INSERT INTO fiscal_years (fiscal_year, label) VALUES ($1, $2) ON CONFLICT (fiscal_year) DO NOTHING`,
      [seed.fiscalYear, fiscalYearLabel(seed.fiscalYear)],
    );
    await execute(manager, `UPDATE fiscal_years SET lifecycle_settings = $2 WHERE fiscal_year = $1 AND lifecycle_settings IS NULL`, [
      seed.fiscalYear,
      JSON.stringify(seed.lifecycle),
    ]);
    await execute(manager, `UPDATE fiscal_years SET calendar_settings = $2 WHERE fiscal_year = $1 AND calendar_settings IS NULL`, [
      seed.fiscalYear,
      JSON.stringify(seed.calendar),
    ]);
    for (const meeting of seed.meetings) {
      await execute(
        manager,
        `INSERT INTO meetings (fiscal_year, id, name, date, earliest_day, agenda) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [seed.fiscalYear, meeting.id, meeting.name, JSON.stringify(meeting.date), earliestMeetingDay(meeting.date), JSON.stringify(meeting.agenda)],
      );
    }
    await insertGroups(manager, seed);
    await insertKinds(manager, seed);
    const clustersInserted = await insertClusters(manager, seed);
    return { fiscalYear: seed.fiscalYear, clustersInserted };
  });
}

async function insertGroups(manager: EntityManager, seed: CatalogueSeed): Promise<void> {
  for (const [index, group] of seed.groups.entries()) {
    await execute(
      manager,
      `INSERT INTO cluster_groups (fiscal_year, code, name, reform, description, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [seed.fiscalYear, group.group, group.name, group.reform, group.description, index + 1],
    );
  }
}

async function insertKinds(manager: EntityManager, seed: CatalogueSeed): Promise<void> {
  for (const [index, kind] of seed.kinds.entries()) {
    await execute(
      manager,
      `INSERT INTO cluster_kinds (fiscal_year, code, group_code, name, description, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [seed.fiscalYear, kind.kind, kind.group, kind.name, kind.description, index + 1],
    );
  }
}

async function insertClusters(manager: EntityManager, seed: CatalogueSeed): Promise<number> {
  let inserted = 0;
  for (const [index, cluster] of seed.clusters.entries()) {
    const rows = await queryRows(
      manager,
      `INSERT INTO clusters (fiscal_year, no, name, group_code, kind_code, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING no`,
      [seed.fiscalYear, cluster.no, cluster.name, cluster.group, cluster.kind, index + 1],
    );
    inserted += rows.length;
  }
  return inserted;
}
