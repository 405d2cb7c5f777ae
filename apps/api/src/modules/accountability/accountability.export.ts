import type { Accountability, AccountabilityCounts } from '@chuangcheng/contracts';
import type { DownloadFile } from '../../http/download';
import { buildSheet, type Column } from '../../platform/xlsx';

const cnTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

type EntryCol =
  | 'decidedOn'
  | 'unit'
  | 'person'
  | 'post'
  | 'situation'
  | 'method'
  | 'text'
  | 'cases'
  | 'orders'
  | 'issuedBy'
  | 'createdAt';

const ENTRY_COLUMNS: readonly Column<EntryCol>[] = [
  { key: 'decidedOn', header: '问责日期', width: 12 },
  { key: 'unit', header: '被问责单位', width: 22 },
  { key: 'person', header: '被问责人', width: 10 },
  { key: 'post', header: '职务', width: 16 },
  { key: 'situation', header: '问责情形', width: 28 },
  { key: 'method', header: '问责方式', width: 16 },
  { key: 'text', header: '问责事由', width: 50 },
  { key: 'cases', header: '关联案件', width: 28, text: true },
  { key: 'orders', header: '关联督办单', width: 28 },
  { key: 'issuedBy', header: '记录人', width: 12 },
  { key: 'createdAt', header: '记录时间', width: 17 },
];

type CountCol = 'unit' | 'count' | 'situations' | 'methods';
const COUNT_COLUMNS: readonly Column<CountCol>[] = [
  { key: 'unit', header: '单位', width: 24 },
  { key: 'count', header: '问责次数', width: 10 },
  { key: 'situations', header: '按问责情形', width: 60 },
  { key: 'methods', header: '按问责方式', width: 40 },
];

const stampOf = (f: { from?: string | null; to?: string | null }) =>
  `${f.from?.replaceAll('-', '') ?? '始'}-${f.to?.replaceAll('-', '') ?? '今'}`;
const asciiStamp = (f: { from?: string | null; to?: string | null }) =>
  `${f.from?.replaceAll('-', '') ?? 'all'}-${f.to?.replaceAll('-', '') ?? 'now'}`;

/** The register's entries as the reader sees them (names masked as in the list). */
export async function entriesSheet(
  items: readonly Accountability[],
  f: { from?: string; to?: string },
): Promise<DownloadFile> {
  const data = await buildSheet(
    { sheet: '问责登记', columns: ENTRY_COLUMNS },
    items.map((a) => ({
      decidedOn: a.decidedOn,
      unit: a.unit.name,
      person: a.personName ?? '',
      post: a.personPost ?? '',
      situation: a.situation?.name ?? '未分类',
      method: a.method?.name ?? '未分类',
      text: a.text,
      cases: a.cases.map((c) => c.number).join('、'),
      orders: a.supervisionOrders.map((o) => o.number).join('、'),
      issuedBy: a.issuedByName,
      createdAt: cnTime(a.createdAt),
    })),
  );
  return {
    data,
    fileName: `问责登记-${stampOf(f)}.xlsx`,
    asciiName: `accountability-${asciiStamp(f)}.xlsx`,
  };
}

/** The counts per unit, one row per unit, then a total row. */
export async function countsSheet(c: AccountabilityCounts): Promise<DownloadFile> {
  const parts = (xs: { name: string; count: number }[]) => xs.map((x) => `${x.name} ${x.count}`).join('；');
  const data = await buildSheet({ sheet: '问责统计', columns: COUNT_COLUMNS }, [
    ...c.units.map((u) => ({
      unit: u.unitName,
      count: u.count,
      situations: parts(u.situations),
      methods: parts(u.methods),
    })),
    { unit: '合计', count: c.total, situations: parts(c.situations), methods: parts(c.methods) },
  ]);
  return {
    data,
    fileName: `问责统计-${stampOf(c)}.xlsx`,
    asciiName: `accountability-counts-${asciiStamp(c)}.xlsx`,
  };
}
