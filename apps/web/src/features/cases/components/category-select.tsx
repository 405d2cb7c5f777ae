import type { Category, FilingCondition } from '@chuangcheng/contracts';
import { Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { type I18n, useI18n } from '../../../lib/i18n';
import { type CategoryNode, useFileableCategories } from '../api/list-categories';
import { timeLimitText } from './case-format';

interface TreeOption {
  value: string;
  title: string;
  label: string;
  search: string;
  selectable: boolean;
  children?: TreeOption[];
}

function toOption(node: CategoryNode): TreeOption {
  return {
    value: node.key,
    title: node.code ? `${node.name}  ${node.code}` : node.name,
    label: node.name,
    search: `${node.name} ${node.code ?? ''}`,
    // Groups only open and close; a case is filed under a class that has filing conditions.
    selectable: Boolean(node.category),
    children: node.children.length ? node.children.map(toOption) : undefined,
  };
}

interface CategoryTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

/** Picks a fileable category (小类/细类) from the catalogue tree, searchable by name or code. */
export function CategoryTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear = true,
  style,
  id,
}: CategoryTreeSelectProps) {
  const { t } = useI18n();
  const { data, isLoading } = useFileableCategories();
  const treeData = useMemo(() => (data?.roots ?? []).map(toOption), [data]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      treeData={treeData}
      treeNodeLabelProp="label"
      showSearch={{ treeNodeFilterProp: 'search' }}
      allowClear={allowClear}
      loading={isLoading}
      placeholder={placeholder ?? t('cases.category')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      listHeight={360}
      data-testid="category-select"
    />
  );
}

/** The category record of an id (from the cached fileable tree). */
export function useCategory(id: string | null | undefined): Category | undefined {
  const { data } = useFileableCategories();
  return id ? data?.byId.get(id) : undefined;
}

export function conditionLabel(c: FilingCondition, l: I18n['l']): string {
  return `${c.text}（${timeLimitText(c.timeLimit, l)}）`;
}

/** Picks one of the category's filing conditions (立案条件), each shown with its time limit. */
export function ConditionSelect({
  categoryId,
  value,
  onChange,
  id,
}: {
  categoryId: string | null | undefined;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}) {
  const { t, l } = useI18n();
  const category = useCategory(categoryId);
  const options = (category?.conditions ?? []).map((c) => ({ value: c.id, label: conditionLabel(c, l) }));
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      disabled={!category}
      allowClear
      placeholder={category ? t('common.select') : t('cases.pickCategoryFirst')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200 }}
      data-testid="condition-select"
    />
  );
}
