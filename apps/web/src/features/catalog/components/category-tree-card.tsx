import { CATEGORY_KIND_LABELS } from '@chuangcheng/contracts';
import { Card, Empty, Input, Skeleton, Tag, Tree, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { type CatalogNode, type CatalogTree, countDescendants, kindKey, matchesFilter } from './catalog-tree';

/** 部件/事件 → 大类 → 小类 → 细类, with codes; the search box keeps matches and their ancestors. */
export function CategoryTreeCard({
  tree,
  loading,
  selectedKey,
  onSelect,
  extra,
}: {
  tree: CatalogTree | undefined;
  loading: boolean;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  extra?: React.ReactNode;
}) {
  const { t, l } = useI18n();
  const isMobile = useIsMobile();
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const { treeData, filteredExpanded } = useMemo(() => {
    const f = filter.trim();
    const open: string[] = [];
    const toNode = (node: CatalogNode): TreeDataNode | null => {
      const children = node.children.map(toNode).filter((c): c is TreeDataNode => c !== null);
      const c = node.category;
      const self = c ? matchesFilter(c, f) : false;
      if (f && !self && children.length === 0) return null;
      if (f && children.length) open.push(node.key);
      return {
        key: node.key,
        title: c ? (
          <span className={c.disabled ? 'cc-muted' : undefined}>
            <span className="cc-mono">{c.code}</span> {c.name}
            {c.disabled && (
              <Tag style={{ marginInlineStart: 6 }} variant="filled">
                {t('catalog.disabled')}
              </Tag>
            )}
          </span>
        ) : (
          <strong>
            {l(CATEGORY_KIND_LABELS[node.kind])} <span className="cc-muted">({countDescendants(node)})</span>
          </strong>
        ),
        children: children.length ? children : undefined,
        isLeaf: node.children.length === 0,
      };
    };
    const roots = (tree?.roots ?? []).map(toNode).filter((c): c is TreeDataNode => c !== null);
    return { treeData: roots, filteredExpanded: f ? open : null };
  }, [tree, filter, t, l]);

  // Default: the kinds and their 大类 open, so 小类 are one click away.
  const defaultExpanded = useMemo(
    () => (tree?.roots ?? []).flatMap((r) => [r.key, ...r.children.map((c) => c.key)]),
    [tree],
  );

  // A class selected elsewhere (a sub-class button, a new class) gets its ancestors opened.
  useEffect(() => {
    const category = selectedKey ? tree?.byKey.get(selectedKey)?.category : null;
    if (!tree || !category) return;
    const ancestors: string[] = [kindKey(category.kind)];
    let parentId = category.parentId;
    while (parentId) {
      ancestors.push(parentId);
      parentId = tree.byKey.get(parentId)?.category?.parentId ?? null;
    }
    setExpanded((prev) => {
      const current = prev ?? defaultExpanded;
      return ancestors.every((k) => current.includes(k)) ? prev : [...new Set([...current, ...ancestors])];
    });
  }, [selectedKey, tree, defaultExpanded]);

  return (
    <Card title={t('catalog.tree')} size="small" extra={extra}>
      <Input.Search
        allowClear
        placeholder={t('catalog.filter')}
        onChange={(e) => setFilter(e.target.value)}
        style={{ marginBottom: 8 }}
        data-testid="catalog-filter"
      />
      {loading ? (
        <Skeleton active />
      ) : tree && tree.count === 0 ? (
        <Empty description={t('catalog.empty')} />
      ) : (
        <Tree
          blockNode
          virtual
          height={isMobile ? 360 : 600}
          treeData={treeData}
          expandedKeys={filteredExpanded ?? expanded ?? defaultExpanded}
          onExpand={(keys) => setExpanded(keys as string[])}
          selectedKeys={selectedKey ? [selectedKey] : []}
          onSelect={(keys) => {
            const key = keys[0] as string | undefined;
            if (key) onSelect(key);
          }}
          data-testid="catalog-tree"
        />
      )}
    </Card>
  );
}
