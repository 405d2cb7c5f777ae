/** Below this many digits a number is too short to show any part of it safely. */
const MIN_DIGITS_TO_PARTLY_SHOW = 7;
const TAIL_DIGITS = 4;

/** Digits of the number that are a country prefix (+86 / 0086 / 86 before an 11-digit mobile). */
function countryPrefixLength(raw: string, digits: string): number {
  if (/^\s*\+86/.test(raw)) return 2;
  if (digits.startsWith('0086')) return 4;
  if (digits.length === 13 && digits.startsWith('861')) return 2;
  return 0;
}

/**
 * How many leading digits of the national number stay visible. Mobile: the 3-digit carrier prefix
 * (138…). Landline: the area code, which says only the city. Anything else: none.
 */
function visibleHeadLength(raw: string, national: string): number {
  if (national.length === 11 && national.startsWith('1')) return 3;
  if (national.startsWith('0')) {
    // When the user wrote a separator after the area code, trust it ("0531-…", "(010) …").
    const written = /^\D*(0\d{2,3})\D/.exec(raw.replace(/^\s*(\+86|0086)/, ''));
    if (written?.[1] !== undefined) return written[1].length;
    // Otherwise the numbering plan: 010 and 02x are 3-digit area codes, the rest 4.
    return /^0[12]/.test(national) ? 3 : 4;
  }
  return 0;
}

/** Masks a phone number for display: '13812345678' → '138****5678', '0531-8888 1234' → '0531-**** 1234'. */
export function maskPhone(phone: string): string;
export function maskPhone(phone: string | null | undefined): string | null;
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS_TO_PARTLY_SHOW) return '*'.repeat(phone.length);
  const prefix = countryPrefixLength(phone, digits);
  const head = prefix + visibleHeadLength(phone, digits.slice(prefix));
  const tailStart = digits.length - TAIL_DIGITS;
  let d = 0;
  // Walk the original string so the user's spacing and dashes survive; only digits are masked.
  return phone.replace(/\d/g, (ch) => {
    const i = d++;
    return i < head || i >= tailStart ? ch : '*';
  });
}

/** Separators in transliterated minority and foreign names (阿卜杜·热合曼) stay visible so the shape reads as a name. */
const NAME_SEPARATORS = new Set(['·', '•', '・', ' ', '.', '-']);

/** Masks a person's name, keeping the first and (for 3+ characters) last character: '张三丰' → '张*丰', '张三' → '张*'. */
export function maskName(name: string): string;
export function maskName(name: string | null | undefined): string | null;
export function maskName(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  // Array.from splits by code point, so rare characters outside the BMP (𠮷) count as one.
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  const middle = chars.slice(1, -1).map((c) => (NAME_SEPARATORS.has(c) ? c : '*'));
  return `${chars[0]}${middle.join('')}${chars[chars.length - 1]}`;
}
