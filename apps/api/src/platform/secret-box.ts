import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PREFIX = 'enc:v1:';

/**
 * Personal data at rest (citizens' phone numbers): AES-256-GCM sealing, and a keyed hash (HMAC) for
 * lookups and per-phone limits without decrypting. The key comes from CHUANGCHENG_SECRET or, on the
 * embedded set-up, a key file created once in the data directory (mode 0600).
 */
export interface SecretBox {
  seal(plain: string): string;
  /** Opens a sealed value; a value stored before sealing existed is returned as it is. */
  open(stored: string): string;
  open(stored: string | null): string | null;
  /** Keyed hash of a value (hex), stable across processes sharing the key. */
  hash(value: string): string;
  /** A signature of a value (base64url, 16 bytes): claim tokens for anonymous uploads. */
  sign(value: string): string;
  verify(value: string, signature: string): boolean;
}

export function createSecretBox(secret: string): SecretBox {
  const key = createHash('sha256').update(`chuangcheng:seal:${secret}`).digest();
  const macKey = createHash('sha256').update(`chuangcheng:mac:${secret}`).digest();
  const mac = (v: string) => createHmac('sha256', macKey).update(v);
  function open(stored: string): string;
  function open(stored: string | null): string | null;
  function open(stored: string | null): string | null {
    if (stored === null || !stored.startsWith(PREFIX)) return stored;
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open,
    hash: (value) => mac(`h:${value}`).digest('hex'),
    sign: (value) => mac(`s:${value}`).digest().subarray(0, 16).toString('base64url'),
    verify(value, signature) {
      const expected = mac(`s:${value}`).digest().subarray(0, 16).toString('base64url');
      return signature.length === expected.length && signature === expected;
    },
  };
}

/** The installation's secret: the configured one, else a key file in the data directory made on first use. */
export function loadSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'secret.key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const fresh = randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: 'wx' });
      return fresh;
    } catch {
      // Another process created it first.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
