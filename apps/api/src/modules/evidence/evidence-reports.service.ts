import type { EvidenceCompleteness } from '@chuangcheng/contracts';
import { requireRole } from '../../platform/access';
import type { Actor, Ctx } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { cityDay, type EvidenceDeps } from './evidence.deps';
import { EVIDENCE_PACKAGE, EVIDENCE_READ, unitOnly } from './evidence.policy';
import { createEvidenceRepository } from './evidence.repository';
import { completenessOf, type EvidenceSlot, issuesOf, slotsOf } from './evidence-completeness';
import { visibleNodeIds } from './evidence-files.service';
import { catalogDocx, catalogRows, catalogXlsx } from './evidence-package.catalog';
import { layoutPackage, safeName } from './evidence-package.layout';
import { type ZipSource, zipStream } from './evidence-package.zip';
import { type CampaignScope, loadScope, scopeOf } from './evidence-scope';

export interface PackageDownload {
  stream: NodeJS.ReadableStream;
  size: number;
  fileName: string;
  asciiName: string;
  files: number;
}

const MISSING_PATH = '（存储中找不到该文件，未打包）';

/** Slots, completeness and the 迎检资料包 of a campaign's archive. */
export function createEvidenceReportsService(deps: EvidenceDeps) {
  const repo = createEvidenceRepository(deps.db);
  const today = () => cityDay(deps.clock.now());

  async function measure(scope: CampaignScope, asOf: string, actor: Actor | null) {
    const visible = actor ? visibleNodeIds(scope, unitOnly(actor)) : undefined;
    const only = visible ? new Set(visible) : undefined;
    const all = await repo.allOf(scope.campaign.cityId, scope.campaign.id);
    const files = only ? all.filter((f) => only.has(f.nodeId)) : all;
    const shared = await repo.sharedCounts(
      scope.campaign.cityId,
      scope.nodes.map((n) => n.id),
    );
    const slots = slotsOf(scope, files, asOf, only, shared);
    return { files, slots };
  }

  async function completeness(
    scope: CampaignScope,
    asOf: string,
    actor: Actor | null,
  ): Promise<EvidenceCompleteness> {
    const { files, slots } = await measure(scope, asOf, actor);
    const sameBytes = await repo.duplicatesOf(
      scope.campaign.cityId,
      files.map((f) => f.sha256),
    );
    const leads = scope.nodes.map((n) => scope.leadUnitOf(n.id)).filter((u): u is string => u !== null);
    const names = await repo.unitNames([...new Set(leads)]);
    return completenessOf(scope, slots, issuesOf(files, sameBytes), names, asOf);
  }

  return {
    /** Every required (indicator × document × period) up to asOf, with its file count. */
    async listSlots(ctx: Ctx, campaignId: string, asOf?: string): Promise<EvidenceSlot[]> {
      requireRole(ctx.actor, EVIDENCE_READ);
      const scope = await loadScope(repo, ctx.actor, campaignId);
      return (await measure(scope, asOf ?? today(), ctx.actor)).slots;
    },

    /** Completeness of the archive up to asOf (a unit sees its own indicators). */
    async getCompleteness(ctx: Ctx, campaignId: string, asOf?: string): Promise<EvidenceCompleteness> {
      requireRole(ctx.actor, EVIDENCE_READ);
      const scope = await loadScope(repo, ctx.actor, campaignId);
      return completeness(scope, asOf ?? today(), ctx.actor);
    },

    /** For the assessments module (evidence_completeness metric): no authorization, the whole city's view. */
    async completeness(cityId: string, campaignId: string, asOf: string): Promise<EvidenceCompleteness> {
      const campaign = await repo.campaign(campaignId);
      if (!campaign || campaign.cityId !== cityId) throw new AppError('CAMPAIGN_NOT_FOUND');
      return completeness(await scopeOf(repo, campaign), asOf, null);
    },

    /**
     * The 迎检资料包: numbered folders, renamed files, 目录.xlsx + 目录.docx listing every required document
     * with its state (已上传 / 缺失 / 过期 / 疑似重复) and review; streamed with its size. Documents sent
     * back are not packed (their slot shows 缺失 until a new one is filed).
     */
    async exportPackage(ctx: Ctx, campaignId: string): Promise<PackageDownload> {
      requireRole(ctx.actor, EVIDENCE_PACKAGE);
      const scope = await loadScope(repo, ctx.actor, campaignId);
      const { files: everything, slots } = await measure(scope, today(), null);
      const all = everything.filter((f) => f.reviewStatus !== 'returned');
      const stored = await mapLimit(all, 16, (f) => deps.files.exists(f.storageKey));
      const present = new Set(all.filter((_, i) => stored[i]).map((f) => f.id));
      const entries = layoutPackage(scope, all);
      const listed = entries.map((e) => (present.has(e.file.id) ? e : { ...e, path: MISSING_PATH }));
      const sameBytes = await repo.duplicatesOf(
        scope.campaign.cityId,
        all.map((f) => f.sha256),
      );
      const duplicates = new Set(
        all.filter((f) => (sameBytes.get(f.sha256)?.length ?? 0) > 1).map((f) => f.id),
      );
      const rows = catalogRows(scope, listed, slots, duplicates);
      const title = `${scope.campaign.name} 迎检资料目录`;
      const [xlsx, docx] = await Promise.all([catalogXlsx(rows), catalogDocx(title, rows)]);
      const now = deps.clock.now();
      const sources: ZipSource[] = [
        { path: '目录.xlsx', size: xlsx.byteLength, mtime: now, data: xlsx },
        { path: '目录.docx', size: docx.byteLength, mtime: now, data: docx },
        ...entries
          .filter((e) => present.has(e.file.id))
          .map((e) => ({
            path: e.path,
            size: e.file.size,
            mtime: new Date(e.file.createdAt),
            key: e.file.storageKey,
          })),
      ];
      const packed = sources.length - 2;
      const bytes = sources.reduce((s, x) => s + x.size, 0);
      const { stream, size } = await zipStream(deps.files, sources);
      try {
        await deps.db.transaction((tx) =>
          deps.audit.record(tx, ctx, {
            cityId: scope.campaign.cityId,
            action: 'export',
            entityType: 'evidence_package',
            entityId: scope.campaign.id,
            after: { files: packed, bytes, missing: all.length - packed },
          }),
        );
      } catch (e) {
        stream.destroy();
        throw e;
      }
      return {
        stream,
        size,
        files: packed,
        fileName: `${safeName(scope.campaign.name, 60)}_迎检资料包_${cityDay(now)}.zip`,
        asciiName: `evidence-package-${cityDay(now)}.zip`,
      };
    },
  };
}

/** Promise.all with at most `limit` calls in flight (stat of hundreds of files). */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
