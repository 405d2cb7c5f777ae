import type { Category } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface CategoryNode {
  /** The category id, or `group:<path>` for an ancestor that is not itself fileable. */
  key: string;
  name: string;
  code: string | null;
  category: Category | null;
  children: CategoryNode[];
}

export interface CategoryTree {
  roots: CategoryNode[];
  byId: Map<string, Category>;
}

const SEPARATOR = /\s*\/\s*/;

/**
 * `fileable=true` answers only the classes a case can be filed under, usually without their 大类; the
 * tree is rebuilt from each category's `path` ("事件 / 市容环境 / 暴露垃圾"), so missing ancestors become
 * plain, non-selectable group nodes and present ones keep their own row.
 */
export function buildCategoryTree(categories: Category[]): CategoryTree {
  const byPath = new Map<string, CategoryNode>();
  const byId = new Map<string, Category>();
  const sorted = [...categories].sort((a, b) => a.code.localeCompare(b.code));
  for (const c of sorted) {
    byId.set(c.id, c);
    byPath.set(c.path, { key: c.id, name: c.name, code: c.code, category: c, children: [] });
  }
  const roots: CategoryNode[] = [];
  const attached = new Set<CategoryNode>();
  const nodeAt = (segments: string[]): CategoryNode => {
    const path = segments.join(' / ');
    let node = byPath.get(path);
    if (!node) {
      node = {
        key: `group:${path}`,
        name: segments.at(-1) ?? path,
        code: null,
        category: null,
        children: [],
      };
      byPath.set(path, node);
    }
    if (!attached.has(node)) {
      attached.add(node);
      if (segments.length > 1) nodeAt(segments.slice(0, -1)).children.push(node);
      else roots.push(node);
    }
    return node;
  };
  for (const c of sorted) nodeAt(c.path.split(SEPARATOR));
  return { roots, byId };
}

/** GET /api/catalog/categories?fileable=true: the classes a case can be filed under, with their conditions. */
export async function listFileableCategories(signal?: AbortSignal): Promise<CategoryTree> {
  const categories = await api.get<Category[]>('/api/catalog/categories', {
    query: { fileable: 'true' },
    signal,
  });
  return buildCategoryTree(categories.filter((c) => !c.disabled));
}

export const fileableCategoriesQueryOptions = queryOptions({
  queryKey: ['categories', 'fileable'],
  queryFn: ({ signal }) => listFileableCategories(signal),
  staleTime: 10 * 60_000,
});

export function useFileableCategories() {
  return useQuery(fileableCategoriesQueryOptions);
}
