import { CLUSTER_STAGES, ClusterGroup, ClusterKind, ClusterStage } from '@app/domain';

/** The board's filters as they live in the URL, so a link or a reload shows the same rows. */
export interface BoardFilters {
  readonly bureau?: string;
  readonly group?: ClusterGroup;
  readonly kind?: ClusterKind;
  readonly stage?: ClusterStage;
  readonly analysed?: boolean;
  readonly overdue?: boolean;
  readonly page: number;
}

export const BOARD_PAGE_SIZE = 100;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** Unknown values are dropped rather than sent: a hand-edited URL still shows a board. */
export function filtersFromQuery(query: URLSearchParams): BoardFilters {
  const page = Number(query.get('page'));
  return {
    bureau: query.get('bureau') || undefined,
    group: oneOf(Object.values(ClusterGroup), query.get('group')),
    kind: oneOf(Object.values(ClusterKind), query.get('kind')),
    stage: oneOf(CLUSTER_STAGES, query.get('stage')),
    analysed: query.get('analysed') === 'true' ? true : undefined,
    overdue: query.get('overdue') === 'true' ? true : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Only what is set, in a fixed order; page 1 is left out. */
export function queryFromFilters(filters: BoardFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.bureau) query.set('bureau', filters.bureau);
  if (filters.group) query.set('group', filters.group);
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.stage) query.set('stage', filters.stage);
  if (filters.analysed) query.set('analysed', 'true');
  if (filters.overdue) query.set('overdue', 'true');
  if (filters.page > 1) query.set('page', String(filters.page));
  return query;
}

/** A change of the filters, applied to whatever they are when it is made. */
export type FilterUpdate = (current: BoardFilters) => BoardFilters;

/** A changed filter starts again from the first page. */
export function withFilter(filters: BoardFilters, change: Partial<Omit<BoardFilters, 'page'>>): BoardFilters {
  return { ...filters, ...change, page: 1 };
}

export const hasFilters = (filters: BoardFilters): boolean => queryFromFilters({ ...filters, page: 1 }).size > 0;
