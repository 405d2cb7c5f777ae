import { z } from 'zod';

// In the browser, zod validates without its fast path compiled with `new Function`: the
// Content-Security-Policy (script-src 'self', no 'unsafe-eval') forbids it, and zod's probe for it
// would be reported as a violation on every page. Schemas read the setting when they are built, so
// this module comes first in index.ts. The server (no document) keeps the fast path.
if ('document' in globalThis) z.config({ jitless: true });
