import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/db';
import { loadConfig } from './config/config';
import type { Database } from './db/client';
import * as schema from './db/schema/index';
import { DEMO_STEPS, type DemoStep, ensureDemo } from './demo-seed';

const CASES = 6;

describe('first-start demo interrupted and finished by the next start', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  const config = loadConfig({
    CHUANGCHENG_DATA_DIR: '.tmp/unused',
    CHUANGCHENG_FILES_DIR: mkdtempSync(path.join(os.tmpdir(), 'cc-files-')),
    LOG_LEVEL: 'silent',
  });
  const opts = { grids: 60, password: 'Demo@2026', cases: CASES, onlyIntoEmpty: true };
  const now = new Date('2026-11-23T02:00:00Z');

  async function counts() {
    const n = async (
      table:
        | typeof schema.regions
        | typeof schema.cases
        | typeof schema.categories
        | typeof schema.routingRules
        | typeof schema.standards
        | typeof schema.campaigns
        | typeof schema.assessmentRounds
        | typeof schema.exposures,
    ) => (await database.db.select({ n: count() }).from(table))[0]!.n;
    return {
      cities: (
        await database.db.select({ n: count() }).from(schema.regions).where(eq(schema.regions.level, 'city'))
      )[0]!.n,
      categories: await n(schema.categories),
      rules: await n(schema.routingRules),
      cases: await n(schema.cases),
      exposures: await n(schema.exposures),
      standards: await n(schema.standards),
      campaigns: await n(schema.campaigns),
      rounds: await n(schema.assessmentRounds),
    };
  }

  it('keeps whole steps only when killed, then a second start adds the missing ones exactly once', async () => {
    const done: DemoStep[] = [];
    // The first start dies in the cases step, after the city and the catalogue were saved.
    await expect(
      ensureDemo(database.db, config, {
        ...opts,
        now,
        hooks: {
          afterStep: (step) => {
            if (step === 'cases') throw new Error('killed');
            done.push(step);
          },
        },
      }),
    ).rejects.toThrow('killed');
    expect(done).toEqual(['catalog']);
    const half = await counts();
    expect(half).toMatchObject({ cities: 1, cases: 0, standards: 0, campaigns: 0, rounds: 0, rules: 2 });
    expect(half.categories).toBeGreaterThan(0);

    // The next start finds the half demo and finishes it.
    const second = await ensureDemo(database.db, config, { ...opts, now });
    expect(second?.loaded).toBeNull();
    expect(second?.steps).toEqual(['cases', 'board', 'campaign']);
    const full = await counts();
    expect(full).toMatchObject({
      cities: 1,
      categories: half.categories,
      rules: 2,
      cases: CASES,
      campaigns: 1,
      rounds: 3,
    });
    expect(full.standards).toBeGreaterThanOrEqual(3);
    const keys = (await database.db.select({ key: schema.meta.key }).from(schema.meta)).map((r) => r.key);
    for (const step of [...DEMO_STEPS, 'complete']) expect(keys).toContain(`demo:${second!.cityId}:${step}`);

    // A third start has nothing to do, and nothing is doubled.
    expect(await ensureDemo(database.db, config, { ...opts, now })).toBeNull();
    expect(await counts()).toEqual(full);
    // `chuangcheng demo` on a complete demo still refuses.
    await expect(ensureDemo(database.db, config, { ...opts, now, onlyIntoEmpty: false })).rejects.toThrow(
      /已存在/,
    );
  });
});
