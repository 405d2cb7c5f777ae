import { OpenAPIHono } from '@hono/zod-openapi';
import { createTestApp, type Session, type TestApp } from '../../../test/app';
import { withDemoCity } from '../../../test/fixtures';
import { readXlsx, xlsx as sheetXlsx } from '../../../test/xlsx';
import type { EndpointMeta } from '../../http/endpoint';
import type { AppEnv } from '../../http/env';
import { errorHandler, validationHook } from '../../http/errors';
import { requestId, sessionLoader } from '../../http/middleware';
import { createLogger } from '../../platform/logger';
import { registerCatalogRoutes } from './catalog.routes';
import { createCatalogService } from './catalog.service';

/**
 * A test app with the demo city and the default catalogue, plus the catalogue's routes mounted on an app of
 * their own (same database, sessions and middleware) until app.ts registers them.
 */
export async function createCatalogTestApp(grids = 60) {
  const t = await createTestApp();
  const { cityId } = await withDemoCity(t, grids);
  const catalog = createCatalogService({
    db: t.db,
    clock: t.clock,
    audit: t.services.audit,
    org: t.services.org,
  });
  const loaded = await t.db.transaction((tx) => catalog.loadDefaultCatalog(tx, cityId));
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const endpoints: EndpointMeta[] = [];
  app.use('*', requestId);
  app.onError(errorHandler(createLogger('silent')));
  app.use('/api/*', sessionLoader(t.services.auth));
  registerCatalogRoutes(app, endpoints, catalog);

  const headersOf = (session: Session | null, json: boolean): Record<string, string> => ({
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...(session ? { cookie: `cc_session=${session.token}`, 'x-csrf-token': session.csrf } : {}),
  });
  const answer = async (res: Response) => {
    const text = await res.text();
    const json = res.headers.get('content-type')?.includes('json');
    // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field, like test/app.ts call()
    return { status: res.status, body: (json && text ? JSON.parse(text) : text || null) as any };
  };

  return {
    t,
    cityId,
    catalog,
    loaded,
    endpoints,
    async call(method: string, path: string, session: Session | null, body?: unknown) {
      const init = { method, headers: headersOf(session, body !== undefined) };
      return answer(
        await app.request(path, body === undefined ? init : { ...init, body: JSON.stringify(body) }),
      );
    },
    async upload(session: Session, path: string, file: { name: string; data: Uint8Array }) {
      const form = new FormData();
      form.append('file', new Blob([file.data]), file.name);
      return answer(
        await app.request(path, { method: 'POST', headers: headersOf(session, false), body: form }),
      );
    },
    async download(session: Session, path: string) {
      const res = await app.request(path, { headers: headersOf(session, false) });
      return { status: res.status, headers: res.headers, data: new Uint8Array(await res.arrayBuffer()) };
    },
  };
}

export type CatalogTestApp = Awaited<ReturnType<typeof createCatalogTestApp>>;
export type { TestApp };

/** An .xlsx with one sheet (named like the catalogue's): header row, then rows. */
export const xlsx = (header: string[], rows: (string | number | null)[][], sheet = '问题分类') =>
  sheetXlsx(header, rows, sheet);
export { readXlsx };

export const CATALOG_HEADER = [
  '类型',
  '大类编码',
  '大类名称',
  '小类编码',
  '小类名称',
  '细类编码',
  '细类名称',
  '主管部门',
  '严重程度',
  '立案条件',
  '处置时限',
  '时限单位',
  '结案条件',
];
