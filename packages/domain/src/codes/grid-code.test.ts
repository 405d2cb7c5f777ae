import { describe, expect, it } from 'vitest';
import {
  GRID_CODE_VALIDATORS,
  type GridCodeValidator,
  getGridCodeValidator,
  listGridCodeValidators,
  registerGridCodeValidator,
} from './grid-code';

const { gb14, bj15, any14or15 } = GRID_CODE_VALIDATORS;
const community = '990102001002';

describe('gb14 (GB/T 30428.1: 12-digit community + 2-digit sequence)', () => {
  it('accepts 14 digits with a non-zero sequence', () => {
    expect(gb14.validate('99010200100201')).toBeNull();
    expect(gb14.validate('99010200100299')).toBeNull();
  });

  it('rejects other lengths and explains the structure', () => {
    expect(gb14.validate('9901020010020')).toBe(
      '网格编码必须是 14 位数字（12 位社区编码 + 2 位顺序码），实际为 13 位',
    );
    expect(gb14.validate('990102001002001')).toContain('实际为 15 位');
  });

  it('rejects non-digits and empty codes', () => {
    expect(gb14.validate('9901020010020A')).toBe('网格编码 9901020010020A 只能包含数字');
    expect(gb14.validate(' 9901020010020')).toContain('只能包含数字');
    expect(gb14.validate('')).toBe('网格编码不能为空');
  });

  it('rejects sequence 00, which would be the community itself', () => {
    expect(gb14.validate('99010200100200')).toBe('网格编码 99010200100200 的顺序码不能为 00');
  });

  it('checks the code starts with its community code when given', () => {
    expect(gb14.validate('99010200100201', { communityCode: community })).toBeNull();
    expect(gb14.validate('99010200100105', { communityCode: community })).toBe(
      '网格编码 99010200100105 不以所属社区编码 990102001002 开头',
    );
    expect(gb14.validate('99010200100201', {})).toBeNull();
  });

  it('rejects a malformed community code in the context', () => {
    expect(gb14.validate('99010200100201', { communityCode: '9901020010' })).toBe(
      '所属社区编码 9901020010 必须是 12 位数字',
    );
  });
});

describe('bj15 (Beijing DB11/T: 12-digit community + 3-digit sequence)', () => {
  it('accepts 15 digits with a non-zero sequence', () => {
    expect(bj15.validate('990102001002001')).toBeNull();
    expect(bj15.validate('990102001002100', { communityCode: community })).toBeNull();
  });

  it('rejects 14 digits and sequence 000', () => {
    expect(bj15.validate('99010200100201')).toBe(
      '网格编码必须是 15 位数字（12 位社区编码 + 3 位顺序码），实际为 14 位',
    );
    expect(bj15.validate('990102001002000')).toBe('网格编码 990102001002000 的顺序码不能为 000');
  });

  it('checks the community prefix', () => {
    expect(bj15.validate('990102001001001', { communityCode: community })).toContain('不以所属社区编码');
  });
});

describe('any14or15', () => {
  it('accepts either length', () => {
    expect(any14or15.validate('99010200100201')).toBeNull();
    expect(any14or15.validate('990102001002001')).toBeNull();
  });

  it('rejects other lengths naming both options', () => {
    expect(any14or15.validate('9901020010020011')).toBe(
      '网格编码必须是 14 位数字（12 位社区编码 + 2 位顺序码） 或 15 位数字（12 位社区编码 + 3 位顺序码），实际为 16 位',
    );
  });

  it('rejects an all-zero sequence at either length', () => {
    expect(any14or15.validate('99010200100200')).toContain('顺序码不能为 00');
    expect(any14or15.validate('990102001002000')).toContain('顺序码不能为 000');
  });

  it('checks the community prefix', () => {
    expect(any14or15.validate('99010200100105', { communityCode: community })).toContain('不以所属社区编码');
  });
});

describe('registry', () => {
  it('exposes the built-ins by name with labels', () => {
    expect(getGridCodeValidator('gb14')).toBe(gb14);
    expect(getGridCodeValidator('bj15')).toBe(bj15);
    expect(getGridCodeValidator('any14or15')).toBe(any14or15);
    for (const v of Object.values(GRID_CODE_VALIDATORS)) expect(v.label).not.toBe('');
  });

  it('registers and lists a city-specific rule', () => {
    const letters: GridCodeValidator = {
      name: 'test-letters',
      label: '字母编码（测试）',
      validate: (code) => (/^[A-Z]{2}\d{4}$/.test(code) ? null : '编码须为 2 个大写字母 + 4 位数字'),
    };
    registerGridCodeValidator(letters);
    expect(getGridCodeValidator('test-letters').validate('JN0001')).toBeNull();
    expect(getGridCodeValidator('test-letters').validate('0001')).toBe('编码须为 2 个大写字母 + 4 位数字');
    expect(listGridCodeValidators().map((v) => v.name)).toEqual([
      'gb14',
      'bj15',
      'any14or15',
      'test-letters',
    ]);
  });

  it('refuses to replace an existing rule', () => {
    expect(() => registerGridCodeValidator({ ...gb14, validate: () => null })).toThrow(
      '网格编码规则 gb14 已存在',
    );
    expect(getGridCodeValidator('gb14').validate('x')).not.toBeNull();
  });

  it('throws for an unknown rule name, listing what exists', () => {
    expect(() => getGridCodeValidator('nope')).toThrow(
      /未知的网格编码规则：nope（可用：gb14、bj15、any14or15/,
    );
  });

  it('keeps the built-ins immutable', () => {
    expect(Object.isFrozen(GRID_CODE_VALIDATORS)).toBe(true);
    expect(Object.isFrozen(gb14)).toBe(true);
  });
});
