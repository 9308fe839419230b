import { fiscalYearLabel, LifecycleSettings, lifecycleSettingsProblems, refused } from '@app/domain';
import { FiscalYearSettingsRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';

/** The year's report kinds and approval chain; a change applies to clusters kicked off afterwards. */
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
    return settings;
  }

  async change(fiscalYear: number, settings: LifecycleSettings): Promise<LifecycleSettings> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const problems = lifecycleSettingsProblems(settings);
    if (problems.length > 0) throw refused('request.invalid', `設定に誤りがあります（${problems.join(' / ')}）`);
    await this.fiscalYearSettings.setLifecycleSettings(fiscalYear, settings);
    return settings;
  }
}
