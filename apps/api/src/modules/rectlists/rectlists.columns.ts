import { buildTemplate, type SheetSpec } from '../../platform/xlsx';

/** Most rows one 整改清单 takes (each becomes a case, created one by one by a job). */
export const MAX_RECTLIST_ROWS = 2000;

export type RectlistKey =
  | 'seq'
  | 'address'
  | 'gridCode'
  | 'lng'
  | 'lat'
  | 'category'
  | 'description'
  | 'rectifyBy'
  | 'assignedBy'
  | 'remark';

/** The 整改清单 sheet: the template's columns are the contract with the upper level's file. */
export const RECTLIST_SHEET: SheetSpec<RectlistKey> = {
  sheet: '整改清单',
  columns: [
    { key: 'seq', header: '序号', width: 8, text: true, note: '清单中的序号，原样保留，回报时对应' },
    {
      key: 'address',
      header: '问题位置/地址',
      width: 30,
      note: '问题所在的地址或位置描述；位置、网格编码、地址三者至少填一项',
    },
    {
      key: 'gridCode',
      header: '网格编码',
      width: 18,
      text: true,
      note: '本市现有网格的编码；只填网格编码时，案件定位在该网格内',
    },
    { key: 'lng', header: '经度', width: 12, note: 'WGS84/CGCS2000 经度（与纬度同时填写），如 113.2644' },
    { key: 'lat', header: '纬度', width: 12, note: 'WGS84/CGCS2000 纬度（与经度同时填写），如 23.1291' },
    {
      key: 'category',
      header: '问题类别',
      required: true,
      width: 18,
      note: '问题类别的编码（如 0101，部件与事件同码时写 C0101 / E0101）或名称（如 占道经营），须为可立案的小类',
    },
    { key: 'description', header: '问题描述', required: true, width: 40, note: '2～2000 字' },
    {
      key: 'rectifyBy',
      header: '整改期限',
      width: 14,
      note: '日期 YYYY-MM-DD，不早于今天；派遣时作为责任单位的处置期限（当日 24 时）；留空按类别时限',
    },
    { key: 'assignedBy', header: '交办单位/来源说明', width: 22, note: '本条问题的交办单位或来源，可留空' },
    { key: 'remark', header: '备注', width: 24, note: '其他需要说明的内容（清单中的其他信息请写在这里）' },
  ],
};

const NOTES = [
  '填写说明',
  '1. 第 1 行为表头，请勿修改列名；带 * 的列为必填。第 2 行为示例，导入前请删除或覆盖。',
  '2. 每行须有位置（经度+纬度）、网格编码或地址中的至少一项。有经纬度或网格编码的问题按派遣规则立案并派遣到责任单位；只有地址的问题登记为“待定位”，交创建办定位后派遣。',
  '3. 导入时先校验全部行：任何一行有错误都不会写入任何数据，并列出每处错误的行号、列名和原因。模板以外的列会被视为错误，请删除或把内容并入“备注”。',
  `4. 单次最多 ${MAX_RECTLIST_ROWS} 行。同一文件重复导入时会提示，确认后才会再次导入。`,
  '5. 区级创建办只能导入本区范围内的问题；只有地址而无法确认属地的问题请由市创建办导入。',
];

/** The .xlsx template of a 整改清单. */
export function rectlistTemplate(): Promise<Uint8Array> {
  return buildTemplate(
    RECTLIST_SHEET,
    {
      seq: '1',
      address: '人民路与解放路交叉口东北角',
      gridCode: '',
      lng: 113.2644,
      lat: 23.1291,
      category: '占道经营',
      description: '人行道上有流动摊贩占道经营，影响通行',
      rectifyBy: '2026-12-31',
      assignedBy: '省爱卫办第二暗访组',
      remark: '',
    },
    NOTES,
  );
}

export type ExportKey =
  | 'seq'
  | 'address'
  | 'gridCode'
  | 'category'
  | 'description'
  | 'rectifyBy'
  | 'caseNumber'
  | 'unit'
  | 'status'
  | 'disposeDeadline'
  | 'closedAt'
  | 'note';

/** The batch as the office reports it back up: each problem with its case and current status. */
export const RECTLIST_EXPORT: SheetSpec<ExportKey> = {
  sheet: '整改情况',
  columns: [
    { key: 'seq', header: '序号', width: 8, text: true },
    { key: 'address', header: '问题位置/地址', width: 30 },
    { key: 'gridCode', header: '网格编码', width: 18, text: true },
    { key: 'category', header: '问题类别', width: 18 },
    { key: 'description', header: '问题描述', width: 40 },
    { key: 'rectifyBy', header: '整改期限', width: 14 },
    { key: 'caseNumber', header: '案件编号', width: 16, text: true },
    { key: 'unit', header: '责任单位', width: 20 },
    { key: 'status', header: '整改状态', width: 12 },
    { key: 'disposeDeadline', header: '处置期限', width: 18 },
    { key: 'closedAt', header: '办结时间', width: 18 },
    { key: 'note', header: '说明', width: 30 },
  ],
};
