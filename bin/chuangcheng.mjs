#!/usr/bin/env node
// The chuangcheng command. Runs the TypeScript sources through tsx (no separate server build step).
import { register } from 'tsx/esm/api';

register();
await import('../apps/api/src/cli.ts');
