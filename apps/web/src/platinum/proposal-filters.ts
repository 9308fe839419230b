import { DECISION_OUTCOMES, DecisionOutcome, PROPOSAL_PHASES, ProposalPhase } from '@app/domain';

/** The project board's filters of the proposal list, as they live in the URL. */
export interface ProposalFilters {
  readonly phase?: ProposalPhase;
  readonly decision?: DecisionOutcome;
  readonly bureau?: string;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => ((values as readonly string[]).includes(value ?? '') ? (value as T) : undefined);

/** Unknown values are dropped rather than sent: a hand-edited URL still shows the list. */
export function proposalFiltersFromQuery(query: URLSearchParams): ProposalFilters {
  return {
    phase: oneOf(PROPOSAL_PHASES, query.get('phase')),
    decision: oneOf(DECISION_OUTCOMES, query.get('decision')),
    bureau: query.get('bureau') || undefined,
  };
}

/** Only what is set, in a fixed order. */
export function queryFromProposalFilters(filters: ProposalFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.phase) query.set('phase', filters.phase);
  if (filters.decision) query.set('decision', filters.decision);
  if (filters.bureau) query.set('bureau', filters.bureau);
  return query;
}
