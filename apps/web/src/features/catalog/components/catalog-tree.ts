import {
  CATEGORY_KINDS,
  CATEGORY_LEVELS,
  type Category,
  type CategoryKind,
  type CategoryLevel,
} from '@chuangcheng/contracts';

/** A node of the catalogue tree: a kind root (部件/事件, not a row of its own) or a category. */
export interface CatalogNode {
  key: string;
  kind: CategoryKind;
  category: Category | null;
  children: CatalogNode[];
}

export interface CatalogTree {
  /** The two kind roots, in CATEGORY_KINDS order. */
  roots: CatalogNode[];
  byKey: Map<string, CatalogNode>;
  /** Categories only. */
  count: number;
}

export const kindKey = (kind: CategoryKind) => `kind:${kind}`;

/** GET /api/catalog/categories answers a flat list: the tree (ordered by code) is built here. */
export function buildCatalogTree(categories: readonly Category[]): CatalogTree {
  const byKey = new Map<string, CatalogNode>();
  const roots = CATEGORY_KINDS.map((kind): CatalogNode => {
    const root = { key: kindKey(kind), kind, category: null, children: [] };
    byKey.set(root.key, root);
    return root;
  });
  const sorted = [...categories].sort((a, b) => a.code.localeCompare(b.code));
  for (const c of sorted) byKey.set(c.id, { key: c.id, kind: c.kind, category: c, children: [] });
  for (const c of sorted) {
    const node = byKey.get(c.id) as CatalogNode;
    // A parent missing from the answer (should not happen) leaves the class under its kind.
    const parent = (c.parentId && byKey.get(c.parentId)) || byKey.get(kindKey(c.kind));
    parent?.children.push(node);
  }
  return { roots, byKey, count: sorted.length };
}

/** The level a child of this node has (a kind root's children are 大类); null below 细类. */
export function childLevel(node: CatalogNode): CategoryLevel | null {
  if (!node.category) return 'major';
  const i = CATEGORY_LEVELS.indexOf(node.category.level);
  return CATEGORY_LEVELS[i + 1] ?? null;
}

/** Every category under a node (the node itself included when it is one). */
export function countDescendants(node: CatalogNode): number {
  return node.children.reduce((n, child) => n + 1 + countDescendants(child), 0);
}

export function matchesFilter(category: Category, filter: string): boolean {
  return category.name.includes(filter) || category.code.startsWith(filter);
}
