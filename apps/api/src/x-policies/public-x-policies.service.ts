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
    // Every bureau's published texts in one read, not one per bureau.
    const [bureaus, byHash] = await Promise.all([this.bureaus.list({ page: 1, pageSize: 1_000 }), this.reads.texts(rows.flatMap(publishedHashes))]);
    const names = new Map(bureaus.items.map((bureau) => [bureau.code, bureau.name]));
    return { fiscalYear, items: rows.map((row) => published(row, names.get(row.subject.key) ?? row.state.bureau.name, byHash)) };
  }

  async detail(fiscalYear: number, bureauCode: string): Promise<PublicXPolicyView> {
    await this.catalogue.requireFiscalYear(fiscalYear);
    const bureau = await this.catalogue.requireBureau(bureauCode);
    const row = await this.reads.find<XPolicyState>(subjectOf(fiscalYear, bureau.code));
    if (!row?.state.publication) throw refused('x-policy.not-published', `${bureau.name}のX方針はまだ公表されていません`);
    return published(row, bureau.name, await this.reads.texts(publishedHashes(row)));
  }
}

/** The texts a published X policy shows: its plan as published, and each progress report published since. */
function publishedHashes({ state }: ProcessRow<XPolicyState>): string[] {
  return state.publication ? [state.publication.textHash, ...state.publishedProgress.map((entry) => entry.textHash)] : [];
}

function published(row: ProcessRow<XPolicyState>, bureauName: string, byHash: ReadonlyMap<string, string>): PublicXPolicyView {
  const state = row.state;
  const publication = state.publication;
  if (!publication) throw new Error('only published X policies are shown');
  return {
    fiscalYear: state.fiscalYear,
    bureau: { code: row.subject.key, name: bureauName },
    publishedAt: toTokyoIsoString(publication.publishedAt),
    issues: toPublicIssues(state, parsePlanContent(byHash.get(publication.textHash)), byHash),
  };
}
