import {
  CAMPAIGN_TYPE_LABELS,
  CAMPAIGN_TYPES,
  createStandardSchema,
  PERIODICITY_LABELS,
  SCORING_RULE_LABELS,
  type standardImportResultSchema,
} from '@chuangcheng/contracts';
import { validateStandardTree } from '@chuangcheng/domain';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { DownloadFile } from '../../http/download';
import { requireRole } from '../../platform/access';
import { type Ctx, systemCtx } from '../../platform/actor';
import { AppError, importError } from '../../platform/app-error';
import { buildSheet, buildTemplate, type CellOut, readSheet } from '../../platform/xlsx';
import {
  caseSourceLabel,
  DIRECTION_LABELS,
  metricLabel,
  STANDARD_EXAMPLES,
  STANDARD_NOTES,
  STANDARD_SHEET,
  type StandardKey,
} from './standards.columns';
import type { StandardsDeps } from './standards.deps';
import { STANDARD_READ, STANDARD_WRITE } from './standards.policy';
import type { TreeNode } from './standards.presenter';
import { createStandardsRepository } from './standards.repository';
import type { SampleStandard } from './standards.sample-types';
import { SAMPLE_STANDARDS, sampleParentCode } from './standards.samples';
import { insertStandardTree, type NewNode } from './standards.tree';
import type { StandardsCore } from './standards-crud.service';
import { assertThresholds } from './standards-crud.service';
import { planStandardImport } from './standards-import';

/** Most rows one standard file may hold (a county checklist has about a thousand checkpoints). */
export const MAX_STANDARD_ROWS = 10_000;

type StandardImportResult = z.infer<typeof standardImportResultSchema>;

export interface UploadedFile {
  name: string;
  data: Uint8Array;
}

const TYPES = new Map<string, (typeof CAMPAIGN_TYPES)[number]>(
  CAMPAIGN_TYPES.flatMap((t) => [[t, t] as const, [CAMPAIGN_TYPE_LABELS[t].zh, t] as const]),
);

/** The multipart form's standard fields (strings) through the same contract as POST /api/standards. */
function parseHead(fields: Readonly<Record<string, string>>) {
  const num = (k: string) => (fields[k]?.trim() ? Number(fields[k]) : undefined);
  const raw = {
    code: fields.code,
    name: fields.name,
    type: fields.type ? (TYPES.get(fields.type.trim()) ?? fields.type) : undefined,
    totalPoints: num('totalPoints'),
    passScore: num('passScore'),
    basicScore: num('basicScore'),
    ...(fields.note?.trim() ? { note: fields.note } : {}),
  };
  const parsed = createStandardSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) {
    const list = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message }));
    throw new AppError(
      'VALIDATION_FAILED',
      { fields: list },
      `输入有误：${list.map((f) => `${f.field} ${f.message}`).join('；')}`,
    );
  }
  assertThresholds(parsed.data);
  return parsed.data;
}

/** One export row per node, in the import's columns. */
function exportRow(n: TreeNode, parentCode: string | null): Partial<Record<StandardKey, CellOut>> {
  const p = n.params;
  return {
    code: n.code,
    title: n.title,
    parent: parentCode,
    description: n.description,
    points: n.points,
    rule: SCORING_RULE_LABELS[n.rule].zh,
    perOccurrence: p.perOccurrence,
    cap: p.cap,
    allowed: p.allowed,
    metric: p.metric ? metricLabel(p.metric) : null,
    target: p.target,
    zeroAt: p.zeroAt,
    direction: p.direction ? DIRECTION_LABELS[p.direction] : null,
    sources: p.sources?.map(caseSourceLabel).join('、') || null,
    evidence: n.evidence.map((e) => `${e.title}|${PERIODICITY_LABELS[e.periodicity].zh}`).join('\n') || null,
    units: n.unitNames.join('、') || null,
  };
}

/** A sample's nodes with unit names matched against the city's units (unknown names are skipped). */
function sampleNodes(s: SampleStandard, units: ReadonlyMap<string, string>): NewNode[] {
  return s.nodes.map((n) => ({
    key: n.code,
    parentKey: sampleParentCode(n.code),
    code: n.code,
    title: n.title,
    description: n.description ?? null,
    points: n.points ?? 0,
    rule: n.rule ?? 'manual',
    params: n.params ?? {},
    evidence: (n.evidence ?? []).map(([title, periodicity]) => ({ title, periodicity })),
    unitIds: (n.units ?? []).map((u) => units.get(u)).filter((x): x is string => Boolean(x)),
  }));
}

