type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

function serialize(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  const plain = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [
      k,
      v instanceof Error ? { message: v.message, stack: v.stack } : v,
    ]),
  );
  return ` ${JSON.stringify(plain)}`;
}

/** One-line JSON-ish logs on stderr; stack traces stay in the log, never in a response. */
export function createLogger(level: Level = 'info'): Logger {
  const at = ORDER[level];
  const write = (l: Exclude<Level, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[l] >= at)
      process.stderr.write(`${new Date().toISOString()} ${l.toUpperCase()} ${msg}${serialize(fields)}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
