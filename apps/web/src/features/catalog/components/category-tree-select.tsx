import { CATEGORY_KIND_LABELS } from '@chuangcheng/contracts';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useCategories } from '../api/list-categories';
import { buildCatalogTree, type CatalogNode } from './catalog-tree';

interface TreeOption {
  value: string;
  title: string;
  label: string;
  search: string;
  selectable?: boolean;
  disabled?: boolean;
  children?: TreeOption[];
}

type Value = string | string[] | null;

interface CategoryTreeSelectProps<V extends Value> {
  value?: V;
  onChange?: (value: V) => void;
  multiple?: boolean;
  placeholder?: string;
  /** Names of chosen classes that may be missing from the active catalogue (a rule's old classes). */
  known?: { id: string; name: string }[];
  style?: React.CSSProperties;
  id?: string;
}

/** Picks one or several classes of the active catalogue (searchable by name or code). */
export function CategoryTreeSelect<V extends Value>({
  value,
  onChange,
  multiple,
  placeholder,
  known,
  style,
  id,
}: CategoryTreeSelectProps<V>) {
  const { t, l } = useI18n();
  const categories = useCategories();

  const treeData = useMemo(() => {
    const tree = buildCatalogTree(categories.data ?? []);
    const toOption = (node: CatalogNode): TreeOption => {
      const children = node.children.length ? node.children.map(toOption) : undefined;
      if (!node.category) {
        const name = l(CATEGORY_KIND_LABELS[node.kind]);
        return { value: node.key, title: name, label: name, search: name, selectable: false, children };
      }
      const c = node.category;
      return {
        value: c.id,
        title: `${c.code} ${c.name}`,
        label: c.name,
        search: `${c.code} ${c.name}`,
        disabled: c.disabled,
        children,
      };
    };
    const options = tree.roots.filter((r) => r.children.length > 0).map(toOption);
    const missing = (known ?? []).filter((k) => !tree.byKey.has(k.id));
    for (const k of missing) options.push({ value: k.id, title: k.name, label: k.name, search: k.name });
    return options;
  }, [categories.data, known, l]);

  return (
    <TreeSelect
      id={id}
      multiple={multiple}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v ?? (multiple ? [] : null)) as V)}
      treeData={treeData}
      treeNodeLabelProp="label"
      showSearch={{ treeNodeFilterProp: 'search' }}
      allowClear
      loading={categories.isLoading}
      placeholder={placeholder ?? t('common.select')}
      popupMatchSelectWidth={false}
      listHeight={360}
      maxTagCount="responsive"
      style={{ minWidth: 200, ...style }}
    />
  );
}
