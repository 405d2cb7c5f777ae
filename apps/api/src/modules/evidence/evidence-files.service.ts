import { createHash } from 'node:crypto';
import type {
  EvidenceFile,
  EvidenceUploadFields,
  evidenceListQuerySchema,
  Page,
} from '@chuangcheng/contracts';
import { periodsBetween } from '@chuangcheng/domain';
import type { z } from 'zod';
import { requireRole } from '../../platform/access';
import type { Actor, Ctx } from '../../platform/actor';
import { AppError, fieldError } from '../../platform/app-error';
import { newId } from '../../platform/ids';
import { offsetOf, pageResult } from '../../platform/pagination';
import type { EvidenceDeps } from './evidence.deps';
import { EVIDENCE_READ, EVIDENCE_WRITE, reviewActionsFor, unitOnly } from './evidence.policy';
import { presentEvidence } from './evidence.presenter';
import {
  createEvidenceRepository,
  type EvidenceListRow,
  type EvidenceRepository,
} from './evidence.repository';
import { type CampaignScope, loadScope } from './evidence-scope';
import { evidenceKind, MIME_OF } from './evidence-type';

export interface UploadedFile {
  name: string;
  data: Uint8Array;
}

const PERIOD_FORM: Record<string, string> = {
  once: 'once',
  yearly: '如 2026',
  quarterly: '如 2026-Q3',
  monthly: '如 2026-11',
};

/** Node ids a unit answers for in this campaign (all nodes for everyone else). */
export function visibleNodeIds(
  scope: CampaignScope,
  unitId: string | null | undefined,
): string[] | undefined {
  if (unitId === undefined) return undefined;
  if (unitId === null) return [];
  return scope.nodes.filter((n) => scope.unitsOf(n.id).has(unitId)).map((n) => n.id);
}

/** Files as `actor` sees them: consistency flags, the lead unit that reviews, the actions allowed now. */
export async function presentFiles(
  repo: EvidenceRepository,
  rows: EvidenceListRow[],
  scope: CampaignScope,
  actor: Actor,
): Promise<EvidenceFile[]> {
  const cityId = rows[0]?.cityId;
  if (!cityId) return [];
  const leads = new Map(rows.map((r) => [r.nodeId, scope.leadUnitOf(r.nodeId)]));
  const [dups, names] = await Promise.all([
    repo.duplicatesOf(
      cityId,
      rows.map((r) => r.sha256),
    ),
    repo.unitNames([...new Set([...leads.values()].filter((u): u is string => u !== null))]),
  ]);
  return rows.map((r) => {
    const lead = leads.get(r.nodeId) ?? null;
    return presentEvidence(r, dups.get(r.sha256) ?? [], {
      leadUnitName: lead ? (names.get(lead) ?? null) : null,
      actions: reviewActionsFor(actor, r.reviewStatus, lead),
    });
  });
}

/**
 * The first review stage of a new upload: the lead unit reviews a unit's document; the lead unit's own
 * upload, the office's, and one for an indicator without a lead unit go straight to the office.
 */
function firstStage(scope: CampaignScope, nodeId: string, actor: Actor) {
  const lead = scope.leadUnitOf(nodeId);
  return actor.role === 'unit' && lead !== null && lead !== actor.unitId ? 'pending_lead' : 'pending_office';
}

