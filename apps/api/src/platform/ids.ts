import { randomBytes, randomUUID } from 'node:crypto';

/**
 * UUIDv7 generated in the app (PostgreSQL 15 has no uuidv7()): time-ordered, so the big tables' indexes
 * stay append-mostly.
 */
export function newId(now: number = Date.now()): string {
  const b = randomBytes(16);
  b[0] = Math.floor(now / 2 ** 40) & 0xff;
  b[1] = Math.floor(now / 2 ** 32) & 0xff;
  b[2] = (now >>> 24) & 0xff;
  b[3] = (now >>> 16) & 0xff;
  b[4] = (now >>> 8) & 0xff;
  b[5] = now & 0xff;
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export { randomUUID };

/** An unguessable token (sessions, CSRF), base64url. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
