import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, processStartTime } from './lock';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const lockTs = path.join(import.meta.dirname, 'lock.ts');

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-lock-'));
  dirs.push(dir);
  return dir;
}

const bootId = () => fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
const lockFile = (dir: string) => path.join(dir, 'chuangcheng.lock');

/** A live process that is not chuangcheng (as when a restarted server's old PID went to another program). */
async function spawnSleep(): Promise<ChildProcess> {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((ok) => child.once('spawn', ok));
  return child;
}

/** Another live chuangcheng process holding the lock on `dir` (the real lock code, run by node + tsx). */
async function spawnHolder(dir: string): Promise<ChildProcess> {
  const code = `import { register } from 'tsx/esm/api'; register();
const { acquireDataDirLock } = await import(${JSON.stringify(lockTs)});
acquireDataDirLock(${JSON.stringify(dir)}); console.log('held'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  await new Promise<void>((ok, fail) => {
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('held')) ok();
    });
    child.stderr?.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.once('exit', (c) => fail(new Error(`holder exited (${c}): ${out}`)));
  });
  return child;
}

describe('data directory lock', () => {
  it('refuses a second holder while the first lives, and takes over a stale lock', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    fs.writeFileSync(lockFile(dir), '999999'); // a PID that does not exist
    const again = acquireDataDirLock(dir);
    again.release();
  });

  it('takes over a lock naming its own PID (a restarted server that got its old PID, e.g. PID 1)', () => {
    const dir = tempDir();
    // The lock format of earlier versions: just the PID.
    fs.writeFileSync(lockFile(dir), String(process.pid));
    acquireDataDirLock(dir).release();
    // The current format, left by an earlier life of this PID (another start time).
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid: process.pid, bootId: bootId(), startTime: '1', host: os.hostname(), nonce: 'x' }),
    );
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')).startTime).toBe(processStartTime(process.pid));
    lock.release();
  });

  it('takes over a lock whose PID now belongs to an unrelated live process', async () => {
    const dir = tempDir();
    const sleep = await spawnSleep();
    const pid = sleep.pid!;
    fs.writeFileSync(lockFile(dir), String(pid)); // older format
    acquireDataDirLock(dir).release();
    // Current format with that process's real start time: still not a chuangcheng process.
    const record = {
      pid,
      bootId: bootId(),
      startTime: processStartTime(pid),
      host: os.hostname(),
      nonce: 'y',
    };
    fs.writeFileSync(lockFile(dir), JSON.stringify(record));
    acquireDataDirLock(dir).release();
    // A record from before the machine restarted.
    fs.writeFileSync(lockFile(dir), JSON.stringify({ ...record, bootId: 'another-boot' }));
    acquireDataDirLock(dir).release();
  });

  it('respects a live chuangcheng holder, and takes over once it was killed', async () => {
    const dir = tempDir();
    const holder = await spawnHolder(dir);
    let refused: unknown;
    try {
      acquireDataDirLock(dir).release();
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).pid).toBe(holder.pid);
    // The record names the holder by PID and process start time.
    const record = JSON.parse(fs.readFileSync(lockFile(dir), 'utf8'));
    expect(record.startTime).toBe(processStartTime(holder.pid!));
    const exited = new Promise((ok) => holder.once('exit', ok));
    holder.kill('SIGKILL'); // a crash: the file stays behind
    await exited;
    expect(fs.existsSync(lockFile(dir))).toBe(true);
    acquireDataDirLock(dir).release();
  });

  it('a holder in another PID namespace (another container) is respected while its lease is fresh', () => {
    const dir = tempDir();
    const otherContainer = {
      pid: 1,
      bootId: bootId(),
      startTime: '4242',
      pidNs: 'pid:[1]',
      host: 'other-container',
      nonce: 'z',
    };
    fs.writeFileSync(lockFile(dir), JSON.stringify(otherContainer));
    expect(() => acquireDataDirLock(dir, { leaseMs: 60_000, waitMs: 0 })).toThrow(DataDirLockedError);
    // Its lease ran out (it stopped refreshing the mtime): taken over.
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(lockFile(dir), old, old);
    acquireDataDirLock(dir, { leaseMs: 60_000, waitMs: 0 }).release();
    // A lease about to run out: the starter waits for it rather than refusing.
    fs.writeFileSync(lockFile(dir), JSON.stringify(otherContainer));
    const almost = new Date(Date.now() - 1_700);
    fs.utimesSync(lockFile(dir), almost, almost);
    const t0 = Date.now();
    acquireDataDirLock(dir, { leaseMs: 2_000, waitMs: 5_000 }).release();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  });

  it('the holder keeps its lease fresh', async () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, { leaseMs: 600 });
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile(dir), old, old);
    await new Promise((ok) => setTimeout(ok, 400));
    expect(Date.now() - fs.statSync(lockFile(dir)).mtimeMs).toBeLessThan(600);
    lock.release();
  });

  it('a second chuangcheng process on the same data directory refuses with a clear message', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/chuangcheng.mjs'), 'migrate'], {
      env: { ...process.env, CHUANGCHENG_DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    lock.release();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/正被另一个 chuangcheng 进程/);
  });
});
