// Open311 answers in JSON (the spec's "Spark convention": arrays at the root) or XML, from one value.

export type Format = 'json' | 'xml';

/** One entry of the spec's error list: the HTTP status as code, and what went wrong. */
export interface Open311Issue {
  code: number;
  description: string;
}

/** A refusal in the spec's format: thrown by the service, rendered by the routes. */
export class Open311Error extends Error {
  readonly status: number;
  readonly issues: Open311Issue[];
  readonly headers: Record<string, string>;

  constructor(status: number, descriptions: string | string[], headers: Record<string, string> = {}) {
    const list = Array.isArray(descriptions) ? descriptions : [descriptions];
    super(list.join('；'));
    this.status = status;
    this.issues = list.map((description) => ({ code: status, description }));
    this.headers = headers;
  }
}

/** The element name of a list's members, by the list's name (as the spec's examples write them). */
const MEMBER: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
  notes: 'note',
};

/**
 * Drops what XML 1.0 cannot carry at all (controls other than tab/newline/return, lone surrogates,
 * U+FFFE/U+FFFF) rather than escaping it, so any stored text still gives a well-formed document.
 */
function xmlChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const ok =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000;
    if (ok) out += ch;
  }
  return out;
}

/** Text content or attribute value, escaped for XML. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const member = MEMBER[name] ?? 'item';
    return `<${name}>${value.map((v) => element(member, v)).join('')}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole XML document: `root` holds `value` (a list becomes its members, an object its fields). */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}

const CONTENT_TYPE: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  // The spec serves XML as text/xml.
  xml: 'text/xml; charset=utf-8',
};

/** The answer in the asked format; `root` names the XML root (services, service_requests …). */
export function render(
  format: Format,
  root: string,
  value: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  const body = format === 'xml' ? toXml(root, value) : JSON.stringify(value);
  return new Response(body, { status, headers: { 'content-type': CONTENT_TYPE[format], ...headers } });
}

export function renderError(format: Format, error: Open311Error): Response {
  return render(format, 'errors', error.issues, error.status, error.headers);
}

/**
 * Splits `services/C0101.xml` into the resource path and its format. Only `.json` and `.xml` count as
 * formats (a code may contain dots); no extension means JSON. Anything else after the last dot is part
 * of the path.
 */
export function splitFormat(path: string): { path: string; format: Format } {
  const m = /^(.*)\.(json|xml)$/i.exec(path);
  if (!m) return { path, format: 'json' };
  return { path: m[1]!, format: m[2]!.toLowerCase() as Format };
}
