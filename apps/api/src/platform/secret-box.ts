import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config';

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

/** The shortest secret accepted: a shorter one (or an empty key file) makes the sealing key guessable. */
export const MIN_SECRET_LENGTH = 32;

/** A missing, empty or short secret: the server refuses to start rather than seal phones with it. */
export class SecretKeyError extends ConfigError {}

/**
 * The installation's secret: the configured one, else a key file in the data directory made on first
 * use. The file appears whole or not at all (written aside, then hard-linked into place), so a crash
 * while creating it never leaves an empty key; an empty or short secret is refused with the fix.
 */
export function loadSecret(configured: string | undefined, dataDir: string): string {
  if (configured !== undefined) {
    if (configured.trim().length < MIN_SECRET_LENGTH)
      throw new SecretKeyError(
        `CHUANGCHENG_SECRET 太短（${configured.trim().length} 个字符，至少 ${MIN_SECRET_LENGTH} 个）：手机号等个人信息会用可被猜出的密钥加密。` +
          '请设置一个随机长字符串，例如 `openssl rand -base64 48` 的输出；已有加密数据时必须沿用原来的值。\n' +
          `CHUANGCHENG_SECRET is too short (${configured.trim().length} characters, at least ${MIN_SECRET_LENGTH}): ` +
          'set a long random string (e.g. the output of `openssl rand -base64 48`); keep the old value if data was already sealed with it.',
      );
    return configured;
  }
  const file = path.join(dataDir, 'secret.key');
  let secret: string;
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    secret = createKeyFile(dataDir, file);
  }
  if (secret.length < MIN_SECRET_LENGTH)
    throw new SecretKeyError(
      `密钥文件 ${file} ${secret.length === 0 ? '是空的' : `太短（${secret.length} 个字符，至少 ${MIN_SECRET_LENGTH} 个）`}，拒绝启动：` +
        '用它加密的手机号无法解开，新数据也会用可被猜出的密钥加密。' +
        '请从备份恢复原来的 secret.key；若从未保存过加密数据（还没有市民留过手机号），可删除该文件，启动时会重新生成；' +
        '或设置 CHUANGCHENG_SECRET（至少 32 个字符）。\n' +
        `The key file ${file} is ${secret.length === 0 ? 'empty' : `too short (${secret.length} characters, at least ${MIN_SECRET_LENGTH})`}; refusing to start. ` +
        'Restore the original secret.key from a backup; if no personal data was ever sealed, delete the file and a new key is made at start; ' +
        'or set CHUANGCHENG_SECRET (32+ characters).',
    );
  return secret;
}

/** A fresh random key file (mode 0600); if another process made one first, that one is used. */
function createKeyFile(dataDir: string, file: string): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const fresh = randomBytes(32).toString('base64url');
  const aside = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = fs.openSync(aside, 'wx', 0o600);
  try {
    fs.writeSync(fd, fresh);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(aside, file);
    return fresh;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
      // A file system without hard links: an exclusive create, written at once.
      fs.writeFileSync(file, fresh, { flag: 'wx', mode: 0o600 });
      return fresh;
    }
    if (code !== 'EEXIST') throw e;
    return fs.readFileSync(file, 'utf8').trim(); // another process created it first
  } finally {
    fs.unlinkSync(aside);
  }
}
