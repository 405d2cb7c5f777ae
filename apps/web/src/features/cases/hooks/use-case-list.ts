import { type ListState, useListParams } from '../../../lib/list-params';

/** Every case filter a URL may carry (statuses comma-joined); the same names as GET /api/cases. */
export const CASE_FILTERS = [
  'status',
  'light',
  'unitId',
  'regionId',
  'blockId',
  'gridId',
  'categoryId',
  'source',
  'supervised',
  'from',
  'to',
  'queue',
  'sort',
] as const;
export type CaseFilterKey = (typeof CASE_FILTERS)[number];
export type CaseListState = ListState<CaseFilterKey>;

/** Filters that narrow the list (the sort order does not count as one). */
export function activeFilterCount(list: CaseListState): number {
  return Object.keys(list.filters).filter((k) => k !== 'sort').length;
}

/** The case list's paging, search and filters, kept in the URL. */
export function useCaseList(): CaseListState {
  return useListParams(CASE_FILTERS);
}
