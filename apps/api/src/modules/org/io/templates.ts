import { buildTemplate } from '../../../platform/xlsx';
import {
  GRID_SHEET,
  type GridKey,
  PERSON_SHEET,
  type PersonKey,
  UNIT_KIND_OPTIONS,
  UNIT_SHEET,
  type UnitKey,
} from './columns';

export const TEMPLATE_KINDS = ['units', 'people', 'grids'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Most rows one import takes: bigger files are split (memory and one transaction's length stay bounded). */
export const MAX_IMPORT_ROWS = 50_000;

const COMMON_NOTES = [
  '填写说明',
  '1. 第 1 行为表头，请勿修改列名；带 * 的列为必填。第 2 行为示例，导入前请删除或覆盖。',
  '2. 导入时先校验全部行：任何一行有错误都不会写入任何数据，并列出每处错误的行号、列名和原因；可先“试导入”（只校验不写入）。',
  `3. 单次最多 ${MAX_IMPORT_ROWS} 行；编码类列请保持“文本”格式，避免 Excel 把长编码显示为科学计数法。`,
  '4. 留空的可选单元格会清空该字段；整列删除则不修改该字段。',
];

const KIND_NOTES: Record<TemplateKind, readonly string[]> = {
  units: ['5. 按“单位编码”匹配：已存在的单位被更新，不存在的新建。上级单位可以是本文件中其他行的单位。'],
  people: ['5. 按“所属单位 + 姓名”匹配：已存在的人员被更新，不存在的新建。'],
  grids: [
    '5. 只修改已有网格的属性（名称、责任区块、牵头单位、成员单位）；新增网格或修改边界请用 GeoJSON 导入。',
  ],
};

const EXAMPLES = {
  units: {
    code: 'D99',
    name: '示例局',
    kind: UNIT_KIND_OPTIONS[0]!,
    contactName: '张三',
    contactPhone: '0755-12345678',
    address: '人民路 1 号',
  } satisfies Partial<Record<UnitKey, string>>,
  people: {
    name: '张三',
    unitCode: 'D99',
    title: '科长',
    phone: '13800138000',
    duties: '联络员、具体负责人',
  } satisfies Partial<Record<PersonKey, string>>,
  grids: {
    code: '44030500100101',
    name: '和平社区第一网格',
    blockCode: 'B01',
    leadUnitCode: 'D01',
    memberUnitCodes: 'D02、D03',
  } satisfies Partial<Record<GridKey, string>>,
};

/** The .xlsx template of one import kind. */
export function templateOf(kind: TemplateKind): Promise<Uint8Array> {
  const notes = [...COMMON_NOTES, ...KIND_NOTES[kind]];
  if (kind === 'units') return buildTemplate(UNIT_SHEET, EXAMPLES.units, notes);
  if (kind === 'people') return buildTemplate(PERSON_SHEET, EXAMPLES.people, notes);
  return buildTemplate(GRID_SHEET, EXAMPLES.grids, notes);
}
