import { ROLES, type Role } from '@chuangcheng/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/app';
import { userSession } from '../../../test/fixtures';
import { roleAllowed } from '../../platform/access';
import { type CatalogTestApp, createCatalogTestApp } from './catalog.test-helpers';

/** The app-wide endpoint × role matrix, for the catalogue's endpoints (until app.ts mounts them). */
let c: CatalogTestApp;
const sessions = new Map<Role, Session>();
const ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  c = await createCatalogTestApp(50);
  for (const role of ROLES) sessions.set(role, await userSession(c.t, `cat_${role}`, role));
});
afterAll(() => c.t.close());

describe('catalogue endpoint × role matrix', () => {
  it('declares access on every endpoint; anonymous callers get 401', async () => {
    expect(c.endpoints.length).toBe(24); // 15 + the holiday years (5) + the trade settings (4)
    for (const e of c.endpoints) {
      expect(e.access).toBeDefined();
      const r = await c.call(
        e.method.toUpperCase(),
        e.path.replace('{id}', ID),
        null,
        e.method === 'get' ? undefined : {},
      );
      expect(r.status, `${e.method} ${e.path}`).toBe(401);
    }
  });

  it('each role is allowed exactly what the endpoint declares, and nothing is a 500', async () => {
    const failures: string[] = [];
    for (const e of c.endpoints) {
      for (const role of ROLES) {
        const r = await c.call(
          e.method.toUpperCase(),
          e.path.replace('{id}', ID),
          sessions.get(role)!,
          e.method === 'get' ? undefined : {},
        );
        const denied = r.status === 403 && r.body?.error?.code === 'FORBIDDEN_ROLE';
        if (roleAllowed(e.access, role) === denied || r.status >= 500)
          failures.push(`${role} ${e.method} ${e.path} → ${r.status} ${r.body?.error?.code ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
