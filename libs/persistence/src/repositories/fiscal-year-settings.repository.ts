import { CalendarSettings, LifecycleSettings, PlatinumSettings, XPolicySettings } from '@app/domain';
import { DataSource } from 'typeorm';
import { execute, queryFirst } from '../sql/typed-query';

/** The lifecycle settings of the year of the cluster `c` a statement reads, for a statement that answers with both. */
export const LIFECYCLE_SETTINGS_OF_CLUSTER_YEAR = `SELECT f.lifecycle_settings FROM fiscal_years f WHERE f.fiscal_year = c.fiscal_year`;

/**
 * A fiscal year's settings: its lifecycle (report kinds, approval chain) and its calendar
 * (deadline pegs, reminder offsets). Null for a year that does not exist or has none yet.
 */
export class FiscalYearSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async lifecycleSettings(fiscalYear: number): Promise<LifecycleSettings | null> {
    const row = await queryFirst<{ lifecycle_settings: LifecycleSettings | null }>(
      this.dataSource,
      `SELECT lifecycle_settings FROM fiscal_years WHERE fiscal_year = $1`,
      [fiscalYear],
    );
    return row?.lifecycle_settings ?? null;
  }

  /** Applies to clusters kicked off from now on; running analyses keep the settings they started with. */
  async setLifecycleSettings(fiscalYear: number, settings: LifecycleSettings): Promise<void> {
    await execute(this.dataSource, `UPDATE fiscal_years SET lifecycle_settings = $2 WHERE fiscal_year = $1`, [fiscalYear, JSON.stringify(settings)]);
  }

  async calendarSettings(fiscalYear: number): Promise<CalendarSettings | null> {
    const row = await queryFirst<{ calendar_settings: CalendarSettings | null }>(
      this.dataSource,
      `SELECT calendar_settings FROM fiscal_years WHERE fiscal_year = $1`,
      [fiscalYear],
    );
    return row?.calendar_settings ?? null;
  }

  async setCalendarSettings(fiscalYear: number, settings: CalendarSettings): Promise<void> {
    await execute(this.dataSource, `UPDATE fiscal_years SET calendar_settings = $2 WHERE fiscal_year = $1`, [fiscalYear, JSON.stringify(settings)]);
  }

  async xPolicySettings(fiscalYear: number): Promise<XPolicySettings | null> {
    const row = await queryFirst<{ x_policy_settings: XPolicySettings | null }>(
      this.dataSource,
      `SELECT x_policy_settings FROM fiscal_years WHERE fiscal_year = $1`,
      [fiscalYear],
    );
    return row?.x_policy_settings ?? null;
  }

  /** Applies to X policies started from now on for its items; the deadlines re-plan the running ones. */
  async setXPolicySettings(fiscalYear: number, settings: XPolicySettings): Promise<void> {
    await execute(this.dataSource, `UPDATE fiscal_years SET x_policy_settings = $2 WHERE fiscal_year = $1`, [fiscalYear, JSON.stringify(settings)]);
  }

  async platinumSettings(fiscalYear: number): Promise<PlatinumSettings | null> {
    const row = await queryFirst<{ platinum_settings: PlatinumSettings | null }>(
      this.dataSource,
      `SELECT platinum_settings FROM fiscal_years WHERE fiscal_year = $1`,
      [fiscalYear],
    );
    return row?.platinum_settings ?? null;
  }

  /** The project and its running proposals re-plan by new deadlines at once (they are told so). */
  async setPlatinumSettings(fiscalYear: number, settings: PlatinumSettings): Promise<void> {
    await execute(this.dataSource, `UPDATE fiscal_years SET platinum_settings = $2 WHERE fiscal_year = $1`, [fiscalYear, JSON.stringify(settings)]);
  }
}
