/**
 * Registers the field app's service worker (public/sw.js) for /field only: the console is never
 * controlled by it. Once it controls the page it is told which built assets the page already loaded,
 * so the app shell starts offline from the first visit on.
 */
export function registerFieldServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !globalThis.isSecureContext) return;
  // The dev server serves sources, not the build: nothing worth caching there.
  if (import.meta.env.DEV) return;
  const announce = () => {
    const assets = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/assets/'));
    navigator.serviceWorker.controller?.postMessage({ type: 'cache-assets', assets });
  };
  navigator.serviceWorker
    .register('/sw.js', { scope: '/field' })
    .then(() => {
      if (navigator.serviceWorker.controller) announce();
      else navigator.serviceWorker.addEventListener('controllerchange', announce, { once: true });
    })
    .catch((error: unknown) => console.warn('service worker not registered', error));
}
