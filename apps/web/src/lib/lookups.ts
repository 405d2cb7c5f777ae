import type { Page, Region } from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type Query } from './api-client';

/**
 * Reference data several features need (pickers, names for ids). Keys share the entity prefix so that
 * a feature's mutation ('units', …) refreshes these too.
 */

export interface RegionNode extends Region {
  children: RegionNode[];
}

export interface RegionTree {
  roots: RegionNode[];
  byId: Map<string, RegionNode>;
}

const byCode = (a: Region, b: Region) => a.code.localeCompare(b.code);

/** GET /api/regions/tree answers a flat list; the tree is built here. Orphans (parent outside scope) become roots. */
export function buildRegionTree(regions: Region[]): RegionTree {
  const byId = new Map<string, RegionNode>();
  for (const region of [...regions].sort(byCode)) byId.set(region.id, { ...region, children: [] });
  const roots: RegionNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, byId };
}

export async function getRegionTree(): Promise<RegionTree> {
  return buildRegionTree(await api.get<Region[]>('/api/regions/tree'));
}

export const regionTreeQueryOptions = queryOptions({
  queryKey: ['regions', 'tree'],
  queryFn: getRegionTree,
  staleTime: 5 * 60_000,
});

/** Ancestors from the root down to (and including) the region. */
export function regionPath(tree: RegionTree, id: string | null | undefined): RegionNode[] {
  const path: RegionNode[] = [];
  let node = id ? tree.byId.get(id) : undefined;
  while (node) {
    path.unshift(node);
    node = node.parentId ? tree.byId.get(node.parentId) : undefined;
  }
  return path;
}

const PICKER_PAGE = 100;

export type PickerEntity = 'units' | 'blocks' | 'people';

/** First matches of a list endpoint for a searchable select. */
export function pickerQueryOptions<T>(entity: PickerEntity, q: string, filters: Query = {}) {
  return queryOptions({
    queryKey: [entity, 'options', q, filters],
    queryFn: ({ signal }) =>
      api.get<Page<T>>(`/api/${entity}`, { query: { ...filters, q, pageSize: PICKER_PAGE }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
