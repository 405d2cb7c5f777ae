import {
  PERSON_DUTIES,
  PERSON_DUTY_LABELS,
  type PersonDuty,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type UnitKind,
} from '@chuangcheng/contracts';
import type { Column, SheetSpec } from '../../../platform/xlsx';

// The Chinese headers below are the file format itself: imports match them and exports write them,
// so an exported file re-imports unchanged. Enum labels still come from contracts.

/** The drop-down form of a label: 职能部门（条） → 职能部门 (the bracketed gloss is for screens). */
const short = (zh: string) => zh.replace(/（.*?）/g, '').trim();

export const unitKindLabel = (k: UnitKind): string => short(UNIT_KIND_LABELS[k].zh);
export const UNIT_KIND_OPTIONS: readonly string[] = UNIT_KINDS.map(unitKindLabel);

const unitKindAliases = new Map<string, UnitKind>(
  UNIT_KINDS.flatMap((k) => {
    const zh = UNIT_KIND_LABELS[k].zh;
    // 街道/乡镇 also answers to 街道 and 乡镇; the English value and the full label are accepted too.
    return [k, zh, short(zh), ...short(zh).split('/')].map((alias) => [alias, k] as const);
  }),
);

/** 单位类型 cell → kind, or null when the label is unknown. */
export function parseUnitKind(text: string): UnitKind | null {
  return unitKindAliases.get(text.trim()) ?? null;
}

export const dutyLabel = (d: PersonDuty): string => PERSON_DUTY_LABELS[d].zh;
export const DUTY_OPTIONS: readonly string[] = PERSON_DUTIES.map(dutyLabel);
const dutyAliases = new Map<string, PersonDuty>(
  PERSON_DUTIES.flatMap((d) => [[d, d] as const, [dutyLabel(d), d] as const]),
);

/** Splits a multi-value cell: 、 , ， ; ； and line breaks all separate (Chinese users mix them). */
export const splitList = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** 职责 cell → duties, plus the labels that matched none. */
export function parseDuties(text: string | undefined): { duties: PersonDuty[]; unknown: string[] } {
  const duties: PersonDuty[] = [];
  const unknown: string[] = [];
  for (const part of splitList(text)) {
    const d = dutyAliases.get(part);
    if (!d) unknown.push(part);
    else if (!duties.includes(d)) duties.push(d);
  }
  return { duties, unknown };
}

// ---- units ---------------------------------------------------------------------------------------

export type UnitKey =
  | 'code'
  | 'name'
  | 'kind'
  | 'parentCode'
  | 'regionCode'
  | 'contactName'
  | 'contactPhone'
  | 'address';
const unitColumns: Column<UnitKey>[] = [
  {
    key: 'code',
    header: '单位编码',
    required: true,
    width: 14,
    text: true,
    note: '字母、数字、_ 或 -，最长 32 位；已存在的编码将更新该单位',
  },
  { key: 'name', header: '单位名称', required: true, width: 24, note: '最长 64 字' },
  {
    key: 'kind',
    header: '单位类型',
    required: true,
    width: 14,
    list: UNIT_KIND_OPTIONS,
    note: `从下拉列表选择：${UNIT_KIND_OPTIONS.join('、')}`,
  },
  {
    key: 'parentCode',
    header: '上级单位编码',
    width: 14,
    text: true,
    note: '已存在的单位编码，或本文件中其他行的单位编码',
  },
  {
    key: 'regionCode',
    header: '所属区划编码',
    width: 16,
    text: true,
    note: '6/9/12 位行政区划编码；区域账号必须填写本辖区内的区划',
  },
  { key: 'contactName', header: '联系人', width: 10 },
  { key: 'contactPhone', header: '联系电话', width: 16, text: true },
  { key: 'address', header: '地址', width: 32 },
];
export const UNIT_SHEET: SheetSpec<UnitKey> = { sheet: '单位', columns: unitColumns };
export const UNIT_EXPORT: SheetSpec<UnitKey | 'parentName' | 'regionName'> = {
  sheet: '单位',
  columns: [
    ...unitColumns.slice(0, 4),
    { key: 'parentName', header: '上级单位名称', width: 20 },
    unitColumns[4]!,
    { key: 'regionName', header: '所属区划名称', width: 16 },
    ...unitColumns.slice(5),
  ],
};

// ---- people --------------------------------------------------------------------------------------

