import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { contentSecurityPolicy, tileSource } from './csp';

// The Content-Security-Policy on every answer: the console and the citizen portal pages, the API,
// Open311 and Swagger UI (whose start-up script is a file, not inline).

const TILE_URL = 'https://{s}.tile.example.org/{z}/{x}/{y}.png';
let t: TestApp;

beforeAll(async () => {
  // A stand-in for the built web: two pages, as `npm run build:web` writes them.
  const web = mkdtempSync(path.join(os.tmpdir(), 'cc-web-'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>创城</title>');
  writeFileSync(path.join(web, 'citizen.html'), '<!doctype html><title>随手拍</title>');
  t = await createTestApp({ TILE_URL, WEB_DIST: web });
});
afterAll(() => t.close());

function directives(header: string | null): Map<string, string[]> {
  expect(header, 'Content-Security-Policy header').toBeTruthy();
  return new Map(
    header!.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('tile sources', () => {
  it('turn a tile URL template into its origin, a {s} label into a wildcard', () => {
    expect(tileSource(TILE_URL)).toBe('https://*.tile.example.org');
    expect(tileSource('https://t{s}.tianditu.gov.cn/img_w/wmts?tk=x')).toBe('https://*.tianditu.gov.cn');
    expect(tileSource('http://10.1.2.3:8080/tiles/{z}/{x}/{y}.png')).toBe('http://10.1.2.3:8080');
    expect(tileSource('//tiles.example.org/{z}/{x}/{y}.png')).toBe('tiles.example.org');
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeNull();
    expect(tileSource(null)).toBeNull();
    expect(tileSource('https://a.{s}.example.org/x')).toBeNull();
    expect(tileSource("https://evil.org; script-src 'unsafe-inline'/x")).toBeNull();
    expect(contentSecurityPolicy({ tileUrl: null })).not.toContain('undefined');
  });
});

describe('the Content-Security-Policy header', () => {
  it('is on the console, the citizen portal, the API and Open311', async () => {
    for (const p of [
      '/',
      '/cases/123',
      '/c',
      '/c/track',
      '/api/config',
      '/api/cases',
      '/open311/v2/discovery.json',
    ]) {
      const r = await t.call('GET', p);
      const d = directives(r.headers.get('content-security-policy'));
      expect(d.get('default-src'), p).toEqual(["'self'"]);
      expect(d.get('script-src'), p).toEqual(["'self'"]);
      expect(d.get('style-src'), p).toEqual(["'self'", "'unsafe-inline'"]);
      expect(d.get('img-src'), p).toEqual(["'self'", 'data:', 'blob:', 'https://*.tile.example.org']);
      expect(d.get('connect-src'), p).toEqual(["'self'"]);
      expect(d.get('frame-ancestors'), p).toEqual(["'none'"]);
      expect(d.get('object-src'), p).toEqual(["'none'"]);
      expect(d.get('base-uri'), p).toEqual(["'self'"]);
      expect(r.headers.get('x-frame-options'), p).toBe('DENY');
    }
  });

  it('lets Swagger UI run: no inline script on /api/docs, its start-up script served as a file', async () => {
    const page = await t.call('GET', '/api/docs');
    expect(page.status).toBe(200);
    directives(page.headers.get('content-security-policy'));
    const html = page.body as string;
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs, 'scripts come from files').toMatch(/src="\/api\/docs\//);
      expect(body!.trim()).toBe('');
    }
    const init = await t.call('GET', '/api/docs/init.js');
    expect(init.status).toBe(200);
    expect(init.headers.get('content-type')).toContain('javascript');
    expect(init.body).toContain('SwaggerUIBundle');
    expect(init.body).toContain('/api/openapi.json');
  });
});
