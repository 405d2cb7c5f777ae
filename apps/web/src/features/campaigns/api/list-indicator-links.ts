import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** indicatorLinkSchema's shape (web does not depend on zod). */
export interface IndicatorLink {
  id: string;
  nodeId: string;
  nodeCode: string;
  nodeTitle: string;
  standardName: string;
  linkedNodeId: string;
  linkedNodeCode: string;
  linkedNodeTitle: string;
  linkedStandardName: string;
  note: string | null;
}

/** GET /api/indicator-links?standardId: links whose either side belongs to the standard. */
export function listIndicatorLinks(standardId: string, signal?: AbortSignal): Promise<IndicatorLink[]> {
  return api.get<IndicatorLink[]>('/api/indicator-links', { query: { standardId }, signal });
}

export function useIndicatorLinks(standardId: string) {
  return useQuery(
    queryOptions({
      queryKey: ['indicator-links', standardId],
      queryFn: ({ signal }) => listIndicatorLinks(standardId, signal),
    }),
  );
}
