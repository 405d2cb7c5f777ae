import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DataDirLock {
  file: string;
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个 chuangcheng 进程 (PID ${pid}) 使用。同一嵌入式数据库目录只能由一个进程打开，` +
        `否则会丢失数据。请先停止该进程，或用 CHUANGCHENG_DATA_DIR 指定其他目录，或设置 DATABASE_URL 使用 PostgreSQL。\n` +
        `The data directory ${dataDir} is in use by another chuangcheng process (PID ${pid}); refusing to open it.`,
    );
  }
}

/**
 * Who holds the lock. A PID alone is not an identity: after a crash the restarted server may get the
 * same PID (PID 1 in a container), or an unrelated process may have taken it. The holder is the
 * process with this PID *and* this start time (clock ticks since boot, /proc/<pid>/stat field 22) on
 * this boot (/proc/sys/kernel/random/boot_id); where /proc is missing both are null and the PID and a
 * live-process check decide, conservatively. A holder in another PID namespace (another container on
 * the same volume, e.g. during a rolling update) cannot be looked up: it keeps the file's mtime fresh
 * (a lease), and its lock is taken over only once the lease ran out.
 */
interface LockRecord {
  pid: number;
  bootId: string | null;
  startTime: string | null;
  /** The PID namespace (/proc/self/ns/pid): a PID means nothing from another container. */
  pidNs: string | null;
  host: string;
  /** Tells two acquisitions by one process apart (release removes only its own file). */
  nonce: string;
}

/** Lock files this process holds: a second acquisition in the same process is refused, not taken over. */
const held = new Set<string>();

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function pidNamespace(): string | null {
  try {
    return fs.readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
}

function bootId(): string | null {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim() || null;
}

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
export function processStartTime(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[22 - 3] ?? null;
}

/**
 * Whether the process could be a chuangcheng server (node, tsx or the chuangcheng command). Unknown
 * (no /proc, no permission) counts as yes: a live lock is never taken over on a guess.
 */
function looksLikeChuangcheng(pid: number): boolean {
  const raw = readProc(`/proc/${pid}/cmdline`);
  if (raw === null) return true;
  const argv = raw.split('\0').filter(Boolean);
  if (argv.length === 0) return true; // a zombie or a kernel thread: not a server, but do not guess
  const exe = path.basename(argv[0] ?? '');
  return (
    /node|tsx|chuangcheng/i.test(exe) ||
    exe === path.basename(process.execPath) ||
    argv.some((a) => /chuangcheng/i.test(a))
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A record written by this version (JSON), or an older lock holding just the PID. */
function parseRecord(raw: string): Partial<LockRecord> & { pid: number } {
  try {
    const r = JSON.parse(raw) as Partial<LockRecord>;
    if (typeof r === 'object' && r !== null && Number.isInteger(r.pid)) return r as LockRecord;
  } catch {
    // not JSON: the older format
  }
  return { pid: Number.parseInt(raw, 10) };
}

/** Whether the lock's holder is gone (crashed, killed, rebooted): then the lock may be taken over. */
type Verdict = 'stale' | 'live' | 'lease';

function judge(file: string, r: Partial<LockRecord> & { pid: number }, leaseMs: number): Verdict {
  if (!Number.isInteger(r.pid) || r.pid <= 0) return 'stale';
  const boot = bootId();
  if (r.bootId && boot && r.bootId !== boot) return 'stale'; // written before the machine restarted
  const ns = pidNamespace();
  if (r.pidNs && ns && r.pidNs !== ns) {
    // Another container: its PID is not ours to check; the lease (the file's mtime) decides.
    let mtime: number;
    try {
      mtime = fs.statSync(file).mtimeMs;
    } catch {
      return 'stale'; // removed meanwhile
    }
    return Date.now() - mtime > leaseMs ? 'stale' : 'lease';
  }
  // Our own PID: this process holds it (refuse), or it is a previous life of a restarted server.
  if (r.pid === process.pid) return held.has(file) ? 'live' : 'stale';
  if (!alive(r.pid)) return 'stale';
  const now = processStartTime(r.pid);
  if (r.startTime && now && r.startTime !== now) return 'stale'; // the PID went to a newer process
  return looksLikeChuangcheng(r.pid) ? 'live' : 'stale';
}

/** Blocks the thread (start-up only, before anything else runs). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes a stale lock without racing another starter that is taking it over at the same moment: the
 * file is renamed away first and removed only if it is still the stale record that was judged; a
 * fresh lock moved by mistake is put back.
 */
function removeStale(file: string, judged: string): void {
  const grave = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, grave);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = fs.readFileSync(grave, 'utf8');
  if (moved !== judged) {
    try {
      fs.linkSync(grave, file);
    } catch {
      // a third starter locked meanwhile: it holds the lock now
    }
  }
  fs.unlinkSync(grave);
}

export interface LockOptions {
  /** A holder refreshes the file's mtime every leaseMs / 6; older than leaseMs, a lock from another PID namespace is stale. */
  leaseMs?: number;
  /** How long to wait for the lease of a holder in another PID namespace to run out before refusing. */
  waitMs?: number;
}

export const LOCK_LEASE_MS = 30_000;

/**
 * Exclusive lock on a data directory: `chuangcheng.lock` holds the holder's identity (PID, process
 * start time, boot id, PID namespace). The file appears whole or not at all (written aside, then
 * hard-linked into place, which fails if it exists). A lock whose holder is gone is taken over; a
 * live holder is respected.
 */
export function acquireDataDirLock(dataDir: string, opts: LockOptions = {}): DataDirLock {
  const leaseMs = opts.leaseMs ?? LOCK_LEASE_MS;
  const waitUntil = Date.now() + (opts.waitMs ?? leaseMs + 2_000);
  const file = path.join(path.resolve(dataDir), 'chuangcheng.lock');
  const record: LockRecord = {
    pid: process.pid,
    bootId: bootId(),
    startTime: processStartTime(process.pid),
    pidNs: pidNamespace(),
    host: os.hostname(),
    nonce: randomBytes(8).toString('hex'),
  };
  const content = JSON.stringify(record);
  for (let attempt = 0; attempt < 5; ) {
    const aside = `${file}.${process.pid}-${record.nonce}`;
    fs.writeFileSync(aside, content, { mode: 0o644 });
    let linked = false;
    try {
      fs.linkSync(aside, file);
      linked = true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
        // A file system without hard links: an exclusive create, written at once.
        try {
          fs.writeFileSync(file, content, { flag: 'wx', mode: 0o644 });
          linked = true;
        } catch (e2) {
          if ((e2 as NodeJS.ErrnoException).code !== 'EEXIST') throw e2;
        }
      } else if (code !== 'EEXIST') throw e;
    } finally {
      fs.unlinkSync(aside);
    }
    if (linked) {
      held.add(file);
      // The lease: proof of life for a starter in another PID namespace.
      const beat = setInterval(() => {
        try {
          const t = new Date();
          fs.utimesSync(file, t, t);
        } catch {
          // gone: release follows
        }
      }, leaseMs / 6);
      beat.unref();
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        clearInterval(beat);
        held.delete(file);
        process.removeListener('exit', release);
        try {
          if (fs.readFileSync(file, 'utf8') === content) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { file, release };
    }
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      attempt++; // released meanwhile
      continue;
    }
    const holder = parseRecord(raw);
    const verdict = judge(file, holder, leaseMs);
    if (verdict === 'live') throw new DataDirLockedError(dataDir, holder.pid);
    if (verdict === 'lease') {
      if (Date.now() >= waitUntil) throw new DataDirLockedError(dataDir, holder.pid);
      sleepSync(Math.min(1_000, leaseMs / 6));
      continue;
    }
    attempt++;
    removeStale(file, raw);
  }
  throw new Error(`could not lock ${file}`);
}
