import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { newToken } from './ids';

/**
 * Where photos and documents live. A local directory by default; an S3-compatible store can implement
 * the same calls, so stateless API processes can share one.
 */
export interface FileStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** The file as a stream (large files: archive exports never hold a whole file in memory). */
  stream(key: string): Readable;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,300}$/;

/** Files under one directory; keys are relative paths checked never to climb out of it. */
export function localFileStore(root: string): FileStore {
  const resolve = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe file key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a crash never leaves half a file under the final name.
      const tmp = `${file}.${newToken(6)}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file);
    },
    get: (key) => readFile(resolve(key)),
    stream: (key) => createReadStream(resolve(key)),
    async exists(key) {
      try {
        await stat(resolve(key));
        return true;
      } catch {
        return false;
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
  };
}
