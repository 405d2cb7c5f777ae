import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { FileStore } from '../../platform/file-store';

export interface ZipSource {
  /** Path inside the zip. */
  path: string;
  /** Exact byte size (the archive's total size is computed from it before a byte is sent). */
  size: number;
  mtime: Date;
  /** The file store key; or the bytes themselves for small generated files. */
  key?: string;
  data?: Uint8Array;
}

/**
 * A zip streamed from the file store, each file read as a stream when its turn comes (memory is bounded
 * by chunks, not by the largest file). Every entry is stored, not deflated —
 * PDF, Office files and images are compressed already — so the total size is known up front and the
 * download can carry a Content-Length.
 */
export async function zipStream(
  files: FileStore,
  sources: readonly ZipSource[],
): Promise<{ stream: Readable; size: number }> {
  const zip = new ZipFile();
  const out = zip.outputStream as Readable;
  // A file that cannot be read mid-way (deleted from the store, disk error): yazl emits 'error' on the
  // ZipFile, which would crash the process unheard. End the download with that error instead; the
  // client sees fewer bytes than the Content-Length promised and reports a failed download.
  zip.on('error', (err: Error) => out.destroy(err));
  for (const s of sources) {
    if (s.data) {
      const bytes = Buffer.from(s.data.buffer, s.data.byteOffset, s.data.byteLength);
      zip.addBuffer(bytes, s.path, { compress: false, mtime: s.mtime });
      continue;
    }
    const options = { size: s.size, compress: false, mtime: s.mtime };
    const key = s.key!;
    zip.addReadStreamLazy(s.path, options, (cb) => {
      const source = files.stream(key);
      // yazl does not listen for errors on the source stream: a missing or unreadable file must end the
      // download (fewer bytes than promised), not crash the process.
      source.once('error', (err: Error) => out.destroy(err));
      cb(null, source);
    });
  }
  // @types/yazl types the callback without its argument: yazl passes the total size (-1 if unknowable).
  const end = zip.end.bind(zip) as (o: object, cb: (size: number) => void) => void;
  const size = await new Promise<number>((resolve) =>
    end({ forceZip64Format: centralDirectoryBytes(sources) >= 0xffff }, resolve),
  );
  return { stream: out, size };
}

/**
 * yazl 3.3's size prediction counts the zip64 end records once the central directory reaches 64 KiB,
 * but writes them only past 4 GiB: from 64 KiB on (≈ 500 files with Chinese paths) the announced size
 * was 76 bytes too large. Forcing the zip64 end records there makes both agree (zip64 end records are
 * read by Windows Explorer, macOS, 7-Zip, unzip 6).
 */
export function centralDirectoryBytes(sources: readonly { path: string }[]): number {
  // Fixed record (46) + name + the info-zip universal timestamp extra field yazl always adds (9).
  return sources.reduce((n, s) => n + 46 + Buffer.byteLength(s.path) + 9, 0);
}
