import type { GridFeatureCollection } from '@chuangcheng/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  launchBrowser,
  login,
  newContext,
  screenshot,
  settle,
  startServer,
  type TestServer,
} from './harness';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Ring = [number, number][];

function inside([x, y]: [number, number], ring: Ring): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** A grid and a point inside it (the vertex average, kept only if it really is inside). */
function gridWithInteriorPoint(fc: GridFeatureCollection): { code: string; lng: number; lat: number } {
  for (const feature of fc.features) {
    const ring = (
      feature.geometry.type === 'Polygon'
        ? feature.geometry.coordinates[0]
        : feature.geometry.coordinates[0]?.[0]
    ) as Ring | undefined;
    if (!ring || ring.length < 4) continue;
    const pts = ring.slice(0, -1);
    const lng = pts.reduce((s, p) => s + p[0], 0) / pts.length;
    const lat = pts.reduce((s, p) => s + p[1], 0) / pts.length;
    if (inside([lng, lat], ring)) return { code: feature.properties.code, lng, lat };
  }
  throw new Error('no grid with an interior centre');
}

/** Centres the map on a point at street zoom and clicks it. */
async function clickLngLat(page: Page, lng: number, lat: number): Promise<void> {
  const point = await page.evaluate(
    ([x, y]) => {
      const map = (window as unknown as { __ccMap: import('leaflet').Map }).__ccMap;
      map.setView([y, x], 18, { animate: false });
      const p = map.latLngToContainerPoint([y, x]);
      return { x: p.x, y: p.y };
    },
    [lng, lat] as const,
  );
  const box = await page.getByTestId('grid-map').boundingBox();
  if (!box) throw new Error('map not visible');
  await page.waitForTimeout(300); // let the canvas redraw at the new view
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

describe('grid map', () => {
  it('(b) draws the grids on a canvas; clicking a grid shows its code in the side panel', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await login(page, ADMIN.username, ADMIN.password);
    const fc = (await (await page.request.get('/api/grids/geojson')).json()) as GridFeatureCollection;
    expect(fc.features.length).toBeGreaterThan(0);
    const target = gridWithInteriorPoint(fc);

    await page.goto('/map');
    await page.locator('.leaflet-overlay-pane canvas').waitFor();
    await page.waitForFunction(() => Boolean((window as unknown as { __ccMap?: unknown }).__ccMap));
    await settle(page);
    await page.getByTestId('map-legend').waitFor();
    await screenshot(page, 'desktop-map-all');

    await clickLngLat(page, target.lng, target.lat);
    const code = page.getByTestId('grid-code');
    await code.waitFor();
    expect(((await code.textContent()) ?? '').trim()).toBe(target.code);
    await page.getByText('历史版本').waitFor();
    await settle(page);
    await screenshot(page, 'desktop-map-grid-panel');

    // 定位: click anywhere → /api/locate answers the grid of that point.
    await page.getByTestId('locate-toggle').click();
    await clickLngLat(page, target.lng, target.lat);
    const locate = page.getByTestId('locate-panel');
    await locate.getByText(target.code, { exact: false }).waitFor();
    await screenshot(page, 'desktop-map-locate');
    await context.close();
  });

  it('search by code jumps to the grid and opens it', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await login(page, ADMIN.username, ADMIN.password);
    const fc = (await (await page.request.get('/api/grids/geojson')).json()) as GridFeatureCollection;
    const feature = fc.features[fc.features.length - 1];
    if (!feature) throw new Error('no grids');
    await page.goto('/map');
    await page.locator('.leaflet-overlay-pane canvas').waitFor();
    await settle(page);
    await page.getByTestId('map-search').locator('input').fill(feature.properties.code);
    await page.locator('.ant-select-item-option').first().click();
    const code = page.getByTestId('grid-code');
    await code.waitFor();
    expect(((await code.textContent()) ?? '').trim()).toBe(feature.properties.code);
    expect(new URL(page.url()).searchParams.get('grid')).toBe(feature.id);
    await context.close();
  });
});
