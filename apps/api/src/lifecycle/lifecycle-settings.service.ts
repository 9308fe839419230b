import { fiscalYearLabel, LifecycleSettings, lifecycleSettingsProblems, refused } from '@app/domain';
import { FiscalYearSettingsRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { invalidFields } from '../common/validation.pipe';

/**
 * The year's report kinds and approval chain (a change applies to clusters kicked off afterwards),
 * and whether approved reports are open to all (a read rule: it applies to every cluster at once).
 */
@Injectable()
export class LifecycleSettingsService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly fiscalYearSettings: FiscalYearSettingsRepository,
  ) {}

  async settings(fiscalYear: number): Promise<LifecycleSettings> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const settings = await this.fiscalYearSettings.lifecycleSettings(fiscalYear);
    if (!settings) throw refused('lifecycle-settings.unknown', `${fiscalYearLabel(fiscalYear)}の報告書・決裁経路は未設定です`);
    return withDefaults(settings);
  }

  async change(fiscalYear: number, settings: LifecycleSettings): Promise<LifecycleSettings> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const problems = lifecycleSettingsProblems(settings);
    if (problems.length > 0) throw invalidFields(problems);
    const stored = withDefaults(settings);
    await this.fiscalYearSettings.setLifecycleSettings(fiscalYear, stored);
    return stored;
  }
}

/** Approved reports stay with their readers unless the year says otherwise. */
const withDefaults = (settings: LifecycleSettings): LifecycleSettings => ({
  reportKinds: settings.reportKinds,
  approvalChain: settings.approvalChain,
  approvedReportsReadableByAll: settings.approvedReportsReadableByAll ?? false,
});
