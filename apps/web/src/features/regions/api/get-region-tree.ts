import { useQuery } from '@tanstack/react-query';
import { regionTreeQueryOptions } from '../../../lib/lookups';

/** GET /api/regions/tree (flat), built into a tree; shared with the region pickers through lib/lookups. */
export function useRegionTree() {
  return useQuery(regionTreeQueryOptions);
}
