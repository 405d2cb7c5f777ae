// Content-Security-Policy for everything the server answers: the console, the citizen portal (/c),
// the API and the Open311 documents. Scripts only from this origin (the built pages carry no inline
// script), styles inline as antd writes them, images from here, data:/blob: (previews) and the map's
// tile server, requests only to this origin, and no framing, plugins or <base> tricks.

/**
 * The CSP source of a Leaflet tile URL template: its scheme and host, a `{s}` subdomain label becoming
 * `*.` (https://{s}.tile.example.org/{z}/{x}/{y}.png → https://*.tile.example.org). A relative URL is
 * this origin (nothing to add); an unreadable one adds nothing.
 */
export function tileSource(tileUrl: string | null | undefined): string | null {
  const m = /^(https?:)?\/\/([^/?#]+)/i.exec(tileUrl?.trim() ?? '');
  if (!m) return null;
  const labels = m[2]!.toLowerCase().split('.');
  // CSP allows a wildcard only as the whole leftmost label.
  if (labels[0]?.includes('{')) labels[0] = '*';
  if (labels.slice(1).some((l) => /[{}*]/.test(l)) || !/^[a-z0-9.*:[\]-]+$/.test(labels.join('.'))) {
    return null;
  }
  return `${m[1] ? m[1].toLowerCase() : ''}//${labels.join('.')}`.replace(/^\/\//, '');
}

function policy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([k, v]) => [k, ...v].join(' '))
    .join('; ');
}

/** The one policy: console, portal, API, Open311 and Swagger UI (/api/docs, its init script a file). */
export function contentSecurityPolicy(map: { tileUrl: string | null }): string {
  const tiles = tileSource(map.tileUrl);
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  });
}
