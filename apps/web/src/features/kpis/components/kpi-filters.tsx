import {
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  type CaseSource,
  KPI_DIMENSION_LABELS,
  KPI_DIMENSIONS,
  type KpiDimension,
} from '@chuangcheng/contracts';
import { Input, Select, Space } from 'antd';
import { BlockSelect, UnitSelect } from '../../../components/pickers/entity-pickers';
import { RegionTreeSelect } from '../../../components/pickers/region-tree-select';
import { todayInCity } from '../../../lib/format';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import type { ListState } from '../../../lib/list-params';
import { CategoryFilter } from './category-filter';

export const KPI_FILTERS = [
  'dimension',
  'from',
  'to',
  'regionId',
  'unitId',
  'blockId',
  'categoryId',
  'source',
] as const;
export type KpiFilter = (typeof KPI_FILTERS)[number];

const PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'] as const;
type Preset = (typeof PRESETS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A named period as [from, to], in the city's calendar; periods running now end today. */
export function presetRange(preset: Preset, today = todayInCity()): [string, string] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return [`${y}-${pad(m)}-01`, today];
    case 'lastMonth': {
      const py = m === 1 ? y - 1 : y;
      const pm = m === 1 ? 12 : m - 1;
      return [`${py}-${pad(pm)}-01`, `${py}-${pad(pm)}-${pad(lastDay(py, pm))}`];
    }
    case 'thisQuarter':
      return [`${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`, today];
    case 'thisYear':
      return [`${y}-01-01`, today];
  }
}

/** 统计维度: what a row is (unit, area, category, source, month or day). */
export function DimensionSelect({ list }: { list: ListState<KpiFilter> }) {
  const { t, l } = useI18n();
  return (
    <Select<KpiDimension>
      value={(list.filters.dimension as KpiDimension | undefined) ?? 'unit'}
      onChange={(dimension) => list.update({ dimension: dimension === 'unit' ? undefined : dimension })}
      options={KPI_DIMENSIONS.map((d) => ({ value: d, label: l(KPI_DIMENSION_LABELS[d]) }))}
      prefix={t('kpis.dimension')}
      style={{ minWidth: 180 }}
      data-testid="kpi-dimension"
    />
  );
}

/** Period and the narrowing filters; all of it lives in the URL (shareable, kept on reload). */
export function KpiFilters({ list }: { list: ListState<KpiFilter> }) {
  const { t, l } = useI18n();
  const { filters } = list;
  const preset = PRESETS.find((p) => {
    const [from, to] = presetRange(p);
    return filters.from === from && filters.to === to;
  });
  return (
    <>
      <Select<Preset>
        allowClear
        value={preset}
        placeholder={t('kpis.preset')}
        onChange={(p) => {
          const [from, to] = p ? presetRange(p) : [undefined, undefined];
          list.update({ from, to });
        }}
        options={PRESETS.map((p) => ({ value: p, label: t(`kpis.preset.${p}` as MessageKey) }))}
        style={{ minWidth: 110 }}
      />
      <Space.Compact>
        <Input
          type="date"
          value={filters.from ?? ''}
          max={filters.to}
          aria-label={t('kpis.from')}
          onChange={(e) => list.update({ from: e.target.value })}
          style={{ width: 150 }}
          data-testid="kpi-from"
        />
        <Input
          type="date"
          value={filters.to ?? ''}
          min={filters.from}
          aria-label={t('kpis.to')}
          onChange={(e) => list.update({ to: e.target.value })}
          style={{ width: 150 }}
          data-testid="kpi-to"
        />
      </Space.Compact>
      <RegionTreeSelect
        placeholder={t('kpis.region')}
        value={filters.regionId}
        onChange={(regionId) => list.update({ regionId })}
      />
      <UnitSelect
        placeholder={t('kpis.unit')}
        value={filters.unitId}
        onChange={(unitId) => list.update({ unitId })}
      />
      <BlockSelect
        placeholder={t('kpis.block')}
        value={filters.blockId}
        onChange={(blockId) => list.update({ blockId })}
      />
      <CategoryFilter
        placeholder={t('kpis.category')}
        value={filters.categoryId}
        onChange={(categoryId) => list.update({ categoryId })}
      />
      <Select<CaseSource>
        allowClear
        placeholder={t('kpis.source')}
        value={filters.source as CaseSource | undefined}
        onChange={(source) => list.update({ source })}
        options={CASE_SOURCES.map((s) => ({ value: s, label: l(CASE_SOURCE_LABELS[s]) }))}
        style={{ minWidth: 140 }}
      />
    </>
  );
}
