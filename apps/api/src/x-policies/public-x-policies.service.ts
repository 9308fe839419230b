import { parsePlanContent, ProcessKind, refused, toTokyoIsoString, XPolicyState } from '@app/domain';
import { BureauRepository, ProcessReadRepository, ProcessRow } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { PublicXPolicyListView, PublicXPolicyView } from './dto/x-policy.dto';
import { toPublicIssues } from './x-policy-views';
import { subjectOf } from './x-policies.service';

/** What the bureaus published, for anyone: exactly the approved words and dates, never a draft, a comment or a name. */
@Injectable()
export class PublicXPoliciesService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly bureaus: BureauRepository,
    private readonly reads: ProcessReadRepository,
  ) {}

  async list(fiscalYear: number): Promise<PublicXPolicyListView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const rows = (await this.reads.listAll<XPolicyState>(ProcessKind.XPolicy, fiscalYear)).filter((row) => row.state.publication);
    const names = new Map((await this.bureaus.list({ page: 1, pageSize: 1_000 })).items.map((bureau) => [bureau.code, bureau.name]));
    return { fiscalYear, items: await Promise.all(rows.map((row) => this.published(row, names.get(row.subject.key) ?? row.state.bureau.name))) };
  }

  async detail(fiscalYear: number, bureauCode: string): Promise<PublicXPolicyView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const bureau = await this.catalogue.requireBureau(bureauCode);
    const row = await this.reads.find<XPolicyState>(subjectOf(fiscalYear, bureau.code));
    if (!row?.state.publication) throw refused('x-policy.not-published', `${bureau.name}のX方針はまだ公表されていません`);
    return this.published(row, bureau.name);
  }

  private async published(row: ProcessRow<XPolicyState>, bureauName: string): Promise<PublicXPolicyView> {
    const state = row.state;
    const publication = state.publication;
    if (!publication) throw new Error('only published X policies are shown');
    const byHash = await this.reads.texts([publication.textHash, ...state.publishedProgress.map((entry) => entry.textHash)]);
    return {
      fiscalYear: state.fiscalYear,
      bureau: { code: row.subject.key, name: bureauName },
      publishedAt: toTokyoIsoString(publication.publishedAt),
      issues: toPublicIssues(state, parsePlanContent(byHash.get(publication.textHash)), byHash),
    };
  }
}
