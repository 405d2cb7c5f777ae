import type { RowIssue } from '@chuangcheng/contracts';
import { inRegion } from '../../platform/access';
import type { Actor } from '../../platform/actor';
import type { SheetRead } from '../../platform/xlsx';
import { RECTLIST_SHEET, type RectlistKey } from './rectlists.columns';

/** A validated row as stored on the batch: what the job needs to file its case. */
export interface RectlistRowData {
  seq: string | null;
  address: string | null;
  gridCode: string | null;
  /** The point of the case: from the file, or a point inside the named grid; null = 待定位. */
  lng: number | null;
  lat: number | null;
  placedBy: 'point' | 'grid' | 'none';
  categoryId: string;
  categoryCode: string;
  categoryName: string;
  description: string;
  /** 整改期限 as a calendar day (YYYY-MM-DD) in the city's time zone. */
  rectifyBy: string | null;
  assignedBy: string | null;
  remark: string | null;
}

export interface GridFacts {
  id: string;
  code: string;
  communityPath: string | null;
}

/** What validation reads: the actor's scope, the catalogue, the grids and the city's extent. */
export interface ValidateEnv {
  actor: Actor;
  cityId: string;
  /** Today in the city (YYYY-MM-DD). */
  today: string;
  categories: readonly {
    id: string;
    code: string;
    name: string;
    kind: 'component' | 'event';
    group: string;
  }[];
  extent: { minLng: number; maxLng: number; minLat: number; maxLat: number } | null;
  gridByCode(code: string): Promise<GridFacts | null>;
  gridAt(lng: number, lat: number): Promise<GridFacts | null>;
  /** A point the locator puts inside this grid (for rows with a grid code and no coordinates). */
  pointIn(grid: GridFacts): Promise<[number, number] | null>;
}

/** As case intake: a point may lie this far (degrees, ~5 km) outside the city's grids and still be filed. */
const CITY_MARGIN_DEG = 0.05;
const KIND_LETTER = { component: 'C', event: 'E' } as const;

const header = (k: RectlistKey) => RECTLIST_SHEET.columns.find((c) => c.key === k)!.header;

/** 2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日 → 2026-12-31 (or null if not a real day). */
export function parseDay(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day ? day : null;
}

function categoryOf(
  env: ValidateEnv,
  text: string,
): { ok: ValidateEnv['categories'][number] } | { error: string } {
  const t = text.trim();
  const byCode = env.categories.filter((c) => c.code === t);
  if (byCode.length === 1) return { ok: byCode[0]! };
  if (byCode.length > 1)
    return {
      error: `类别编码 ${t} 在部件和事件中都存在，请写成 C${t}（部件）或 E${t}（事件），或写类别名称`,
    };
  const kinded = env.categories.filter((c) => `${KIND_LETTER[c.kind]}${c.code}` === t.toUpperCase());
  if (kinded.length === 1) return { ok: kinded[0]! };
  const byName = env.categories.filter((c) => c.name === t);
  if (byName.length === 1) return { ok: byName[0]! };
  if (byName.length > 1)
    return {
      error: `类别名称「${t}」对应多个类别（${byName.map((c) => `${c.group} ${KIND_LETTER[c.kind]}${c.code}`).join('、')}），请写类别编码`,
    };
  // "0101 占道经营": a code and its name in one cell.
  const [first, ...rest] = t.split(/\s+/);
  if (first && rest.length) {
    const both = env.categories.filter((c) => c.code === first && c.name === rest.join(' '));
    if (both.length === 1) return { ok: both[0]! };
  }
  return { error: `问题类别「${t}」不是本市现行目录中可立案的类别（请填写小类的编码或名称）` };
}

function numberOf(text: string | undefined): number | null | 'bad' {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : 'bad';
}

/**
 * Checks every row of the sheet and lists every problem (行/列/原因); the rows come back only when
 * there is none. Unknown columns are errors: nothing the upper level wrote is dropped silently.
 */
