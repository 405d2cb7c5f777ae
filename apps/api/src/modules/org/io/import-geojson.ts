import { createGridSchema, type GeojsonMapping, type RowIssue } from '@chuangcheng/contracts';
import { type AreaGeometry, geometryAreaM2, geometryBbox, validateAreaGeometry } from '@chuangcheng/domain';
import type { Db } from '../../../db/client';
import { newId } from '../../../platform/ids';
import { fileError } from '../../../platform/xlsx';
import {
  byKey,
  FirstSeen,
  type ImportScope,
  Issues,
  inScope,
  type Planned,
  writesBlockIn,
} from './import.types';
import type { CurrentGrid, GridInsert, ValuesColumn } from './io.repository';

/** One feature of the upload with its 1-based position (the "row" of its problems). */
export interface FeatureRow {
  row: number;
  feature: unknown;
}

const GEOJSON_HINT = '请上传 GeoJSON 要素集合（{"type":"FeatureCollection","features":[…]}），编码为 UTF-8';

/** Parses the upload; a file that is not JSON or not a FeatureCollection is a readable 400. */
export function parseFeatureCollection(data: Uint8Array, maxRows: number): FeatureRow[] {
  let doc: unknown;
  try {
    // TextDecoder drops a UTF-8 BOM (ArcGIS and QGIS on Windows write one).
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch (e) {
    const why = e instanceof SyntaxError ? `：${e.message}` : '（不是 UTF-8 文本）';
    throw fileError(`文件不是有效的 JSON${why}。${GEOJSON_HINT}`);
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (
    typeof doc !== 'object' ||
    doc === null ||
    fc.type !== 'FeatureCollection' ||
    !Array.isArray(fc.features)
  ) {
    throw fileError(`文件不是 GeoJSON FeatureCollection。${GEOJSON_HINT}`);
  }
  if (fc.features.length > maxRows) {
    throw fileError(
      `文件共有 ${fc.features.length} 个要素，超过单次导入上限 ${maxRows} 个，请拆分后分批导入`,
    );
  }
  return fc.features.map((feature, i) => ({ row: i + 1, feature }));
}

/** A property as text: GIS tools often store codes as numbers (9.9e13 prints exactly as 14 digits). */
function prop(props: Record<string, unknown>, key: string | undefined): string {
  if (!key) return '';
  const v = props[key];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

interface Feature {
  row: number;
  code: string;
  name: string;
  communityCode: string;
  blockCode: string;
  leadUnitCode: string;
  geometry: unknown;
}

function readFeature(f: FeatureRow, m: GeojsonMapping, issues: Issues): Feature | null {
  const o = f.feature as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
  if (typeof o !== 'object' || o === null || o.type !== 'Feature') {
    issues.add(f.row, 'type', `第 ${f.row} 个要素不是 GeoJSON Feature`);
    return null;
  }
  const props =
    typeof o.properties === 'object' && o.properties !== null
      ? (o.properties as Record<string, unknown>)
      : {};
  return {
    row: f.row,
    code: prop(props, m.code),
    name: prop(props, m.name),
    communityCode: prop(props, m.community),
    blockCode: prop(props, m.block),
    leadUnitCode: prop(props, m.leadUnit),
    geometry: o.geometry,
  };
}

type Lookups = Awaited<ReturnType<typeof lookups>>;

async function lookups(s: ImportScope, features: readonly Feature[]) {
  const codes = (k: 'code' | 'communityCode' | 'blockCode' | 'leadUnitCode') =>
    features.map((f) => f[k]).filter(Boolean);
  const communities = (await s.repo.regionsByCodes(codes('communityCode'))).filter(
    (r) => r.level === 'community' && r.cityId === s.cityId,
  );
  const blocks = await s.repo.blocksByCodes(s.cityId, codes('blockCode'));
  return {
    communities: byKey(communities, (r) => r.code),
    grids: byKey(await s.repo.currentGridsByCodes(s.cityId, codes('code')), (g) => g.code),
    blocks: byKey(blocks, (b) => b.code),
    blockPlaces: await s.repo.blockPlaces(blocks.map((b) => b.id)),
    units: byKey(await s.repo.unitsByCodes(s.cityId, codes('leadUnitCode')), (u) => u.code),
  };
}

/** The import's geometry option, and the rings it dropped (row warnings). */
interface GeojsonOptions {
  dropSlivers: boolean;
  warnings: RowIssue[];
}

const SLIVER_HINT = '面积为零的环（退化的碎片）可以选择“去掉面积为零的环”后重新校验，系统将逐个列出去掉的环';

interface Checked {
  f: Feature;
  geometry: AreaGeometry;
  communityId: string;
  blockId: string | null;
  leadUnitId: string | null;
  before: CurrentGrid | undefined;
}

/** Problems of one feature; returns it resolved when usable. Columns are the mapped property names. */
function checkFeature(
  s: ImportScope,
  f: Feature,
  m: GeojsonMapping,
  look: Lookups,
  issues: Issues,
  opts: GeojsonOptions,
): Checked | null {
  if (!f.name) issues.add(f.row, m.name, `缺少网格名称（属性 ${m.name}）`);
  else issues.check(f.row, m.name, createGridSchema.shape.name, f.name);
  const community = look.communities.get(f.communityCode);
  if (!f.communityCode) issues.add(f.row, m.community, `缺少所属社区编码（属性 ${m.community}）`);
  else if (!community) issues.add(f.row, m.community, `所属社区编码 ${f.communityCode} 不存在`);
  else if (!inScope(s, community.path))
    issues.add(f.row, m.community, `社区 ${f.communityCode} 不在您的管辖范围内`);
  const before = look.grids.get(f.code);
  if (!f.code) issues.add(f.row, m.code, `缺少网格编码（属性 ${m.code}）`);
  else {
    const reason = s.gridCode.validate(f.code, community ? { communityCode: community.code } : undefined);
    if (reason) issues.add(f.row, m.code, reason);
    else if (before && !inScope(s, before.communityPath))
      issues.add(f.row, m.code, `网格 ${f.code} 不在您的管辖范围内`);
  }
  const v = validateAreaGeometry(f.geometry, { dropSlivers: opts.dropSlivers });
  // Every problem of the geometry, one issue each; rings dropped are warnings (shown, never silent).
  if (!v.ok) for (const problem of v.problems) issues.add(f.row, 'geometry', problem);
  else for (const w of v.warnings) opts.warnings.push({ row: f.row, column: 'geometry', message: w });
  if (!v.ok && !opts.dropSlivers && v.problems.some((p) => p.includes('面积为零')))
    issues.add(f.row, 'geometry', SLIVER_HINT);
  const block = f.blockCode ? look.blocks.get(f.blockCode) : undefined;
  if (f.blockCode && !block) issues.add(f.row, m.block ?? 'block', `责任区块编码 ${f.blockCode} 不存在`);
  else if (block && before?.blockId !== block.id && !writesBlockIn(s, look.blockPlaces.get(block.id)))
    issues.add(f.row, m.block ?? 'block', `责任区块 ${f.blockCode} 不全在您的管辖范围内，不能把网格划入`);
  const lead = f.leadUnitCode ? look.units.get(f.leadUnitCode) : undefined;
  if (f.leadUnitCode && !lead)
    issues.add(f.row, m.leadUnit ?? 'leadUnit', `牵头单位编码 ${f.leadUnitCode} 不存在`);
  if (!v.ok || !community) return null;
  return {
    f,
    geometry: v.geometry,
    communityId: community.id,
    blockId: block?.id ?? null,
    leadUnitId: lead?.id ?? null,
    before,
  };
}

const sameGeometry = (a: AreaGeometry, stored: unknown) => {
  // jsonb reorders object keys, so compare type and coordinates rather than whole documents.
  const b = stored as AreaGeometry;
  return a.type === b.type && JSON.stringify(a.coordinates) === JSON.stringify(b.coordinates);
};

const geomCols = (g: AreaGeometry) => {
  const [minLng, minLat, maxLng, maxLat] = geometryBbox(g);
  return { geometry: g, minLng, minLat, maxLng, maxLat, areaM2: geometryAreaM2(g) };
};

/** Validates every feature; reports a problem per feature, never stops at the first. */
function checkAll(
  s: ImportScope,
  rows: readonly FeatureRow[],
  m: GeojsonMapping,
  look: Lookups,
  features: readonly (Feature | null)[],
  issues: Issues,
  opts: GeojsonOptions,
) {
  const firstSeen = new FirstSeen();
  const checked: Checked[] = [];
  features.forEach((f, i) => {
    if (f) {
      const c = checkFeature(s, f, m, look, issues, opts);
      if (c) checked.push(c);
      const first = f.code ? firstSeen.seen(f.code, f.row) : undefined;
      if (first !== undefined) issues.add(f.row, m.code, `网格编码 ${f.code} 与第 ${first} 个要素重复`);
    }
    if (i % 500 === 499) s.progress(i + 1, rows.length, '校验');
  });
  return checked;
}

/**
 * Grid boundaries (GeoJSON): new codes become grids; an existing code with another geometry or community
 * gets a new version (the current one is closed, as in updateGrid); otherwise its attributes are updated.
 */
export async function planGeojson(
  s: ImportScope,
  rows: readonly FeatureRow[],
  m: GeojsonMapping,
  options: { dropSlivers: boolean } = { dropSlivers: false },
): Promise<Planned> {
  const opts: GeojsonOptions = { ...options, warnings: [] };
  const issues = new Issues(
    rows.length === 0 ? [{ row: 1, column: 'features', message: '文件中没有要素' }] : [],
  );
  const features = rows.map((r) => readFeature(r, m, issues));
  const look = await lookups(
    s,
    features.filter((f): f is Feature => f !== null),
  );
  const checked = checkAll(s, rows, m, look, features, issues, opts);

  const write = await prepareWrite(s, checked, m);
  const updated = checked.filter((c) => c.before).length;
  return {
    issues: issues.sorted(),
    warnings: opts.warnings,
    plan: {
      total: rows.length,
      created: checked.length - updated,
      updated,
      gridsChanged: true,
      write: (tx, wrote) => writeGrids(s, tx, write, wrote),
    },
  };
}

/** Splits checked features into new grids, new versions (predecessor closed) and attribute-only updates. */
async function prepareWrite(
  s: ImportScope,
  checked: readonly Checked[],
  m: GeojsonMapping,
): Promise<GridWrite> {
  const inserts: GridInsert[] = [];
  const closed: CurrentGrid[] = [];
  const attrs: unknown[][] = [];
  const versionOf = new Map<string, string>();
  for (const c of checked) {
    const b = c.before;
    const blockId = m.block ? c.blockId : (b?.blockId ?? null);
    const leadUnitId = m.leadUnit ? c.leadUnitId : (b?.leadUnitId ?? null);
    if (b && b.communityId === c.communityId && sameGeometry(c.geometry, b.geometry)) {
      attrs.push([b.id, c.f.name, blockId, leadUnitId, s.now.toISOString()]);
      continue;
    }
    const id = newId(s.now.getTime());
    if (b) {
      closed.push(b);
      versionOf.set(b.id, id);
    }
    inserts.push({
      id,
      cityId: s.cityId,
      code: c.f.code,
      name: c.f.name,
      communityId: c.communityId,
      blockId,
      leadUnitId,
      leaderId: b?.leaderId ?? null,
      ...geomCols(c.geometry),
      validFrom: s.today,
      validTo: null,
      createdAt: s.now,
      updatedAt: s.now,
    });
  }
  // Read now, not inside the transaction: PGlite has one connection and the transaction holds it.
  const members = await s.repo.members(closed.map((b) => b.id));
  return {
    inserts,
    closedIds: closed.map((b) => b.id),
    attrs,
    unitPairs: members.units.map((u) => ({ gridId: versionOf.get(u.gridId)!, unitId: u.unitId })),
    workerPairs: members.workers.map((x) => ({ gridId: versionOf.get(x.gridId)!, personId: x.personId })),
  };
}

interface GridWrite {
  inserts: GridInsert[];
  closedIds: string[];
  /** [id, name, block_id, lead_unit_id, updated_at] of grids whose geometry did not change. */
  attrs: unknown[][];
  unitPairs: { gridId: string; unitId: string }[];
  workerPairs: { gridId: string; personId: string }[];
}

const ATTR_COLUMNS: readonly ValuesColumn[] = [
  { name: 'name', type: 'text' },
  { name: 'block_id', type: 'uuid' },
  { name: 'lead_unit_id', type: 'uuid' },
  { name: 'updated_at', type: 'timestamptz' },
];

async function writeGrids(s: ImportScope, tx: Db, w: GridWrite, wrote: (n: number) => void): Promise<void> {
  // Close first: the partial unique index allows one open version per code.
  await s.repo.closeGrids(tx, w.closedIds, s.today, s.now);
  await s.repo.insertGrids(tx, w.inserts, wrote);
  // New versions keep their predecessor's member units and grid workers.
  await s.repo.insertGridMembers(tx, w.unitPairs, w.workerPairs);
  await s.repo.updateGrids(tx, ATTR_COLUMNS, w.attrs);
  wrote(w.attrs.length);
}
