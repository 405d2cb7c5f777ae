import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { withDemoCity } from '../../test/fixtures';
import { auditLog, cases } from '../db/schema/index';
import { badTextReason, findBadText } from './input-text';

// NUL bytes (PostgreSQL cannot store them in text) and unpaired UTF-16 surrogates (not text at all)
// are refused at the edge: 400 INVALID_CHARACTERS naming the field, never a 500 from the database.

let t: TestApp;
let office: Session;

beforeAll(async () => {
  t = await createTestApp();
  await withDemoCity(t, 60);
  office = await t.login('office');
});
afterAll(() => t.close());

const count = async (table: typeof cases | typeof auditLog) => {
  const [r] = await t.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return r!.n;
};

function expectRefused(r: Awaited<ReturnType<TestApp['call']>>, field: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body.error.code).toBe('INVALID_CHARACTERS');
  expect(r.body.error.details.fields[0].field).toBe(field);
  expect(r.body.error.message).toContain(field);
  expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+|Error:/);
}

describe('the text checks', () => {
  it('find NUL and lone surrogates, keep paired surrogates (emoji) and name the nested field', () => {
    expect(badTextReason('占道经营 🚧')).toBeNull();
    expect(badTextReason('a\u0000b')).toContain('空字符');
    expect(badTextReason('a\ud800b')).toContain('代理项');
    expect(badTextReason('\udc00')).toContain('代理项');
    expect(badTextReason('🚧'.slice(0, 1))).toContain('代理项');
    expect(findBadText({ a: [{ b: 'ok' }, { b: 'x\u0000' }] })).toEqual({
      field: 'a.1.b',
      message: expect.stringContaining('空字符'),
    });
    expect(findBadText({ 'k\u0000': 1 })?.field).toBe('k\u0000');
    expect(findBadText({ a: 1, b: [true, null, '正常'] })).toBeNull();
  });
});

describe('requests with NUL or lone surrogates', () => {
  it('refuses them on the anonymous login (JSON body) without touching the account tables', async () => {
    const nul = await t.call('POST', '/api/auth/login', {
      body: { username: 'office\u0000', password: 'x' },
    });
    expectRefused(nul, 'username');
    // A lone surrogate can only arrive as a JSON escape.
    const lone = await t.call('POST', '/api/auth/login', {
      body: '{"username":"office","password":"\\ud800abc"}',
      headers: { 'content-type': 'application/json' },
    });
    expectRefused(lone, 'password');
    // The real account still logs in: nothing was counted against it.
    expect((await t.login('office')).token).toBeTruthy();
  });

  it('refuses them in the query string of list and export endpoints', async () => {
    for (const path of [
      '/api/cases?q=%00',
      '/api/units?q=abc%00',
      '/api/people?q=%00',
      '/api/exports/cases.xlsx?q=%00',
      '/api/exports/units.xlsx?q=%00',
    ]) {
      const r = await t.call('GET', path, { session: office });
      expectRefused(r, 'q');
    }
    // The name of a parameter counts too; a surrogate pair (emoji) is fine.
    expectRefused(await t.call('GET', '/api/cases?%00=1', { session: office }), '(query)');
    const ok = await t.call('GET', `/api/cases?q=${encodeURIComponent('🚧')}`, { session: office });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('refuses them in the path', async () => {
    expectRefused(await t.call('GET', '/api/cases/%00', { session: office }), '(path)');
  });

  it('refuses them in a JSON body, naming the nested field, and writes nothing', async () => {
    const before = { cases: await count(cases), audit: await count(auditLog) };
    const r = await t.call('POST', '/api/cases', {
      session: office,
      body: '{"source":"inspector","categoryId":"00000000-0000-4000-8000-000000000000","description":"占道\\udc00经营","lng":113.3,"lat":23.1}',
      headers: { 'content-type': 'application/json' },
    });
    expectRefused(r, 'description');
    const view = await t.call('POST', '/api/saved-views', {
      session: office,
      body: { name: '我的视图', query: { status: ['reported'], q: '\u0000' } },
    });
    expectRefused(view, 'query.q');
    // The access gate still comes first: without a session the body is not read.
    expect((await t.call('POST', '/api/saved-views', { body: { name: '\u0000', query: {} } })).status).toBe(
      401,
    );
    expect({ cases: await count(cases), audit: await count(auditLog) }).toEqual(before);
  });

  it('refuses them in multipart form fields', async () => {
    const form = new FormData();
    form.set('kind', 'before\u0000');
    form.set('file', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }), 'a.jpg');
    expectRefused(await t.call('POST', '/api/photos', { session: office, body: form }), 'kind');
  });
});
