import { HOLIDAY_DAY_KIND_LABELS, HOLIDAY_DAY_KINDS, type HolidayDayKind } from '@chuangcheng/contracts';
import type { Column, SheetSpec } from '../../platform/xlsx';

// The template of one year's holiday arrangements, in the order of the State Council's notice
// (国务院办公厅关于某年部分节假日安排的通知): one row per day off and per 调休 working day.

export type HolidayKey = 'date' | 'kind' | 'name';

/** A year has a few dozen rows; more is the wrong file. */
export const MAX_HOLIDAY_ROWS = 400;

const KIND_OPTIONS = HOLIDAY_DAY_KINDS.map((k) => HOLIDAY_DAY_KIND_LABELS[k].zh);
const kinds = new Map<string, HolidayDayKind>(
  HOLIDAY_DAY_KINDS.flatMap((k) => [[k, k] as const, [HOLIDAY_DAY_KIND_LABELS[k].zh, k] as const]),
);
kinds.set('上班', 'makeup');
kinds.set('休', 'holiday');
kinds.set('班', 'makeup');

const columns: Column<HolidayKey>[] = [
  {
    key: 'date',
    header: '日期',
    required: true,
    width: 14,
    note: '一天一行，如 2027-01-01（也可写 2027/1/1、2027年1月1日）；放假期间的周末也要列出',
  },
  {
    key: 'kind',
    header: '类型',
    required: true,
    width: 12,
    list: KIND_OPTIONS,
    note: '放假：放假日（含放假期间的周末）；调休上班：周六或周日上班',
  },
  { key: 'name', header: '名称', width: 16, note: '节日名称，如 元旦、春节；放假日必填' },
];

export const HOLIDAY_SHEET: SheetSpec<HolidayKey> = {
  sheet: '节假日安排',
  columns,
  requireAllColumns: false,
};

export const HOLIDAY_EXAMPLES: Partial<Record<HolidayKey, string>>[] = [
  { date: '2027-01-01', kind: '放假', name: '元旦' },
  { date: '2027-02-06', kind: '调休上班', name: '春节' },
];

export const HOLIDAY_NOTES = [
  '按国务院办公厅当年《关于部分节假日安排的通知》逐日填写：每个放假日一行，每个调休上班日一行。',
  '导入时选择年份：文件中所有日期须属于该年，不得重复；元旦（1月1日）须为放假日。',
  '导入会整体替换该年已有的节假日数据；其他年份不受影响。导入前可先“预览”核对。',
  '未导入节假日的年份只按周末计算工作日，涉及的期限标为“期限暂估”；导入后自动重算未办结案件的期限。',
];

/** 2027-01-01, 2027/1/1, 2027.1.1 or 2027年1月1日 (an Excel date cell arrives as 2027-01-01). */
export function parseHolidayDate(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return text.trim();
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

export function parseHolidayKind(text: string): HolidayDayKind | null {
  return kinds.get(text.trim()) ?? null;
}
