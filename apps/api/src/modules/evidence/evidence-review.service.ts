import type { EvidenceFile, ReviewEvidence } from '@chuangcheng/contracts';
import { requireRole } from '../../platform/access';
import type { Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { EvidenceDeps } from './evidence.deps';
import { EVIDENCE_REVIEW, reviewActionsFor, unitOnly } from './evidence.policy';
import { createEvidenceRepository, type EvidenceRow } from './evidence.repository';
import { presentFiles, visibleNodeIds } from './evidence-files.service';
import { loadScope } from './evidence-scope';

/**
 * The review of the archive's documents before they count: the lead unit (牵头单位) approves or sends
 * back, the office accepts or sends back (with a reason). Only an accepted document makes its slot
 * complete.
 */
export function createEvidenceReviewService(deps: EvidenceDeps) {
  const repo = createEvidenceRepository(deps.db);

  return {
    /** Approves (lead unit → the office; office → accepted) or sends back one document, audited. */
    async reviewEvidence(ctx: Ctx, id: string, input: ReviewEvidence): Promise<EvidenceFile> {
      requireRole(ctx.actor, EVIDENCE_REVIEW);
      const row = await repo.byId(id);
      if (!row) throw new AppError('EVIDENCE_NOT_FOUND');
      const scope = await loadScope(repo, ctx.actor, row.campaignId);
      const unit = unitOnly(ctx.actor);
      if (unit !== undefined && (unit === null || !scope.unitsOf(row.nodeId).has(unit)))
        throw new AppError('EVIDENCE_NOT_FOUND');
      const lead = scope.leadUnitOf(row.nodeId);
      const allowed = reviewActionsFor(ctx.actor, row.reviewStatus, lead);
      if (!allowed.includes(input.action)) {
        if (ctx.actor.role === 'unit' && lead !== ctx.actor.unitId)
          throw new AppError('FORBIDDEN_SCOPE', { id }, '只有该指标的牵头单位可以审核此台账资料');
        throw new AppError('EVIDENCE_REVIEW_STATE', { id, status: row.reviewStatus, action: input.action });
      }
      const now = deps.clock.now();
      const who = ctx.actor.displayName;
      const patch: Partial<EvidenceRow> =
        input.action === 'return'
          ? { reviewStatus: 'returned', reviewedByName: who, reviewedAt: now, returnReason: input.reason! }
          : row.reviewStatus === 'pending_lead'
            ? {
                reviewStatus: 'pending_office',
                leadReviewedByName: who,
                leadReviewedAt: now,
                returnReason: null,
              }
            : { reviewStatus: 'accepted', reviewedByName: who, reviewedAt: now, returnReason: null };
      await deps.db.transaction(async (tx) => {
        const moved = await createEvidenceRepository(tx).review(row.cityId, id, row.reviewStatus, patch);
        if (!moved)
          throw new AppError('EVIDENCE_REVIEW_STATE', { id, status: 'changed', action: input.action });
        await deps.audit.record(tx, ctx, {
          cityId: row.cityId,
          action: input.action === 'return' ? 'evidence_return' : 'evidence_approve',
          entityType: 'evidence',
          entityId: id,
          before: { reviewStatus: row.reviewStatus },
          after: { ...patch, ...(input.reason ? { reason: input.reason } : {}) },
        });
      });
      const saved = await repo.byId(id);
      return (await presentFiles(repo, [saved!], scope, ctx.actor))[0]!;
    },

    /**
     * The actor's review queue for a campaign: for a unit, documents of the indicators it leads awaiting
     * its review; for the office, every document awaiting review (those still at the lead unit too, so
     * it can chase them). Oldest first.
     */
    async reviewQueue(ctx: Ctx, campaignId: string): Promise<EvidenceFile[]> {
      requireRole(ctx.actor, EVIDENCE_REVIEW);
      const scope = await loadScope(repo, ctx.actor, campaignId);
      let rows = await repo.awaitingReview(scope.campaign.cityId, scope.campaign.id);
      const unit = unitOnly(ctx.actor);
      if (unit !== undefined) {
        const visible = new Set(visibleNodeIds(scope, unit));
        rows = rows.filter(
          (r) =>
            visible.has(r.nodeId) && r.reviewStatus === 'pending_lead' && scope.leadUnitOf(r.nodeId) === unit,
        );
      }
      return presentFiles(repo, rows, scope, ctx.actor);
    },
  };
}
