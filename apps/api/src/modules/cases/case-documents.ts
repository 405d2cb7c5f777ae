import {
  CASE_SOURCE_LABELS,
  CASE_STAGE_LABELS,
  CASE_STATUS_LABELS,
  type CaseListQuery,
  type CaseSummary,
  KPI_COUNTERS,
  KPI_DIMENSION_LABELS,
  KPI_RATE_LABELS,
  KPI_RATES,
  type KpiQuery,
  LIGHT_LABELS,
  SUPERVISION_LEVEL_LABELS,
} from '@chuangcheng/contracts';
import type { Db } from '../../db/client';
import type { DownloadFile } from '../../http/download';
import type { Ctx } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import { buildSheet, type Column } from '../../platform/xlsx';
import { cityDay } from '../org/index';
import type { CasesService } from './cases.service';
import type { KpisService } from './kpis.service';

const EXPORT_LIMIT = 100_000;
const label = (m: Record<string, { zh: string }>, k: string | null) => (k ? (m[k]?.zh ?? k) : '');
const cnTime = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

type CaseCol =
  | 'number'
  | 'status'
  | 'light'
  | 'source'
  | 'category'
  | 'description'
  | 'address'
  | 'grid'
  | 'community'
  | 'street'
  | 'district'
  | 'block'
  | 'unit'
  | 'stage'
  | 'deadline'
  | 'supervision'
  | 'reworks'
  | 'returns'
  | 'createdAt'
  | 'closedAt';
const CASE_COLUMNS: readonly Column<CaseCol>[] = [
  { key: 'number', header: '案卷编号', width: 16, text: true },
  { key: 'status', header: '状态', width: 12 },
  { key: 'light', header: '亮灯', width: 10 },
  { key: 'source', header: '来源', width: 12 },
  { key: 'category', header: '问题类别', width: 22 },
  { key: 'description', header: '问题描述', width: 40 },
  { key: 'address', header: '地址', width: 30 },
  { key: 'grid', header: '网格', width: 18, text: true },
  { key: 'community', header: '社区', width: 14 },
  { key: 'street', header: '街道', width: 14 },
  { key: 'district', header: '区县', width: 12 },
  { key: 'block', header: '责任区块', width: 16 },
  { key: 'unit', header: '主办单位', width: 16 },
  { key: 'stage', header: '当前阶段', width: 10 },
  { key: 'deadline', header: '阶段期限', width: 18 },
  { key: 'supervision', header: '督办', width: 10 },
  { key: 'reworks', header: '返工次数', width: 8 },
  { key: 'returns', header: '回退次数', width: 8 },
  { key: 'createdAt', header: '上报时间', width: 18 },
  { key: 'closedAt', header: '结案时间', width: 18 },
];

function caseCells(c: CaseSummary) {
  return {
    number: c.number,
    status: label(CASE_STATUS_LABELS, c.status),
    light: label(LIGHT_LABELS, c.light),
    source: label(CASE_SOURCE_LABELS, c.source),
    category: `${c.category.code} ${c.category.name}`,
    description: c.description,
    address: c.address,
    grid: c.grid
      ? `${c.grid.code} ${c.grid.name}`
      : c.lng === null
        ? '（待定位）'
        : c.outOfGrid
          ? '（网格外）'
          : '',
    community: c.community?.name,
    street: c.street?.name,
    district: c.district?.name,
    block: c.block?.name,
    unit: c.leadUnit?.name,
    stage: label(CASE_STAGE_LABELS, c.stage),
    deadline: cnTime(c.stageDeadline),
    supervision: c.supervisionLevel ? SUPERVISION_LEVEL_LABELS[c.supervisionLevel]?.zh : '',
    reworks: c.reworkCount,
    returns: c.returnCount,
    createdAt: cnTime(c.createdAt),
    closedAt: cnTime(c.closedAt),
  };
}

/** Excel exports of the case list and the KPIs. */
export function createCaseDocuments(deps: { db: Db; clock: Clock; cases: CasesService; kpis: KpisService }) {
  const stamp = () => cityDay(deps.clock.now()).replaceAll('-', '');
  return {
    async exportCases(ctx: Ctx, q: Omit<CaseListQuery, 'page' | 'pageSize'>): Promise<DownloadFile> {
      const page = await deps.cases.listCases(ctx, {
        ...q,
        page: 1,
        pageSize: EXPORT_LIMIT,
      } as CaseListQuery);
      const data = await buildSheet({ sheet: '案件', columns: CASE_COLUMNS }, page.items.map(caseCells));
      return { data, fileName: `案件-${stamp()}.xlsx`, asciiName: `cases-${stamp()}.xlsx` };
    },

    async exportKpis(ctx: Ctx, q: KpiQuery): Promise<DownloadFile> {
      const r = await deps.kpis.kpis(ctx, q);
      type K = string;
      const columns: Column<K>[] = [
        { key: 'name', header: KPI_DIMENSION_LABELS[q.dimension].zh, width: 24 },
        ...KPI_RATES.map((k) => ({ key: k, header: KPI_RATE_LABELS[k].zh, width: 14 })),
        ...KPI_COUNTERS.map((k) => ({ key: k, header: k, width: 10 })),
      ];
      const cells = [...r.rows, r.total].map((row) => ({
        name: row.name,
        ...Object.fromEntries(
          KPI_RATES.map((k) => {
            const v = row.rates[k];
            return [
              k,
              v === null
                ? '—'
                : k === 'avgDisposeHours'
                  ? Math.round(v * 10) / 10
                  : `${(v * 100).toFixed(2)}%`,
            ];
          }),
        ),
        ...row.counters,
      }));
      const data = await buildSheet({ sheet: '绩效考核', columns }, cells);
      return { data, fileName: `绩效考核-${stamp()}.xlsx`, asciiName: `kpis-${stamp()}.xlsx` };
    },
  };
}

export type CaseDocuments = ReturnType<typeof createCaseDocuments>;
