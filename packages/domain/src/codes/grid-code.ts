/** Context a grid-code rule may use: the 12-digit code of the community the grid belongs to. */
export interface GridCodeContext {
  communityCode?: string;
}

/** A grid-code rule a city picks by name; validate returns null when the code is fine, else a Chinese reason. */
export interface GridCodeValidator {
  name: string;
  label: string;
  validate(code: string, ctx?: GridCodeContext): string | null;
}

const COMMUNITY_CODE_LENGTH = 12;

/**
 * Builds a "12-digit community code + N-digit sequence" rule. Both national (GB/T 30428.1, 2-digit
 * sequence) and Beijing (DB11/T, 3-digit) codes share this shape, so one implementation serves both.
 */
function communityPlusSequence(
  name: string,
  label: string,
  sequenceLengths: readonly number[],
): GridCodeValidator {
  const lengths = sequenceLengths.map((n) => COMMUNITY_CODE_LENGTH + n);
  const expected = sequenceLengths.map(
    (n) => `${COMMUNITY_CODE_LENGTH + n} 位数字（12 位社区编码 + ${n} 位顺序码）`,
  );
  return Object.freeze({
    name,
    label,
    validate(code: string, ctx?: GridCodeContext): string | null {
      if (code === '') return '网格编码不能为空';
      if (!/^\d+$/.test(code)) return `网格编码 ${code} 只能包含数字`;
      if (!lengths.includes(code.length)) {
        return `网格编码必须是 ${expected.join(' 或 ')}，实际为 ${code.length} 位`;
      }
      const sequence = code.slice(COMMUNITY_CODE_LENGTH);
      // An all-zero sequence is reserved for the community itself, never a unit grid.
      if (/^0+$/.test(sequence)) return `网格编码 ${code} 的顺序码不能为 ${sequence}`;
      const community = ctx?.communityCode;
      if (community !== undefined) {
        if (!/^\d{12}$/.test(community)) return `所属社区编码 ${community} 必须是 12 位数字`;
        if (!code.startsWith(community)) return `网格编码 ${code} 不以所属社区编码 ${community} 开头`;
      }
      return null;
    },
  });
}

/** Built-in rules: national 14-digit, Beijing 15-digit, and either (for provinces mixing both). */
export const GRID_CODE_VALIDATORS: Readonly<Record<'gb14' | 'bj15' | 'any14or15', GridCodeValidator>> =
  Object.freeze({
    gb14: communityPlusSequence('gb14', '国标 14 位（GB/T 30428.1）', [2]),
    bj15: communityPlusSequence('bj15', '北京 15 位（DB11/T）', [3]),
    any14or15: communityPlusSequence('any14or15', '14 位或 15 位', [2, 3]),
  });

// Module-level on purpose: rules are code, registered once at start-up, not per-request state.
const registry = new Map<string, GridCodeValidator>(Object.entries(GRID_CODE_VALIDATORS));

/** Adds a city-specific rule; refuses to replace an existing name so a plug-in cannot silently shadow a built-in. */
export function registerGridCodeValidator(v: GridCodeValidator): void {
  if (registry.has(v.name)) throw new Error(`网格编码规则 ${v.name} 已存在`);
  registry.set(v.name, v);
}

/** The rule with that name; throws for an unknown name (a configuration error, not user input). */
export function getGridCodeValidator(name: string): GridCodeValidator {
  const v = registry.get(name);
  if (v === undefined)
    throw new Error(`未知的网格编码规则：${name}（可用：${[...registry.keys()].join('、')}）`);
  return v;
}

/** All registered rules, built-ins first, for a settings dropdown. */
export function listGridCodeValidators(): GridCodeValidator[] {
  return [...registry.values()];
}
