// The import worker thread: parses one uploaded sheet at a time (xlsx-read.ts) off the event loop
// that serves requests. Messages: { id, data, spec, maxRows, limits } → { id, sheet } | { id, refusal }.
import { parentPort } from 'node:worker_threads';
import { type ReadSpec, readSheetData, type XlsxLimits, XlsxRefused } from './xlsx-read';

export interface ParseRequest {
  id: number;
  data: Uint8Array;
  spec: ReadSpec;
  maxRows: number;
  limits: XlsxLimits;
}

parentPort?.on('message', async (m: ParseRequest) => {
  try {
    const sheet = await readSheetData(m.data, m.spec, m.maxRows, m.limits);
    parentPort?.postMessage({ id: m.id, sheet });
  } catch (e) {
    if (e instanceof XlsxRefused) parentPort?.postMessage({ id: m.id, refusal: e.refusal });
    else parentPort?.postMessage({ id: m.id, failure: e instanceof Error ? e.message : String(e) });
  }
});
parentPort?.postMessage({ ready: true });
