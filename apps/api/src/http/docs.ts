import { createRequire } from 'node:module';
import path from 'node:path';

/** swagger-ui-dist's files, served from our own build: intranets have no CDN. */
export function swaggerAssetsDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('swagger-ui-dist/package.json'));
}

/** The page: no inline script (the Content-Security-Policy allows scripts from files only). */
export function docsPage(): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>创城 API 文档</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body></html>`;
}

/** Starts Swagger UI on our document; no validator badge (it would call an outside server). */
export const DOCS_INIT_SCRIPT =
  'window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#ui", validatorUrl: null });\n';
