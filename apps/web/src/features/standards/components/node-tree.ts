import type { StandardNode } from '@chuangcheng/contracts';

export interface NodeRow extends StandardNode {
  children?: NodeRow[];
  /** Sum of the children's points (inner nodes), to flag a mismatch with the node's own points. */
  childPoints?: number;
}

/** The server's pre-ordered flat list as nested rows for an antd tree table. */
export function buildNodeRows(nodes: readonly StandardNode[]): { roots: NodeRow[]; innerKeys: string[] } {
  const byId = new Map<string, NodeRow>();
  for (const node of nodes) byId.set(node.id, { ...node });
  const roots: NodeRow[] = [];
  for (const row of byId.values()) {
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (parent) {
      parent.children ??= [];
      parent.children.push(row);
      parent.childPoints = (parent.childPoints ?? 0) + row.points;
    } else roots.push(row);
  }
  const innerKeys = [...byId.values()].filter((r) => r.children).map((r) => r.id);
  return { roots, innerKeys };
}

/** A code for the next child: “3.2” with children 3.2.1, 3.2.2 → “3.2.3”; a root after “1”…“5” → “6”. */
export function nextChildCode(
  parent: { code: string } | null,
  siblings: readonly { code: string }[],
): string {
  let max = 0;
  for (const s of siblings) {
    const last = s.code.split(/[.-]/).pop();
    const n = Number(last);
    if (Number.isInteger(n) && n > max) max = n;
  }
  return parent ? `${parent.code}.${max + 1}` : String(max + 1);
}
