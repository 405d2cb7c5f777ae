import {
  CATEGORY_KIND_LABELS,
  CATEGORY_KINDS,
  type CategoryKind,
  SEVERITIES,
  SEVERITY_LABELS,
  type Severity,
  TIME_UNIT_LABELS,
  TIME_UNITS,
  type TimeUnit,
} from '@chuangcheng/contracts';
import type { Column, SheetSpec } from '../../platform/xlsx';

// The Chinese headers are the file format: imports match them, exports write them, so an export
// re-imports unchanged. One row per 立案条件; a class's other cells repeat on each of its rows.

export type CatalogKey =
  | 'kind'
  | 'majorCode'
  | 'majorName'
  | 'minorCode'
  | 'minorName'
  | 'detailCode'
  | 'detailName'
  | 'department'
  | 'severity'
  | 'condition'
  | 'limit'
  | 'unit'
  | 'closing'
  | 'disabled';

const labelMap = <K extends string>(keys: readonly K[], labels: Record<K, { zh: string }>) =>
  new Map<string, K>(keys.flatMap((k) => [[k, k] as const, [labels[k].zh, k] as const]));

const kinds = labelMap(CATEGORY_KINDS, CATEGORY_KIND_LABELS);
const severities = labelMap(SEVERITIES, SEVERITY_LABELS);
const units = labelMap(TIME_UNITS, TIME_UNIT_LABELS);

export const parseKind = (s: string): CategoryKind | null => kinds.get(s) ?? null;
export const parseSeverity = (s: string): Severity | null => severities.get(s) ?? null;
export const parseTimeUnit = (s: string): TimeUnit | null => units.get(s) ?? null;
export const KIND_OPTIONS = CATEGORY_KINDS.map((k) => CATEGORY_KIND_LABELS[k].zh);
export const SEVERITY_OPTIONS = SEVERITIES.map((k) => SEVERITY_LABELS[k].zh);
export const UNIT_OPTIONS = TIME_UNITS.map((k) => TIME_UNIT_LABELS[k].zh);
export const YES = '是';

const code = (key: CatalogKey, header: string, note: string): Column<CatalogKey> => ({
  key,
  header,
  width: 10,
  text: true,
  note,
});

const columns: Column<CatalogKey>[] = [
  { key: 'kind', header: '类型', required: true, width: 8, list: KIND_OPTIONS, note: '部件 或 事件' },
  { ...code('majorCode', '大类编码', '2–8 位数字，如 01'), required: true },
  { key: 'majorName', header: '大类名称', required: true, width: 14, note: '同一编码各行名称须一致' },
  code('minorCode', '小类编码', '以大类编码开头，如 0101；只建大类时留空'),
  { key: 'minorName', header: '小类名称', width: 16, note: '填写小类编码时必填' },
  code('detailCode', '细类编码', '以小类编码开头，如 010101；没有细类时留空'),
  { key: 'detailName', header: '细类名称', width: 16, note: '填写细类编码时必填' },
  {
    key: 'department',
    header: '主管部门',
    width: 16,
    note: '本市单位的名称（如 城管局），属于本行最末一级类别；空则派遣时按网格属地兜底',
  },
  {
    key: 'severity',
    header: '严重程度',
    width: 10,
    list: SEVERITY_OPTIONS,
    note: `${SEVERITY_OPTIONS.join('、')}；空为「${SEVERITY_LABELS.normal.zh}」`,
  },
  { key: 'condition', header: '立案条件', width: 36, note: '每行一条立案条件；只有小类、细类可以填写' },
  { key: 'limit', header: '处置时限', width: 10, note: '正数，如 2 或 0.5；填写立案条件时必填' },
  { key: 'unit', header: '时限单位', width: 12, list: UNIT_OPTIONS, note: UNIT_OPTIONS.join('、') },
  { key: 'closing', header: '结案条件', width: 20, note: '如 恢复、清理干净；填写立案条件时必填' },
  {
    key: 'disabled',
    header: '停用',
    width: 8,
    list: [YES],
    optionalColumn: true,
    note: '填「是」则该类别停用（不能再立案）；可整列删除',
  },
];

export const CATALOG_SHEET: SheetSpec<CatalogKey> = { sheet: '问题分类', columns, requireAllColumns: true };

export const CATALOG_NOTES = [
  '填写说明',
  '1. 第 1 行为表头，请勿修改列名；带 * 的列为必填。第 2、3 行为示例，导入前请删除或覆盖。',
  '2. 每行一条立案条件：同一小类有多条立案条件时写多行，大类、小类的编码和名称在各行重复填写。',
  '3. 主管部门、严重程度、停用属于本行最末一级类别（有细类时为细类），同一类别的各行须一致。',
  '4. 导入时先校验全部行：任何一行有错误都不会写入，并列出每处错误的行号、列名和原因。',
  '5. 导入成功后生成新的目录版本并立即启用；原版本保留，可在“目录版本”中切换回去。',
  '6. 编码列请保持“文本”格式，避免 Excel 去掉开头的 0。',
];

export const CATALOG_EXAMPLES: Partial<Record<CatalogKey, string | number>>[] = [
  {
    kind: CATEGORY_KIND_LABELS.event.zh,
    majorCode: '01',
    majorName: '市容环境',
    minorCode: '0101',
    minorName: '暴露垃圾',
    department: '城管局',
    severity: SEVERITY_LABELS.normal.zh,
    condition: '道路、广场等公共区域有暴露垃圾',
    limit: 2,
    unit: TIME_UNIT_LABELS.work_hours.zh,
    closing: '清理干净',
  },
  {
    kind: CATEGORY_KIND_LABELS.event.zh,
    majorCode: '01',
    majorName: '市容环境',
    minorCode: '0101',
    minorName: '暴露垃圾',
    department: '城管局',
    severity: SEVERITY_LABELS.normal.zh,
    condition: '垃圾堆积超过 1 立方米',
    limit: 1,
    unit: TIME_UNIT_LABELS.work_days.zh,
    closing: '清运完毕',
  },
];