/**
 * Writes the shipped samples the city does not have yet (by code) inside `tx`; returns how many.
 * Used by POST /api/standards/samples and by the demo seed.
 */
export async function insertSamples(deps: StandardsDeps, tx: Db, ctx: Ctx, cityId: string): Promise<number> {
  const r = createStandardsRepository(tx);
  const units = new Map((await r.unitsOfCity(cityId)).map((u) => [u.name, u.id]));
  let created = 0;
  for (const s of SAMPLE_STANDARDS) {
    if ((await r.byCode(cityId, s.code)).length > 0) continue;
    const nodes = sampleNodes(s, units);
    const issues = validateStandardTree(nodes, s.totalPoints);
    if (issues.length)
      throw new Error(`sample ${s.code} is invalid: ${issues.map((i) => i.message).join('; ')}`);
    const { nodes: _n, ...head } = s;
    await insertStandardTree(deps, tx, ctx, cityId, { ...head, sample: true }, nodes, {
      action: 'load_sample',
    });
    created++;
  }
  return created;
}

/** The demo seed's entry: loads the samples into a city as the system. */
export function loadSampleStandards(deps: StandardsDeps, cityId: string): Promise<number> {
  return deps.db.transaction((tx) => insertSamples(deps, tx, systemCtx('demo'), cityId));
}

/** Excel template, import (a new standard or version) and export of one standard. */
export function createStandardsIoService(deps: StandardsDeps, core: StandardsCore) {
  return {
    /** The .xlsx template: headers, drop-downs, example rows and a 说明 sheet. */
    async template(ctx: Ctx): Promise<Uint8Array> {
      requireRole(ctx.actor, STANDARD_WRITE);
      return buildTemplate(STANDARD_SHEET, STANDARD_EXAMPLES, STANDARD_NOTES);
    },

    /**
     * Validates the form and every row, listing all problems at once (nothing written); otherwise writes
     * the file as a new standard (a new version when the code exists) in one transaction.
     */
    async importStandard(
      ctx: Ctx,
      file: UploadedFile,
      fields: Readonly<Record<string, string>>,
    ): Promise<StandardImportResult> {
      requireRole(ctx.actor, STANDARD_WRITE);
      const head = parseHead(fields);
      const cityId = await core.cityOf(ctx);
      const read = await readSheet(file.data, STANDARD_SHEET, MAX_STANDARD_ROWS);
      const plan = planStandardImport(read, await core.repo.unitsOfCity(cityId), head.totalPoints);
      if (plan.issues.length) throw importError(plan.issues);
      const nodes: NewNode[] = plan.nodes;
      const { id } = await deps.db.transaction((tx) =>
        insertStandardTree(
          deps,
          tx,
          ctx,
          cityId,
          { ...head, note: head.note ?? null, sample: false },
          nodes,
          { action: 'import', after: { file: file.name } },
        ),
      );
      return { standardId: id, nodes: nodes.length, veto: nodes.filter((n) => n.rule === 'veto').length };
    },

    /** The standard as .xlsx in the import's columns: it re-imports to the same tree. */
    async exportStandard(ctx: Ctx, id: string): Promise<DownloadFile> {
      const s = await core.load(ctx, id, STANDARD_READ);
      const tree = await core.treeOf(id);
      const codes = new Map(tree.map((n) => [n.id, n.code]));
      const rows = tree.map((n) => exportRow(n, n.parentId ? (codes.get(n.parentId) ?? null) : null));
      return {
        data: await buildSheet(STANDARD_SHEET, rows),
        fileName: `${s.name}-第${s.version}版.xlsx`,
        asciiName: `standard-${s.code}-v${s.version}.xlsx`,
      };
    },

    /** Loads the shipped samples the city does not have yet. */
    async loadSamples(ctx: Ctx): Promise<{ created: number }> {
      requireRole(ctx.actor, STANDARD_WRITE);
      const cityId = await core.cityOf(ctx);
      return { created: await deps.db.transaction((tx) => insertSamples(deps, tx, ctx, cityId)) };
    },
  };
}
