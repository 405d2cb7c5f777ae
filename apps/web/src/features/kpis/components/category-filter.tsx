import { CATEGORY_KIND_LABELS, CATEGORY_KINDS, type Category } from '@chuangcheng/contracts';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useCategories } from '../api/list-categories';

interface TreeOption {
  value: string;
  title: string;
  label: string;
  search: string;
  selectable?: boolean;
  children?: TreeOption[];
}

/** Narrows the KPIs to one class of the active catalogue (searchable by name or code). */
export function CategoryFilter({
  value,
  onChange,
  placeholder,
}: {
  value?: string;
  onChange: (value: string | undefined) => void;
  placeholder?: string;
}) {
  const { l } = useI18n();
  const categories = useCategories();

  const treeData = useMemo(() => {
    const all = [...(categories.data ?? [])].sort((a, b) => a.code.localeCompare(b.code));
    const childrenOf = new Map<string | null, Category[]>();
    for (const c of all) childrenOf.set(c.parentId, [...(childrenOf.get(c.parentId) ?? []), c]);
    const toOption = (c: Category): TreeOption => {
      const kids = childrenOf.get(c.id);
      return {
        value: c.id,
        title: `${c.code} ${c.name}`,
        label: c.name,
        search: `${c.code} ${c.name}`,
        children: kids?.map(toOption),
      };
    };
    return CATEGORY_KINDS.map((kind) => {
      const name = l(CATEGORY_KIND_LABELS[kind]);
      const majors = (childrenOf.get(null) ?? []).filter((c) => c.kind === kind);
      return {
        value: `kind:${kind}`,
        title: name,
        label: name,
        search: name,
        selectable: false,
        children: majors.map(toOption),
      };
    }).filter((root) => root.children.length > 0);
  }, [categories.data, l]);

  return (
    <TreeSelect
      value={value}
      onChange={(v) => onChange((v as string | undefined) ?? undefined)}
      treeData={treeData}
      treeNodeLabelProp="label"
      showSearch={{ treeNodeFilterProp: 'search' }}
      allowClear
      loading={categories.isLoading}
      placeholder={placeholder}
      popupMatchSelectWidth={false}
      listHeight={360}
      style={{ minWidth: 180 }}
    />
  );
}
