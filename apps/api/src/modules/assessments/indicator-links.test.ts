import type { NodeResult } from '@chuangcheng/contracts';
import { eq } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { standardNodes } from '../../db/schema/index';
import { fileCase, gridPoint, insertCampaign } from './assessments.test-helpers';

/**
 * Two campaigns on two standards whose indicators "1.2" are linked (创卫 and 创文 both check 占道经营):
 * a case linked to one counts against both, and a document filed under one fills the other's slot.
 */
let t: TestApp;
let cityId: string;
let office: Session;
let inspector: Session;
let a: Awaited<ReturnType<typeof insertCampaign>>;
let b: Awaited<ReturnType<typeof insertCampaign>>;
const REQUIREMENT = { title: '占道经营巡查记录', periodicity: 'monthly' };

beforeAll(async () => {
  t = await createTestApp();
  ({ cityId } = await withDemoCity(t, 60));
  await t.services.catalog.loadDefaultCatalog(t.db, cityId);
  office = await t.login('office');
  inspector = await t.login('inspector');
  a = await insertCampaign(t.db, cityId, { name: '创卫' });
  b = await insertCampaign(t.db, cityId, { name: '创文' });
  for (const c of [a, b]) {
    await t.db
      .update(standardNodes)
      .set({ evidence: [REQUIREMENT] })
      .where(eq(standardNodes.id, c.nodeIds.get('1.2')!));
  }
});
afterAll(() => t.close());

/** A small real PDF (the evidence module checks content, not only the extension). */
async function pdf(text: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A6' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  doc.text(text);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

const derivedNode = async (campaignId: string, code: string): Promise<NodeResult> => {
  const r = await t.call('POST', '/api/rounds', {
    session: inspector,
    body: { campaignId, kind: 'self', name: `自查 ${code}`, heldOn: '2026-11-20', derive: true },
  });
  expect(r.status).toBe(201);
  return (r.body.nodes as NodeResult[]).find((n) => n.code === code)!;
};

describe('linked indicators of two standards', () => {
  it('count a case linked to either for both, once, and only once the link exists', async () => {
    const cats = await t.call('GET', '/api/catalog/categories?fileable=true&q=占道经营', { session: office });
    const caseId = await fileCase(t, inspector, {
      categoryId: cats.body[0].id,
      ...(await gridPoint(t.db, cityId)),
    });
    const linkCase = await t.call(
      'POST',
      `/api/campaigns/${b.campaignId}/indicators/${b.nodeIds.get('1.2')}/cases`,
      {
        session: office,
        body: { caseId },
      },
    );
    expect(linkCase.status).toBeLessThan(300);

    // Before the indicators are linked, campaign A knows nothing of B's case.
    expect((await derivedNode(a.campaignId, '1.2')).occurrences ?? 0).toBe(0);

    const link = await t.call('POST', '/api/indicator-links', {
      session: office,
      body: { nodeId: a.nodeIds.get('1.2'), linkedNodeId: b.nodeIds.get('1.2'), note: '同一检查内容' },
    });
    expect(link.status).toBe(201);
    const shared = await derivedNode(a.campaignId, '1.2');
    expect(shared.occurrences).toBe(1);
    expect(shared.source).toBe('cases');
    expect(shared.lost).toBe(5);

    // Linked to A's indicator as well: still one case, not two.
    await t.call('POST', `/api/campaigns/${a.campaignId}/indicators/${a.nodeIds.get('1.2')}/cases`, {
      session: office,
      body: { caseId },
    });
    expect((await derivedNode(a.campaignId, '1.2')).occurrences).toBe(1);
  });

  it('let a document filed under one indicator fill the linked indicator’s slot for the same period', async () => {
    const slotOfA = async () => {
      const r = await t.call('GET', `/api/campaigns/${a.campaignId}/evidence/slots?asOf=2026-11-30`, {
        session: office,
      });
      expect(r.status).toBe(200);
      return (r.body as { nodeId: string; period: string; fileCount: number; complete: boolean }[]).find(
        (s) => s.nodeId === a.nodeIds.get('1.2') && s.period === '2026-11',
      )!;
    };
    expect((await slotOfA()).complete).toBe(false);
    const form = new FormData();
    const fields = {
      campaignId: b.campaignId,
      nodeId: b.nodeIds.get('1.2')!,
      requirement: REQUIREMENT.title,
      period: '2026-11',
      title: '11月占道经营巡查记录',
      docDate: '2026-11-10',
    };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(await pdf('linked'))]), '巡查记录.pdf');
    const up = await t.call('POST', '/api/evidence', { body: form, session: office });
    expect(up.status).toBe(201);
    // Awaiting review it counts for neither indicator; accepted, it fills both.
    expect((await slotOfA()).complete).toBe(false);
    const ok = await t.call('POST', `/api/evidence/${up.body.id}/review`, {
      session: office,
      body: { action: 'approve' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const slot = await slotOfA();
    expect(slot.fileCount).toBe(1);
    expect(slot.complete).toBe(true);
    // Another month of A stays missing: the document counts for its own period only.
    const r = await t.call('GET', `/api/campaigns/${a.campaignId}/evidence/slots?asOf=2026-11-30`, {
      session: office,
    });
    const october = (r.body as { nodeId: string; period: string; complete: boolean }[]).find(
      (s) => s.nodeId === a.nodeIds.get('1.2') && s.period === '2026-10',
    );
    expect(october?.complete).toBe(false);
  });
});
