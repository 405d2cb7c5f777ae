// The import worker's entry: a worker thread does not inherit the parent's TypeScript loader, so it
// registers tsx itself (as bin/chuangcheng.mjs does) before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./xlsx-worker.ts');
