import { REGION_LEVEL_LABELS, type RegionLevel } from '@chuangcheng/contracts';
import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../lib/i18n';
import { type RegionNode, regionTreeQueryOptions } from '../../lib/lookups';

interface TreeOption {
  value: string;
  title: string;
  label: string;
  search: string;
  disabled?: boolean;
  children?: TreeOption[];
}

interface RegionTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Only regions of these levels can be picked (others stay visible to navigate). */
  levels?: readonly RegionLevel[];
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

/** Picks a region from the user's region tree (searchable by name or code). */
export function RegionTreeSelect({
  value,
  onChange,
  levels,
  placeholder,
  allowClear = true,
  style,
  id,
}: RegionTreeSelectProps) {
  const { t, l } = useI18n();
  const { data, isLoading } = useQuery(regionTreeQueryOptions);

  const treeData = useMemo(() => {
    const toOption = (node: RegionNode): TreeOption => ({
      value: node.id,
      title: `${node.name}  ${node.code}`,
      label: node.name,
      search: `${node.name} ${node.code}`,
      disabled: levels ? !levels.includes(node.level) : false,
      children: node.children.length ? node.children.map(toOption) : undefined,
    });
    return (data?.roots ?? []).map(toOption);
  }, [data, levels]);

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
      placeholder={
        placeholder ??
        (levels?.length === 1 ? l(REGION_LEVEL_LABELS[levels[0] as RegionLevel]) : t('common.select'))
      }
      treeDefaultExpandAll={false}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
      listHeight={360}
    />
  );
}
