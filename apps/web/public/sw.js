/*
 * 创城·网格通 — the field app's service worker, hand-written (no build plugin), registered by the field
 * pages with scope /field only: the console is never controlled by it.
 *
 * - App shell: the page (index.html, stored under /field) and the built /assets/* it loads, so the app
 *   starts without a network (a basement, a car park). Navigations are network-first (a new deployment
 *   is picked up at once), assets cache-first (their names carry a content hash).
 * - /api: network only — responses carry personal data and are never stored — except three pieces of
 *   reference data the report form needs offline (config, the category catalogue, the grid outlines),
 *   which are network-first with the last answer kept.
 * - Reports made offline are not this file's business: the page keeps them in IndexedDB (the outbox).
 */

const VERSION = 'v1';
const SHELL_CACHE = `cc-field-shell-${VERSION}`;
const ASSET_CACHE = `cc-field-assets-${VERSION}`;
const DATA_CACHE = `cc-field-data-${VERSION}`;
const CACHES = [SHELL_CACHE, ASSET_CACHE, DATA_CACHE];

/** The shell is stored under this key and answers every navigation inside /field when offline. */
const SHELL_URL = '/field';
const STATIC = [
  '/manifest.webmanifest',
  '/favicon.svg',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/maskable-192.png',
  '/icons/maskable-512.png',
];
/** Reference data without personal data (nothing else under /api is ever stored). */
const CACHEABLE_API = [/^\/api\/config$/, /^\/api\/catalog\/categories$/, /^\/api\/grids\/geojson$/];
/** A navigation waits this long for the network before the stored shell answers. */
const NAVIGATION_TIMEOUT_MS = 4000;

/** The /assets/* a page's HTML references (entry script, CSS, module preloads). */
function assetsOf(html) {
  return [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]))];
}

async function storeShell(response) {
  const html = await response.clone().text();
  const shell = await caches.open(SHELL_CACHE);
  const previous = await shell.match(SHELL_URL);
  const before = previous ? assetsOf(await previous.text()) : [];
  await shell.put(SHELL_URL, response);
  const now = assetsOf(html);
  const assets = await caches.open(ASSET_CACHE);
  // A new build: the old build's files will never be asked for again.
  if (before.length > 0 && before.join() !== now.join()) {
    for (const request of await assets.keys()) {
      const path = new URL(request.url).pathname;
      if (path.startsWith('/assets/') && !now.includes(path)) await assets.delete(request);
    }
  }
  await Promise.all(
    now.map(async (path) => {
      if (!(await assets.match(path))) await assets.add(path);
    }),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch(SHELL_URL, { cache: 'no-store', credentials: 'same-origin' });
      if (!response.ok) throw new Error(`app shell: HTTP ${response.status}`);
      await storeShell(response);
      await (await caches.open(ASSET_CACHE)).addAll(STATIC);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('cc-field-') && !CACHES.includes(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'cache-assets' && Array.isArray(data.assets)) {
    // What the page loaded before this worker controlled it (its lazy page chunks, styles).
    event.waitUntil(
      (async () => {
        const assets = await caches.open(ASSET_CACHE);
        for (const path of data.assets) {
          if (typeof path === 'string' && path.startsWith('/assets/') && !(await assets.match(path))) {
            await assets.add(path).catch(() => undefined);
          }
        }
      })(),
    );
  }
  if (data.type === 'logout') event.waitUntil(caches.delete(DATA_CACHE));
});

async function navigation(request) {
  const shell = await caches.open(SHELL_CACHE);
  const network = fetch(request).then(async (response) => {
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      await storeShell(response.clone());
    }
    return response;
  });
  // Answered by the stored shell, the request still refreshes it in the background.
  network.catch(() => undefined);
  const stored = await shell.match(SHELL_URL);
  if (!stored) return network;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), NAVIGATION_TIMEOUT_MS));
  try {
    return (await Promise.race([network, timeout])) || stored;
  } catch {
    return stored;
  }
}

async function cacheFirst(request) {
  const assets = await caches.open(ASSET_CACHE);
  const hit = await assets.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await assets.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const data = await caches.open(DATA_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await data.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await data.match(request);
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (CACHEABLE_API.some((re) => re.test(url.pathname))) event.respondWith(networkFirst(request));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || STATIC.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});