export type PersonKey = 'name' | 'unitCode' | 'title' | 'phone' | 'duties';
const personColumns: Column<PersonKey>[] = [
  {
    key: 'name',
    header: '姓名',
    required: true,
    width: 10,
    note: '同一单位内姓名相同的人员视为同一人：已存在则更新',
  },
  {
    key: 'unitCode',
    header: '所属单位编码',
    required: true,
    width: 14,
    text: true,
    note: '已存在的单位编码',
  },
  { key: 'title', header: '职务', width: 18 },
  {
    key: 'phone',
    header: '手机号码',
    width: 16,
    text: true,
    note: '11 位手机号或带区号的固话（如 0755-12345678）',
  },
  {
    key: 'duties',
    header: '职责',
    width: 22,
    list: DUTY_OPTIONS,
    multi: true,
    note: `可填多项，用“、”分隔：${DUTY_OPTIONS.join('、')}`,
  },
];
export const PERSON_SHEET: SheetSpec<PersonKey> = { sheet: '人员', columns: personColumns };
export const PERSON_EXPORT: SheetSpec<PersonKey | 'unitName'> = {
  sheet: '人员',
  columns: [
    ...personColumns.slice(0, 2),
    { key: 'unitName', header: '所属单位名称', width: 20 },
    ...personColumns.slice(2),
  ],
};

// ---- grids (attributes) --------------------------------------------------------------------------

export type GridKey = 'code' | 'name' | 'blockCode' | 'leadUnitCode' | 'memberUnitCodes';
const gridColumns: Column<GridKey>[] = [
  {
    key: 'code',
    header: '网格编码',
    required: true,
    width: 18,
    text: true,
    note: '当前有效网格的编码（边界请用 GeoJSON 导入）',
  },
  { key: 'name', header: '网格名称', width: 20, note: '留空则不修改' },
  { key: 'blockCode', header: '责任区块编码', width: 14, text: true, note: '留空则清除责任区块' },
  { key: 'leadUnitCode', header: '牵头单位编码', width: 14, text: true, note: '留空则清除牵头单位' },
  {
    key: 'memberUnitCodes',
    header: '成员单位编码',
    width: 28,
    text: true,
    note: '多个编码用“、”或“,”分隔；留空则清除成员单位',
  },
];
export const GRID_SHEET: SheetSpec<GridKey> = { sheet: '网格', columns: gridColumns };
export type GridExportKey =
  | GridKey
  | 'communityCode'
  | 'communityName'
  | 'streetName'
  | 'districtName'
  | 'blockName'
  | 'leadUnitName'
  | 'areaM2'
  | 'validFrom';
export const GRID_EXPORT: SheetSpec<GridExportKey> = {
  sheet: '网格',
  columns: [
    gridColumns[0]!,
    gridColumns[1]!,
    { key: 'communityCode', header: '所属社区编码', width: 16, text: true },
    { key: 'communityName', header: '所属社区', width: 14 },
    { key: 'streetName', header: '所属街道', width: 14 },
    { key: 'districtName', header: '所属区县', width: 12 },
    gridColumns[2]!,
    { key: 'blockName', header: '责任区块', width: 16 },
    gridColumns[3]!,
    { key: 'leadUnitName', header: '牵头单位', width: 16 },
    gridColumns[4]!,
    { key: 'areaM2', header: '面积（平方米）', width: 14 },
    { key: 'validFrom', header: '生效日期', width: 12 },
  ],
};

// ---- export-only sheets --------------------------------------------------------------------------

export const REGION_EXPORT: SheetSpec<'code' | 'name' | 'level' | 'parentCode' | 'childCount'> = {
  sheet: '行政区划',
  columns: [
    { key: 'code', header: '区划编码', width: 16, text: true },
    { key: 'name', header: '区划名称', width: 18 },
    { key: 'level', header: '级别', width: 12 },
    { key: 'parentCode', header: '上级区划编码', width: 16, text: true },
    { key: 'childCount', header: '下级区划数', width: 12 },
  ],
};

export const BLOCK_EXPORT: SheetSpec<
  'code' | 'name' | 'leadUnitCode' | 'leadUnitName' | 'units' | 'leaderName' | 'gridCount' | 'note'
> = {
  sheet: '责任区块',
  columns: [
    { key: 'code', header: '区块编码', width: 12, text: true },
    { key: 'name', header: '区块名称', width: 20 },
    { key: 'leadUnitCode', header: '牵头单位编码', width: 14, text: true },
    { key: 'leadUnitName', header: '牵头单位', width: 16 },
    { key: 'units', header: '责任单位', width: 36 },
    { key: 'leaderName', header: '包保领导', width: 10 },
    { key: 'gridCount', header: '网格数', width: 8 },
    { key: 'note', header: '备注', width: 40 },
  ],
};

export const USER_EXPORT: SheetSpec<
  'username' | 'displayName' | 'role' | 'region' | 'unit' | 'status' | 'lastLoginAt' | 'createdAt'
> = {
  sheet: '用户',
  columns: [
    { key: 'username', header: '用户名', width: 14 },
    { key: 'displayName', header: '显示名称', width: 24 },
    { key: 'role', header: '角色', width: 12 },
    { key: 'region', header: '管辖区划', width: 16 },
    { key: 'unit', header: '所属单位', width: 18 },
    { key: 'status', header: '状态', width: 8 },
    { key: 'lastLoginAt', header: '最近登录', width: 20 },
    { key: 'createdAt', header: '创建时间', width: 20 },
  ],
};
