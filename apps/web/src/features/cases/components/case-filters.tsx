import { FilterOutlined } from '@ant-design/icons';
import {
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  type CaseSource,
  LIGHT_LABELS,
  LIGHTS,
  type Light,
} from '@chuangcheng/contracts';
import { Badge, Button, Checkbox, Drawer, Flex, Input, Select, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { BlockSelect, UnitSelect } from '../../../components/pickers/entity-pickers';
import { RegionTreeSelect } from '../../../components/pickers/region-tree-select';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { activeFilterCount, CASE_FILTERS, type CaseListState } from '../hooks/use-case-list';
import { CategoryTreeSelect } from './category-select';

export type FilterField =
  | 'status'
  | 'light'
  | 'unitId'
  | 'regionId'
  | 'blockId'
  | 'categoryId'
  | 'source'
  | 'dates'
  | 'supervised';

const ALL_FIELDS: readonly FilterField[] = [
  'status',
  'light',
  'source',
  'categoryId',
  'unitId',
  'regionId',
  'blockId',
  'dates',
  'supervised',
];

function DateRange({ list, block }: { list: CaseListState; block: boolean }) {
  const { t } = useI18n();
  const { from, to } = list.filters;
  return (
    <Space.Compact style={block ? { width: '100%' } : undefined}>
      <Input
        type="date"
        aria-label={t('cases.from')}
        value={from ?? ''}
        max={to}
        onChange={(e) => list.update({ from: e.target.value })}
        style={{ width: block ? '50%' : 150 }}
        data-testid="filter-from"
      />
      <Input
        type="date"
        aria-label={t('cases.to')}
        value={to ?? ''}
        min={from}
        onChange={(e) => list.update({ to: e.target.value })}
        style={{ width: block ? '50%' : 150 }}
        data-testid="filter-to"
      />
    </Space.Compact>
  );
}

/** The filter controls themselves; `block` stacks them full width (the phone drawer). */
function FilterControls({
  list,
  fields,
  block,
}: {
  list: CaseListState;
  fields: readonly FilterField[];
  block: boolean;
}) {
  const { t, l } = useI18n();
  const { filters } = list;
  const width = (desktop: number) => (block ? { width: '100%' } : { width: desktop });
  const has = (f: FilterField) => fields.includes(f);
  return (
    <>
      {has('status') && (
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('cases.status')}
          value={filters.status ? filters.status.split(',') : []}
          onChange={(v: string[]) => list.update({ status: v.join(',') })}
          options={CASE_STATUSES.map((s) => ({ value: s, label: l(CASE_STATUS_LABELS[s]) }))}
          style={width(200)}
          data-testid="filter-status"
        />
      )}
      {has('light') && (
        <Select<Light>
          allowClear
          placeholder={t('cases.light')}
          value={filters.light as Light | undefined}
          onChange={(light) => list.update({ light })}
          options={LIGHTS.map((v) => ({ value: v, label: l(LIGHT_LABELS[v]) }))}
          style={width(120)}
          data-testid="filter-light"
        />
      )}
      {has('source') && (
        <Select<CaseSource>
          allowClear
          placeholder={t('cases.source')}
          value={filters.source as CaseSource | undefined}
          onChange={(source) => list.update({ source })}
          options={CASE_SOURCES.map((v) => ({ value: v, label: l(CASE_SOURCE_LABELS[v]) }))}
          style={width(130)}
          data-testid="filter-source"
        />
      )}
      {has('categoryId') && (
        <CategoryTreeSelect
          value={filters.categoryId}
          onChange={(categoryId) => list.update({ categoryId })}
          style={width(180)}
        />
      )}
      {has('unitId') && (
        <UnitSelect
          placeholder={t('cases.leadUnit')}
          value={filters.unitId}
          onChange={(unitId) => list.update({ unitId })}
          style={width(180)}
        />
      )}
      {has('regionId') && (
        <RegionTreeSelect
          placeholder={t('cases.region')}
          value={filters.regionId}
          onChange={(regionId) => list.update({ regionId })}
          style={width(180)}
        />
      )}
      {has('blockId') && (
        <BlockSelect
          placeholder={t('cases.block')}
          value={filters.blockId}
          onChange={(blockId) => list.update({ blockId })}
          style={width(180)}
        />
      )}
      {has('dates') && <DateRange list={list} block={block} />}
      {has('supervised') && (
        <Checkbox
          checked={filters.supervised === 'true'}
          onChange={(e) => list.update({ supervised: e.target.checked ? 'true' : undefined })}
          className="cc-filter-check"
          data-testid="filter-supervised"
        >
          {t('cases.supervisedOnly')}
        </Checkbox>
      )}
    </>
  );
}

/** Clears every filter and the search, keeping the sort order. */
function resetPatch(): Record<string, undefined> {
  const patch: Record<string, undefined> = { q: undefined };
  for (const key of CASE_FILTERS) if (key !== 'sort') patch[key] = undefined;
  return patch;
}

/**
 * The case filter bar. On a desktop the controls sit in one wrapping row; on a phone only the search
 * stays visible and the filters open in a bottom drawer.
 */
export function CaseFilters({
  list,
  fields = ALL_FIELDS,
  search = true,
  extra,
}: {
  list: CaseListState;
  fields?: readonly FilterField[];
  search?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const active = activeFilterCount(list);
  const searchBox = search && (
    <Input.Search
      key={list.q}
      defaultValue={list.q}
      allowClear
      placeholder={t('cases.searchPlaceholder')}
      onSearch={(q) => list.update({ q })}
      data-testid="list-search"
    />
  );
  const reset = (
    <Button onClick={() => list.update(resetPatch())} disabled={active === 0 && !list.q}>
      {t('common.reset')}
    </Button>
  );

  if (!isMobile) {
    return (
      <div className="cc-toolbar cc-case-filters">
        {searchBox}
        <FilterControls list={list} fields={fields} block={false} />
        {reset}
        {extra}
      </div>
    );
  }
  return (
    <div className="cc-toolbar cc-case-filters">
      <div className="cc-toolbar-row">
        {searchBox}
        <Badge count={active} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setOpen(true)} aria-label={t('common.filters')} />
        </Badge>
        {extra}
      </div>
      <Drawer
        placement="bottom"
        size="75%"
        open={open}
        onClose={() => setOpen(false)}
        title={t('common.filters')}
        footer={
          <Flex justify="space-between" gap={8}>
            {reset}
            <Button type="primary" onClick={() => setOpen(false)}>
              {t('common.confirm')}
            </Button>
          </Flex>
        }
      >
        <Flex vertical gap={12}>
          <FilterControls list={list} fields={fields} block />
        </Flex>
      </Drawer>
    </div>
  );
}