export async function validateRectlist(
  env: ValidateEnv,
  sheet: SheetRead<RectlistKey>,
): Promise<{ issues: RowIssue[]; rows: { row: number; data: RectlistRowData }[] }> {
  const issues: RowIssue[] = [...sheet.issues];
  for (const u of sheet.unknown)
    issues.push({ row: 1, column: u, message: `列「${u}」不是模板中的列，请删除该列或把内容并入“备注”` });
  const rows: { row: number; data: RectlistRowData }[] = [];
  const regional = env.actor.regionPath !== null;
  for (const { row, cells } of sheet.rows) {
    const issue = (k: RectlistKey, message: string) => issues.push({ row, column: header(k), message });
    const before = issues.length;
    const text = (k: RectlistKey) => {
      const v = cells[k]?.trim();
      return v ? v : null;
    };
    const tooLong = (k: RectlistKey, max: number) => {
      const v = text(k);
      if (v && v.length > max) issue(k, `不超过 ${max} 个字（现有 ${v.length} 个）`);
    };
    tooLong('seq', 20);
    tooLong('address', 200);
    tooLong('assignedBy', 64);
    tooLong('remark', 500);

    // Category and description.
    const catText = text('category');
    const cat = catText ? categoryOf(env, catText) : { error: '必填' };
    if ('error' in cat) issue('category', cat.error);
    const description = text('description') ?? '';
    if (description.length < 2) issue('description', description ? '至少 2 个字' : '必填');
    else if (description.length > 2000)
      issue('description', `不超过 2000 个字（现有 ${description.length} 个）`);

    // 整改期限.
    const dayText = text('rectifyBy');
    const rectifyBy = dayText ? parseDay(dayText) : null;
    if (dayText && !rectifyBy) issue('rectifyBy', `「${dayText}」不是有效日期，应为 YYYY-MM-DD`);
    else if (rectifyBy && rectifyBy < env.today)
      issue('rectifyBy', `整改期限 ${rectifyBy} 早于今天（${env.today}）`);

    // Where: a point, a grid code, or an address.
    const lng = numberOf(cells.lng);
    const lat = numberOf(cells.lat);
    let point: [number, number] | null = null;
    if (lng === 'bad') issue('lng', `「${cells.lng}」不是数字`);
    if (lat === 'bad') issue('lat', `「${cells.lat}」不是数字`);
    if (lng !== 'bad' && lat !== 'bad') {
      if ((lng === null) !== (lat === null)) issue(lng === null ? 'lng' : 'lat', '经度和纬度须同时填写');
      else if (lng !== null && lat !== null) {
        if (lng < -180 || lng > 180) issue('lng', '经度应在 -180～180 之间');
        else if (lat < -90 || lat > 90) issue('lat', '纬度应在 -90～90 之间');
        else if (
          env.extent &&
          (lng < env.extent.minLng - CITY_MARGIN_DEG ||
            lng > env.extent.maxLng + CITY_MARGIN_DEG ||
            lat < env.extent.minLat - CITY_MARGIN_DEG ||
            lat > env.extent.maxLat + CITY_MARGIN_DEG)
        )
          issue('lng', `位置（${lng}, ${lat}）不在本市范围内，请核对经纬度（是否填反）`);
        else point = [lng, lat];
      }
    }
    const gridCode = text('gridCode');
    const namedGrid = gridCode ? await env.gridByCode(gridCode) : null;
    if (gridCode && !namedGrid) issue('gridCode', `网格编码 ${gridCode} 不是本市现有的网格`);
    const address = text('address');
    let grid: GridFacts | null = null;
    let placedBy: RectlistRowData['placedBy'] = 'none';
    if (point) {
      grid = await env.gridAt(point[0], point[1]);
      placedBy = 'point';
      if (namedGrid && grid?.id !== namedGrid.id)
        issue(
          'gridCode',
          grid
            ? `经纬度位于网格 ${grid.code}，与网格编码 ${namedGrid.code} 不一致`
            : `经纬度不在网格 ${namedGrid.code} 内（不在任何网格内）`,
        );
    } else if (namedGrid) {
      grid = namedGrid;
      point = await env.pointIn(namedGrid);
      placedBy = 'grid';
      if (!point) issue('gridCode', `网格 ${namedGrid.code} 的范围无法确定代表点，请填写经纬度`);
    } else if (!address && !gridCode && lng === null && lat === null) {
      issue('address', '位置（经度、纬度）、网格编码和地址至少填写一项');
    }

    // A district office files only inside its district.
    if (regional && issues.length === before) {
      if (placedBy === 'none')
        issue('address', '只有地址无法确认是否属于本区：请填写经纬度或网格编码，或由市创建办导入');
      else if (!grid) issue('lng', '该位置不在本区的任何网格内');
      else if (!inRegion(env.actor, env.cityId, grid.communityPath))
        issue(point && placedBy === 'point' ? 'lng' : 'gridCode', `网格 ${grid.code} 不在您的管辖范围内`);
    }

    if (issues.length === before && 'ok' in cat) {
      rows.push({
        row,
        data: {
          seq: text('seq'),
          address,
          gridCode: grid?.code ?? gridCode,
          lng: point?.[0] ?? null,
          lat: point?.[1] ?? null,
          placedBy,
          categoryId: cat.ok.id,
          categoryCode: cat.ok.code,
          categoryName: cat.ok.name,
          description,
          rectifyBy,
          assignedBy: text('assignedBy'),
          remark: text('remark'),
        },
      });
    }
  }
  return { issues, rows };
}
