import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

describe('data directory lock', () => {
  it('refuses a second holder while the first lives, and takes over a stale lock', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-lock-'));
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    fs.writeFileSync(path.join(dir, 'chuangcheng.lock'), '999999'); // a PID that does not exist
    const again = acquireDataDirLock(dir);
    again.release();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a second chuangcheng process on the same data directory refuses with a clear message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-lock-'));
    const lock = acquireDataDirLock(dir);
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/chuangcheng.mjs'), 'migrate'], {
      env: { ...process.env, CHUANGCHENG_DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    lock.release();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/正被另一个 chuangcheng 进程/);
  });
});
