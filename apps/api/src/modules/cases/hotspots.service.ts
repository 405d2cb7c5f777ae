import type { HotspotQuery, Hotspots } from '@chuangcheng/contracts';
import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema/index';
import type { DownloadFile } from '../../http/download';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError, fieldDetails } from '../../platform/app-error';
import type { Clock } from '../../platform/clock';
import { buildSheet, type Column } from '../../platform/xlsx';
import { cityDay } from '../org/index';
import { codePrefix, createCaseLinksRepository } from './case-links.repository';
import { CASE_READ, scopeOf } from './cases.policy';
import { type CasesRepository, caseFilters } from './cases.repository';

const DAY_MS = 86_400_000;
/** Hotspot cells are about this wide. */
export const HOTSPOT_CELL_M = 50;
const HOTSPOT_DEFAULT_DAYS = 90;

const HOTSPOT_COLUMNS: readonly Column[] = [
  { key: 'rank', header: '排名', width: 6 },
  { key: 'category', header: '问题类别', width: 24 },
  { key: 'count', header: '案件数', width: 8 },
  { key: 'relapses', header: '反弹数', width: 8 },
  { key: 'open', header: '未结案', width: 8 },
  { key: 'address', header: '地址（最近一件）', width: 32 },
  { key: 'latest', header: '最近案件', width: 16, text: true },
  { key: 'latestAt', header: '最近上报时间', width: 18 },
  { key: 'grid', header: '网格', width: 22, text: true },
  { key: 'unit', header: '责任单位', width: 16 },
  { key: 'lng', header: '经度', width: 12 },
  { key: 'lat', header: '纬度', width: 12 },
];
const cnTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** 热点问题 and its Excel export (part of the case-links service). */
export function createHotspotsService(deps: { db: Db; clock: Clock; repo: CasesRepository }) {
  const { clock, repo } = deps;
  const links = createCaseLinksRepository(deps.db);

  /** 热点问题: places where the same problem keeps being reported, ranked by count and relapses. */
  async function hotspots(ctx: Ctx, q: HotspotQuery): Promise<Hotspots> {
    requireRole(ctx.actor, CASE_READ);
    const now = clock.now();
    const to = q.to ?? cityDay(now);
    const from = q.from ?? cityDay(new Date(now.getTime() - (HOTSPOT_DEFAULT_DAYS - 1) * DAY_MS));
    if (from > to) throw new AppError('VALIDATION_FAILED', fieldDetails('from', '开始日期不能晚于结束日期'));
    const where: SQL[] = caseFilters(scopeOf(ctx.actor), { from, to });
    if (q.categoryCode) where.push(codePrefix(q.categoryCode));
    if (q.categoryKind) where.push(eq(cases.categoryKind, q.categoryKind));
    const rows = await links.hotspots(where, HOTSPOT_CELL_M, q.minCount, q.limit);
    const latest = new Map((await links.byIds(rows.map((r) => r.ids[0] ?? ''))).map((r) => [r.id, r]));
    const unitIds = [...latest.values()].map((r) => r.leadUnitId).filter((x): x is string => !!x);
    const names = await repo.names([], [...new Set(unitIds)], []);
    const items = rows.flatMap((r, i) => {
      const l = latest.get(r.ids[0] ?? '');
      if (!l) return [];
      return [
        {
          rank: i + 1,
          categoryKind: r.kind as Hotspots['items'][number]['categoryKind'],
          categoryCode: r.code,
          categoryName: r.name,
          lng: Math.round(r.lng * 1e6) / 1e6,
          lat: Math.round(r.lat * 1e6) / 1e6,
          count: r.count,
          relapseCount: r.relapses,
          openCount: r.open,
          latest: { id: l.id, number: l.number, address: l.address, createdAt: l.createdAt.toISOString() },
          grid: l.gridId ? { id: l.gridId, code: l.gridCode ?? '', name: l.gridName ?? '' } : null,
          leadUnit: l.leadUnitId ? { id: l.leadUnitId, name: names.get(l.leadUnitId) ?? '—' } : null,
          caseIds: r.ids,
        },
      ];
    });
    return { cellM: HOTSPOT_CELL_M, from, to, items };
  }

  return {
    hotspots,

    /** The hotspot table as Excel, with the same filters. */
    async exportHotspots(ctx: Ctx, q: HotspotQuery): Promise<DownloadFile> {
      const r = await hotspots(ctx, q);
      const data = await buildSheet(
        { sheet: '热点问题', columns: HOTSPOT_COLUMNS },
        r.items.map((h) => ({
          rank: h.rank,
          category: `${h.categoryCode} ${h.categoryName}`,
          count: h.count,
          relapses: h.relapseCount,
          open: h.openCount,
          address: h.latest.address ?? '',
          latest: h.latest.number,
          latestAt: cnTime(h.latest.createdAt),
          grid: h.grid ? `${h.grid.code} ${h.grid.name}` : '（网格外）',
          unit: h.leadUnit?.name ?? '',
          lng: h.lng,
          lat: h.lat,
        })),
      );
      const stamp = `${r.from.replaceAll('-', '')}-${r.to.replaceAll('-', '')}`;
      return { data, fileName: `热点问题-${stamp}.xlsx`, asciiName: `hotspots-${stamp}.xlsx` };
    },
  };
}
