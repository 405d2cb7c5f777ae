import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config';
import { createSecretBox, loadSecret, SecretKeyError } from './secret-box';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-secret-'));
  dirs.push(dir);
  return dir;
}

describe('the installation secret', () => {
  it('is made once as a 0600 key file and read back by later starts', () => {
    const dir = tempDir();
    const first = loadSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, 'secret.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecret(undefined, dir)).toBe(first);
    expect(fs.readdirSync(dir)).toEqual(['secret.key']); // nothing left aside
    const box = createSecretBox(first);
    expect(createSecretBox(loadSecret(undefined, dir)).open(box.seal('13812345678'))).toBe('13812345678');
  });

  it('refuses an empty or short key file, naming the file and the fix', () => {
    const dir = tempDir();
    const file = path.join(dir, 'secret.key');
    for (const content of ['', '\n', 'short-key']) {
      fs.writeFileSync(file, content);
      let error: unknown;
      try {
        loadSecret(undefined, dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SecretKeyError);
      expect(error).toBeInstanceOf(ConfigError); // the CLI prints it as a message, no stack trace
      const message = (error as Error).message;
      expect(message).toContain(file);
      expect(message).toMatch(/拒绝启动/);
      expect(message).toMatch(/refusing to start/);
      expect(message).toMatch(/CHUANGCHENG_SECRET/);
    }
  });

  it('refuses a configured secret under 32 characters', () => {
    const dir = tempDir();
    expect(() => loadSecret('x'.repeat(31), dir)).toThrow(SecretKeyError);
    expect(() => loadSecret(' '.repeat(40), dir)).toThrow(/CHUANGCHENG_SECRET/);
    expect(loadSecret('k'.repeat(32), dir)).toBe('k'.repeat(32));
    expect(fs.existsSync(path.join(dir, 'secret.key'))).toBe(false);
  });

  it('the server refuses to start on an empty key file, with the message and without a stack trace', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'secret.key'), '');
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/chuangcheng.mjs'), 'serve'], {
      env: {
        ...process.env,
        CHUANGCHENG_DATA_DIR: dir,
        DATABASE_URL: '',
        CHUANGCHENG_SECRET: '',
        PORT: '0',
        HOST: '127.0.0.1',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(path.join(dir, 'secret.key'));
    expect(r.stderr).toMatch(/是空的/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).not.toMatch(/chuangcheng ready/);
    expect(fs.existsSync(path.join(dir, 'pg'))).toBe(false); // refused before opening the database
  });
});