/** The archive's files: upload (checked by content), list with consistency flags, download, delete. */
export function createEvidenceFilesService(deps: EvidenceDeps) {
  const repo = createEvidenceRepository(deps.db);

  /** The node, requirement and period of an upload must fit the campaign's tree and dates. */
  function checkPlace(scope: CampaignScope, f: EvidenceUploadFields) {
    const node = scope.byId.get(f.nodeId);
    if (!node) throw fieldError('nodeId', '该指标不属于此创建活动的考核标准');
    const req = scope.requirementsOf(node).find((r) => r.title === f.requirement);
    if (!req) {
      const titles = scope.requirementsOf(node).map((r) => `“${r.title}”`);
      throw fieldError(
        'requirement',
        titles.length
          ? `指标 ${node.code} 要求的台账资料只有：${titles.join('、')}`
          : `指标 ${node.code} 没有台账资料要求`,
      );
    }
    const { startsOn, endsOn } = scope.campaign;
    if (!periodsBetween(req.periodicity, startsOn, endsOn).includes(f.period)) {
      throw fieldError(
        'period',
        `“${req.title}”按${req.periodicity === 'once' ? '一次性' : PERIOD_FORM[req.periodicity]}填写期间，且须在创建活动期间（${startsOn} 至 ${endsOn}）内`,
      );
    }
    return node;
  }

  return {
    repo,

    /** Files one document into the archive: checked, hashed, stored, recorded — or nothing at all. */
    async uploadEvidence(ctx: Ctx, fields: EvidenceUploadFields, file: UploadedFile): Promise<EvidenceFile> {
      requireRole(ctx.actor, EVIDENCE_WRITE);
      const scope = await loadScope(repo, ctx.actor, fields.campaignId);
      const node = checkPlace(scope, fields);
      const unit = unitOnly(ctx.actor);
      if (unit !== undefined && (unit === null || !scope.unitsOf(node.id).has(unit)))
        throw new AppError('FORBIDDEN_SCOPE', { nodeId: node.id }, '只能为本单位负责的指标上传台账资料');
      if (file.data.byteLength > deps.maxBytes)
        throw new AppError('EVIDENCE_TOO_LARGE', { limitBytes: deps.maxBytes, size: file.data.byteLength });
      const kind = evidenceKind(file.name, file.data);
      if (!kind) throw new AppError('EVIDENCE_TYPE_NOT_ALLOWED', { fileName: file.name });

      const cityId = scope.campaign.cityId;
      const now = deps.clock.now();
      const id = newId(now.getTime());
      const sha256 = createHash('sha256').update(file.data).digest('hex');
      const storageKey = `evidence/${cityId}/${scope.campaign.id}/${id}.${kind}`;
      const row = {
        cityId,
        id,
        campaignId: scope.campaign.id,
        nodeId: node.id,
        requirement: fields.requirement,
        period: fields.period,
        title: fields.title,
        docDate: fields.docDate,
        issuingUnit: fields.issuingUnit || null,
        fileName: file.name.slice(0, 200),
        mime: MIME_OF[kind],
        size: file.data.byteLength,
        sha256,
        storageKey,
        uploadedBy: ctx.actor.id,
        createdAt: now,
        reviewStatus: firstStage(scope, node.id, ctx.actor),
      } as const;
      await deps.files.put(
        storageKey,
        Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength),
      );
      try {
        await deps.db.transaction(async (tx) => {
          await createEvidenceRepository(tx).insert(row);
          const { storageKey: _k, ...after } = row;
          await deps.audit.record(tx, ctx, {
            cityId,
            action: 'upload',
            entityType: 'evidence',
            entityId: id,
            after,
          });
        });
      } catch (e) {
        await deps.files.delete(storageKey).catch(() => undefined);
        throw e;
      }
      const saved = await repo.byId(id);
      return (await presentFiles(repo, [saved!], scope, ctx.actor))[0]!;
    },

    /** A page of a campaign's files (a unit sees its indicators' files only), newest first. */
    async listEvidence(ctx: Ctx, q: z.infer<typeof evidenceListQuerySchema>): Promise<Page<EvidenceFile>> {
      requireRole(ctx.actor, EVIDENCE_READ);
      const scope = await loadScope(repo, ctx.actor, q.campaignId);
      const nodeIds = visibleNodeIds(scope, unitOnly(ctx.actor));
      const { rows, total } = await repo.list(
        scope.campaign.cityId,
        { campaignId: q.campaignId, nodeId: q.nodeId, period: q.period, nodeIds },
        { limit: q.pageSize, offset: offsetOf(q) },
      );
      return pageResult(await presentFiles(repo, rows, scope, ctx.actor), total, q);
    },

    /** One file's bytes for download, with its stored name and type. */
    async evidenceFile(ctx: Ctx, id: string): Promise<{ data: Uint8Array; fileName: string; mime: string }> {
      requireRole(ctx.actor, EVIDENCE_READ);
      const row = await repo.byId(id);
      if (!row) throw new AppError('EVIDENCE_NOT_FOUND');
      const scope = await loadScope(repo, ctx.actor, row.campaignId);
      const unit = unitOnly(ctx.actor);
      if (unit !== undefined && (unit === null || !scope.unitsOf(row.nodeId).has(unit)))
        throw new AppError('FORBIDDEN_SCOPE');
      const data = await deps.files.get(row.storageKey).catch(() => {
        throw new AppError('EVIDENCE_NOT_FOUND', { id }, '台账文件已丢失（存储中找不到），请重新上传');
      });
      return { data, fileName: row.fileName, mime: row.mime };
    },

    /** Removes a file from a campaign the actor may open (office/admin, or a user of the uploader's unit). */
    async deleteEvidence(ctx: Ctx, id: string): Promise<void> {
      requireRole(ctx.actor, EVIDENCE_WRITE);
      const row = await repo.byId(id);
      if (!row) throw new AppError('EVIDENCE_NOT_FOUND');
      await loadScope(repo, ctx.actor, row.campaignId);
      if (ctx.actor.role === 'unit') {
        const uploaderUnit = row.uploadedBy ? await repo.userUnit(row.uploadedBy) : null;
        if (!ctx.actor.unitId || uploaderUnit !== ctx.actor.unitId)
          throw new AppError('FORBIDDEN_SCOPE', { id }, '只能删除本单位上传的台账资料');
      }
      await deps.db.transaction(async (tx) => {
        await createEvidenceRepository(tx).remove(row.cityId, id);
        const { nodeCode: _c, uploaderName: _u, ...before } = row;
        await deps.audit.record(tx, ctx, {
          cityId: row.cityId,
          action: 'delete',
          entityType: 'evidence',
          entityId: id,
          before,
        });
      });
      // After the commit: a failed delete leaves an orphan file, never a record without its file.
      await deps.files.delete(row.storageKey).catch(() => undefined);
    },
  };
}
